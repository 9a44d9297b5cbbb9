"""What a download's cells hold, and the one guard every writer applies to them.

Views hand rows of typed values: ``str`` is text, ``int``/``float``/``Decimal``/``Fraction`` a
number, ``date``/``datetime`` a date, ``None`` an empty cell, and ``Number`` a number with the
decimals (and the percent sign) it is published with. Nothing here knows a page or a model.
See docs/decisions/0065 (the helper) and 0066 (the guard).
"""

import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

# Excel keeps at most this many characters in a cell (and openpyxl cuts silently beyond it).
EXCEL_CELL_LIMIT = 32_767
SHEET_TITLE_LIMIT = 31

# Characters XML 1.0 cannot hold (so neither .xlsx nor .docx can). Word's manual line break (\v)
# and page break (\f) are line ends to a reader, so they become one; the rest are dropped.
_ILLEGAL = re.compile(r"[\x00-\x08\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_BREAKS = str.maketrans({"\v": "\n", "\f": "\n"})

# A spreadsheet runs text that starts with these as a formula (tab and CR are how a CSV smuggles
# a leading "=" past a naive check).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Text that is nothing but a signed number ("-5", "+2.5") is read by a spreadsheet as that number
# and cannot run anything, so it is left as it is.
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")


def clean_text(text: str) -> str:
    """``text`` with the control characters that XML (and so .xlsx and .docx) cannot hold removed."""
    return _ILLEGAL.sub("", text.translate(_BREAKS))


def is_formula_like(text: str) -> bool:
    """True when a spreadsheet could read ``text`` as a formula (docs/decisions/0066)."""
    return text.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(text)


def csv_text(text: str) -> str:
    """Text for a CSV cell: cleaned, and a leading apostrophe before anything formula-like (the
    mark a spreadsheet itself uses for "this is text")."""
    text = clean_text(text)
    return "'" + text if is_formula_like(text) else text


def cut_note(length: int) -> str:
    limit = f"{EXCEL_CELL_LIMIT:,}"
    return f" [Cut: the full text is {length:,} characters; an Excel cell holds at most {limit}.]"


def excel_text(text: str) -> str:
    """Text for an Excel cell: cleaned, and cut to Excel's limit with a note saying so."""
    text = clean_text(text)
    if len(text) <= EXCEL_CELL_LIMIT:
        return text
    note = cut_note(len(text))
    return text[: EXCEL_CELL_LIMIT - len(note)] + note


@dataclass(frozen=True)
class Number:
    """A figure with its published precision. ``percent`` means ``value`` is in percentage points
    (64.5 means 64.5%): a CSV writes 64.5, Excel holds 0.645 formatted as a percentage."""

    value: int | float | Decimal | Fraction
    places: int | None = None
    percent: bool = False

    def exact(self) -> Decimal:
        value = self.value
        if isinstance(value, Fraction):
            return Decimal(value.numerator) / Decimal(value.denominator)
        return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)

    def decimals(self) -> int:
        """The places given, or those the value was written with (65.50 keeps two)."""
        if self.places is not None:
            return self.places
        exponent = self.exact().as_tuple().exponent
        return max(0, -exponent) if isinstance(exponent, int) else 0

    def rounded(self) -> Decimal:
        exact = self.exact()
        if self.places is None:
            return exact
        return exact.quantize(Decimal(1).scaleb(-self.places), rounding=ROUND_HALF_UP)

    def excel_value(self) -> int | float:
        value = self.rounded()
        if self.percent:
            return float(value / 100)
        return int(value) if value == value.to_integral_value() else float(value)

    def excel_format(self) -> str:
        places = self.decimals()
        decimals = "." + "0" * places if places else ""
        return f"0{decimals}%" if self.percent else f"#,##0{decimals}"

    def csv_value(self) -> str:
        return f"{self.rounded():f}" if self.places is not None else plain_number(self.exact())


def percent(value, places: int | None = None) -> Number | None:
    """A percentage given in points (64.5), or None for an empty cell."""
    return None if value is None else Number(value, places, percent=True)


def number(value, places: int | None = None) -> Number | None:
    return None if value is None else Number(value, places)


def plain_number(value: int | float | Decimal | Fraction) -> str:
    """A number as a CSV writes it: no thousands separators, no trailing zeros, no exponent."""
    if isinstance(value, Fraction):
        value = Decimal(value.numerator) / Decimal(value.denominator)
    if isinstance(value, float):
        value = Decimal(repr(value))
    if isinstance(value, int):
        return str(value)
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def csv_cell(value) -> str:
    """Any cell value as CSV text."""
    if value is None:
        return ""
    if isinstance(value, Number):
        return value.csv_value()
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float | Decimal | Fraction):
        return plain_number(value)
    if isinstance(value, datetime):
        # Local time as the caller gave it, to the second, as a spreadsheet reads a date-time.
        return value.replace(tzinfo=None).isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    return csv_text(str(value))


def sheet_title(text: str, taken: set[str] | None = None) -> str:
    """A worksheet name Excel accepts: no []:*?/\\, single spaces, at most 31 characters cut at a
    word boundary, and unique (case aside) among ``taken``, which it joins."""
    title = " ".join(re.sub(r"[\[\]:*?/\\]", " ", clean_text(text)).split()).strip("'") or "Sheet"
    title = _shorten(title, SHEET_TITLE_LIMIT)
    used = {t.casefold() for t in taken or ()}
    candidate, n = title, 1
    while candidate.casefold() in used:
        n += 1
        suffix = f" ({n})"
        candidate = _shorten(title, SHEET_TITLE_LIMIT - len(suffix)) + suffix
    if taken is not None:
        taken.add(candidate)
    return candidate


def _shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit + 1].rsplit(" ", 1)[0] if " " in text[: limit + 1] else text[:limit]
    cut = cut[:limit].rstrip(" -–,;.(")
    return cut or text[:limit]
