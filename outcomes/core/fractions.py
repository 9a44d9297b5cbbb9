"""Exact fractions typed by people or read from files ("1/3", "0.5", 1)."""

from decimal import Decimal, InvalidOperation
from fractions import Fraction


class NotAFraction(ValueError):
    pass


def parse_fraction(value: object) -> Fraction:
    """Read a weight exactly. Floats go through their shortest decimal text, so 0.5 is 1/2;
    an inexact 0.333 stays 333/1000 (and a set of such weights will not sum to 1)."""
    if isinstance(value, bool):
        raise NotAFraction(f"{value!r} is not a number")
    if isinstance(value, int | Fraction):
        return Fraction(value)
    if isinstance(value, float | Decimal):
        exact = Decimal(str(value))
        if not exact.is_finite() or (exact and abs(exact.adjusted()) > 30):
            raise NotAFraction(f"{value!r} is not a share of one")
        return Fraction(str(value))
    if isinstance(value, str):
        text = value.strip()
        if not text:
            raise NotAFraction("it is empty")
        if len(text) > 40:
            # A share is written in a few characters; a long one would cost a huge integer to read.
            raise NotAFraction(f"'{text[:20]}…' is not a number or a fraction such as 1/3")
        try:
            if "/" in text:
                top, bottom = text.split("/", 1)
                return Fraction(int(top.strip()), int(bottom.strip()))
            number = Decimal(text)
            if not number.is_finite() or abs(number.adjusted()) > 30:
                raise ValueError(text)
            return Fraction(number)
        except (ValueError, ZeroDivisionError, InvalidOperation, OverflowError):
            raise NotAFraction(f"{value!r} is not a number or a fraction such as 1/3") from None
    raise NotAFraction(f"{value!r} is not a number or a fraction such as 1/3")
