"""How numbers and dates are shown. Display only: every figure is computed exactly elsewhere."""

from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from django.utils import timezone


def round_half_up(value: Fraction, places: int = 0) -> Decimal:
    """Round an exact fraction the way people round by hand (0.5 goes up), not to even."""
    quantum = Decimal(1).scaleb(-places)
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return exact.quantize(quantum, rounding=ROUND_HALF_UP)


def format_weight(value: Fraction | Decimal | int | None, places: int = 1) -> str:
    """28.5, 4.3, 12: at most ``places`` decimals, trailing zeros dropped (as the seed prints them)."""
    if value is None:
        return ""
    rounded = round_half_up(Fraction(value), places)
    text = f"{rounded:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def fraction_text(value: Fraction | int) -> str:
    """An exact fraction in lowest terms as a string: "57/2", "12"."""
    value = Fraction(value)
    return str(value.numerator) if value.denominator == 1 else f"{value.numerator}/{value.denominator}"


def format_date(value: date | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = timezone.localtime(value).date()
    return f"{value.day} {value:%B %Y}"


def format_datetime(value: datetime | None) -> str:
    if value is None:
        return ""
    local = timezone.localtime(value)
    return f"{local.day} {local:%B %Y} at {local:%H:%M}"


_VULGAR = {
    (1, 2): "½",
    (1, 3): "⅓",
    (2, 3): "⅔",
    (1, 4): "¼",
    (3, 4): "¾",
    (1, 5): "⅕",
    (1, 6): "⅙",
    (5, 6): "⅚",
    (1, 8): "⅛",
}


def format_share(value: Fraction) -> str:
    """A share of one milestone, as people write it: ½, ⅓, or 2/7 where no sign exists."""
    value = Fraction(value)
    return _VULGAR.get((value.numerator, value.denominator), fraction_text(value))


def format_decimal(value: Decimal | None) -> str:
    """A stored measure as it was written: 65.5, not 65.5000."""
    if value is None:
        return ""
    return f"{value.normalize():f}"


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 22nd: how a report counts its rounds."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
