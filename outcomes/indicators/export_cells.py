"""Indicator figures as download cells: numbers with the measure's decimals and unit, never the
page's text ("1,760", "64%"), so a spreadsheet can sort, sum and chart them (decision 0067)."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from outcomes.core.downloads import Number
from outcomes.indicators.models import Indicator

UNIT_WORDS = {
    Indicator.PERCENTAGE: "%",
    Indicator.RATE: "rate",
    Indicator.COUNT: "count",
    Indicator.MEAN: "mean or score",
    Indicator.MONEY: "£",
    Indicator.YES_NO: "yes or no",
    Indicator.OTHER_UNIT: "",
}


def unit_words(indicator: Indicator) -> str:
    """The unit a download's "Unit" column gives for the measure's figures."""
    return UNIT_WORDS.get(indicator.unit_kind, "")


def figure_cell(value, indicator: Indicator, places: int | None = None) -> Number | None:
    """A figure as the measure publishes it: ``places`` or its decimal places (or up to four when it
    sets none), a percentage as a percentage. None (an empty cell) for no figure or one that is not
    finite."""
    if value is None:
        return None
    try:
        number = Decimal(repr(float(value))) if isinstance(value, float) else Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        return None
    if not number.is_finite():
        return None
    if places is None:
        places = indicator.decimal_places
    if places is None:
        number = number.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP).normalize()
        if number == 0:
            number = Decimal(0)
    return Number(number, places, percent=indicator.unit_kind == Indicator.PERCENTAGE)


def rank_cells(rank: int | None, of: int | None) -> list[int | None]:
    """A rank as two numbers, the rank and how many it is out of; empty when there is no ranking
    (a council's own indicator is ranked among fewer than two)."""
    if rank is None or not of or of < 2:
        return [None, None]
    return [rank, of]
