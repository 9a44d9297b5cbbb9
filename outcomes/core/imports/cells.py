"""Typed readers for one value of an imported file (a spreadsheet cell, a CSV field, a JSON value).

Each returns the value ready to store, or raises ``BadValue`` with a message that says what is wrong;
the caller adds where it is. The bounds come from the model fields the value is written to
(decision 0061), so that nothing accepted here can fail in the database or in an export later.
"""

import re
from datetime import date, datetime
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation

from outcomes.core.downloads.cells import EXCEL_CELL_LIMIT as EXCEL_CELL_CHARACTERS

YES = {"yes", "y", "true", "1"}
NO = {"no", "n", "false", "0"}
# Dates before or after these are typing mistakes (and beyond what every database stores).
FIRST_YEAR, LAST_YEAR = 1900, 2200
# A Word soft line break (vertical tab) and a page break (form feed) are line breaks to a person.
_LINE_BREAKS = str.maketrans({"\x0b": "\n", "\x0c": "\n", "\u2028": "\n", "\u2029": "\n"})
# What neither PostgreSQL (NUL) nor the XML inside .xlsx and .docx files (other C0 controls, lone
# surrogates, U+FFFE and U+FFFF) can hold.
_UNSTORABLE = re.compile("[\x00-\x08\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class BadValue(ValueError):
    """The message says what is wrong with the value, without saying where it is."""


def is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def plain(value) -> str:
    """A cell as text, as a person sees it: 12.0 is 12, a date is 2026-04-01."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, datetime):
        value = value.date() if not value.time() else value
    if isinstance(value, date | datetime):
        return value.isoformat()
    return str(value)


def short(raw: str) -> str:
    """A value quoted in a message: a long one is cut, so that the message stays readable."""
    return raw if len(raw) <= 40 else raw[:20] + "…"


def text(value, *, max_length: int | None = None, multiline: bool = True, strip: bool = True) -> str:
    """Text to store. Line ends become LF; a soft line break becomes a line break (or a space in a
    one-line field); characters that cannot be stored are refused, naming the first one."""
    result = plain(value).replace("\r\n", "\n").replace("\r", "\n").translate(_LINE_BREAKS)
    if not multiline:
        result = " ".join(result.split("\n"))
    bad = _UNSTORABLE.search(result)
    if bad:
        raise BadValue(
            f"the text holds the control character U+{ord(bad.group()):04X} at character "
            f"{bad.start() + 1:,}, which cannot be stored: remove it (copying the text again "
            "from its source without formatting usually does)"
        )
    if strip:
        result = result.strip()
    if max_length is not None and len(result) > max_length:
        raise BadValue(f"the text is {len(result):,} characters long: at most {max_length:,} fit here")
    return result


def integer(value, *, minimum: int | None = None, maximum: int | None = None, what: str = "a whole number"):
    """A whole number (12, 12.0, "12", "1,406"), or None when blank."""
    if is_blank(value):
        return None
    bounds = _bounds_words(minimum, maximum)
    if isinstance(value, bool):
        raise BadValue(f"'{plain(value)}' is not {what}{bounds}")
    if isinstance(value, float | Decimal):
        # A huge exponent is refused before int() would spell it out digit by digit.
        exact = Decimal(repr(value)) if isinstance(value, float) else value
        if not exact.is_finite() or abs(exact) > 10**30 or exact != int(exact):
            raise BadValue(f"'{short(plain(value))}' is not {what}{bounds}")
        number = int(exact)
    elif isinstance(value, int):
        number = value
    else:
        raw = str(value).strip().replace(",", "")
        # Checked before int() so that a 5,000-digit number costs nothing and says what it is.
        if not re.fullmatch(r"[-+]?\d{1,30}(\.0*)?", raw):
            raise BadValue(f"'{short(raw)}' is not {what}{bounds}")
        number = int(raw.split(".")[0])
    if (minimum is not None and number < minimum) or (maximum is not None and number > maximum):
        shown = f"{number:,}" if abs(number) < 10**40 else f"a number of {len(str(abs(number))):,} digits"
        raise BadValue(f"{shown} is not {what}{bounds}")
    return number


def decimal(
    value,
    *,
    max_digits: int,
    decimal_places: int,
    minimum: Decimal | int | None = None,
    percent: bool = False,
) -> Decimal | None:
    """A number as written ("1,406", "£5", 82.5, and "82%" when ``percent``), or None when blank.
    It must be finite and fit the model field (``max_digits``, ``decimal_places``): more decimal
    places than the field keeps are rounded, a number too large to hold is refused."""
    if is_blank(value):
        return None
    shown = short(plain(value).strip())
    if isinstance(value, bool):
        raise BadValue(f"'{shown}' is not a number")
    try:
        if isinstance(value, float):
            number = Decimal(repr(value))
        elif isinstance(value, int | Decimal):
            number = Decimal(value)
        else:
            raw = str(value).strip().replace(",", "").replace("£", "")
            if percent and raw.endswith("%"):
                raw = raw[:-1].strip()
            if len(raw) > 60:
                raise BadValue(f"'{shown}' is not a number that can be stored")
            number = Decimal(raw)
    except InvalidOperation:
        raise BadValue(f"'{shown}' is not a number") from None
    if not number.is_finite():
        raise BadValue(f"'{shown}' is not a number (infinity and 'not a number' cannot be stored)")
    if number and number.adjusted() >= max_digits - decimal_places:
        largest = "9" * (max_digits - decimal_places)
        raise BadValue(f"'{shown}' is too large: the largest number that can be stored is {int(largest):,}")
    exponent = number.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -decimal_places:
        number = number.quantize(Decimal(1).scaleb(-decimal_places), rounding=ROUND_HALF_EVEN)
    if minimum is not None and number < minimum:
        raise BadValue(f"{shown} is less than {minimum}")
    return number


def day(value) -> date | None:
    """A date typed as a date in Excel, or written 2026-04-01, 01/04/2026, 1 April 2026; None when blank."""
    if is_blank(value):
        return None
    found = (
        value.date()
        if isinstance(value, datetime)
        else value
        if isinstance(value, date)
        else _parse_day(value)
    )
    if not FIRST_YEAR <= found.year <= LAST_YEAR:
        raise BadValue(f"{found.isoformat()} is not a date between {FIRST_YEAR} and {LAST_YEAR}")
    return found


def _parse_day(value) -> date:
    raw = plain(value).strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d %B %Y", "%d %b %Y"):
        try:
            return datetime.strptime(raw, fmt).date()
        except ValueError:
            continue
    raise BadValue(f"'{short(raw)}' is not a date (write it as 2026-04-01 or 01/04/2026)")


def choice(value, choices, *, what: str = "value") -> str | None:
    """One of ``choices`` (compared without regard to case), as it is spelt in ``choices``; None
    when blank."""
    if is_blank(value):
        return None
    raw = short(text(value, multiline=False))
    for option in choices:
        if option.lower() == raw.lower():
            return option
    raise BadValue(f"'{raw}' is not a {what}: use {_or_list(list(choices))}")


def flag(value, *, default: bool = False) -> bool:
    """Yes or no (also y/n, true/false, 1/0); ``default`` when blank."""
    raw = plain(value).strip().lower()
    if not raw:
        return default
    if raw in YES:
        return True
    if raw in NO:
        return False
    raise BadValue(f"'{short(raw)}' should be yes or no")


def percentage(value) -> Decimal | None:
    """A percentage from 0 to 100, written 82.5 or 82.5%."""
    number = decimal(value, max_digits=7, decimal_places=4, percent=True)
    if number is not None and not 0 <= number <= 100:
        raise BadValue(f"{number} is not a percentage from 0 to 100")
    return number


def max_length(model, field: str) -> int:
    """The longest text the model's field holds: a CharField's max_length, or Excel's cell limit
    (32,767 characters) for a TextField, so that whatever is imported can be exported whole."""
    return model._meta.get_field(field).max_length or EXCEL_CELL_CHARACTERS


def _finite(value) -> bool:
    return (
        Decimal(value).is_finite()
        if isinstance(value, Decimal)
        else value == value and abs(value) != float("inf")
    )


def _bounds_words(minimum, maximum) -> str:
    if minimum is not None and maximum is not None:
        return f" from {minimum:,} to {maximum:,}"
    if minimum is not None:
        return f" from {minimum:,}"
    if maximum is not None:
        return f" up to {maximum:,}"
    return ""


def _or_list(options: list[str]) -> str:
    return options[0] if len(options) == 1 else ", ".join(options[:-1]) + " or " + options[-1]
