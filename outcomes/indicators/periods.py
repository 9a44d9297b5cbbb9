"""Period labels as publishers write them ("2022-23", "2022/23", "2014-16", "2018 (Rev)", "April 2010")
turned into spans of time. A label is read in the light of the indicator's period type, because
"2022-23" is September to August for an academic measure and April to March for a financial one;
months by name and quarters are the same whatever the type.
A label that cannot be read without guessing raises ``PeriodNotUnderstood``."""

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime

from outcomes.indicators.models import Indicator, Period, Value


class PeriodNotUnderstood(ValueError):
    pass


@dataclass(frozen=True)
class ParsedPeriod:
    label: str  # without its status suffix
    kind: str
    start: date
    end: date
    suffix: str = ""  # "Rev", "prov", "Final", "OT" as published
    status: str = Value.FINAL

    @property
    def key(self) -> tuple[str, date, date]:
        return (self.kind, self.start, self.end)

    @property
    def sort_key(self) -> int:
        return sort_key(self.start, self.end)


def sort_key(start: date, end: date) -> int:
    return int(end.strftime("%Y%m%d")) * 10000 + (end - start).days


# (Rev) revised, (prov) provisional, (Final) final, (OT) outturn: a financial outturn is final.
SUFFIX_STATUS = {"rev": Value.REVISED, "prov": Value.PROVISIONAL, "final": Value.FINAL, "ot": Value.FINAL}
# When one file holds a period twice, or a later file brings the same period again, the stronger
# status wins: a provisional figure never replaces a final or revised one.
STATUS_STRENGTH = {Value.PROVISIONAL: 1, Value.FINAL: 2, Value.REVISED: 3}

_SUFFIX = re.compile(r"^(?P<label>.*?)\s*\((?P<suffix>[A-Za-z]+)\)\s*$")
_YEAR = re.compile(r"^(\d{4})$")
_YEAR_PAIR = re.compile(r"^(\d{4})([-/])(\d{2})$")
_ROLLING_PAIRS = re.compile(r"^(\d{4})/(\d{2})-(\d{2})/(\d{2})$")
_QUARTER_FIN = re.compile(r"^(?:Q([1-4])\s+(\d{4})[-/](\d{2})|(\d{4})[-/](\d{2})\s+Q([1-4]))$", re.I)
_QUARTER_CAL = re.compile(r"^(?:Q([1-4])\s+(\d{4})|(\d{4})\s+Q([1-4]))$", re.I)
_MONTH_NAME = re.compile(r"^([A-Za-z]+)\.?[\s-]+(\d{4})$")
_MONTH_ISO = re.compile(r"^(\d{4})-(\d{2})$")

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9

ANNUAL_TYPES = {
    Indicator.CALENDAR: (Period.CALENDAR_YEAR, 1),
    Indicator.ACADEMIC: (Period.ACADEMIC_YEAR, 9),
    Indicator.FINANCIAL: (Period.FINANCIAL_YEAR, 4),
    Indicator.YEAR_TO_SEPTEMBER: (Period.YEAR_TO_SEPTEMBER, 10),
    Indicator.YEAR_TO_JANUARY: (Period.YEAR_TO_JANUARY, 2),
}
ROLLING_OF = {
    Indicator.CALENDAR: Period.ROLLING_CALENDAR,
    Indicator.ROLLING_CALENDAR: Period.ROLLING_CALENDAR,
    Indicator.ACADEMIC: Period.ROLLING_ACADEMIC,
    Indicator.ROLLING_ACADEMIC: Period.ROLLING_ACADEMIC,
    Indicator.FINANCIAL: Period.ROLLING_FINANCIAL,
    Indicator.ROLLING_FINANCIAL: Period.ROLLING_FINANCIAL,
}
_ROLLING_START_MONTH = {Period.ROLLING_ACADEMIC: 9, Period.ROLLING_FINANCIAL: 4}


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _year_ending(last_year: int, start_month: int, first_year: int | None = None) -> tuple[date, date]:
    """The twelve months (or run of years) starting in ``start_month`` and ending in ``last_year``."""
    first = last_year if first_year is None else first_year
    if start_month == 1:
        return date(first, 1, 1), date(last_year, 12, 31)
    end_month = start_month - 1
    return date(first - 1, start_month, 1), _month_end(last_year, end_month)


def _second_year(first: int, two_digits: str) -> int:
    century = first - first % 100
    year = century + int(two_digits)
    return year + 100 if year < first else year


def _not_understood(label: str, period_type: str, why: str = "") -> PeriodNotUnderstood:
    kind = dict(Indicator.PERIOD_TYPES).get(period_type, period_type).lower()
    reason = f" ({why})" if why else ""
    return PeriodNotUnderstood(f"'{label}' is not a period label that can be read for {kind} data{reason}")


def parse_period(label: str, period_type: str) -> ParsedPeriod:
    """Read one published period label for an indicator of ``period_type`` (Indicator.PERIOD_TYPES)."""
    raw = (label or "").strip()
    text, suffix = raw, ""
    match = _SUFFIX.match(raw)
    if match:
        text, suffix = match["label"].strip(), match["suffix"]
        if suffix.lower() not in SUFFIX_STATUS:
            raise _not_understood(raw, period_type, f"the note ({suffix}) is not known")
    status = SUFFIX_STATUS.get(suffix.lower(), Value.FINAL)

    def made(kind: str, start: date, end: date) -> ParsedPeriod:
        return ParsedPeriod(label=text, kind=kind, start=start, end=end, suffix=suffix, status=status)

    if period_type == Indicator.MONTH:
        return made(Period.MONTH, *_month(text, raw, period_type))
    if period_type == Indicator.QUARTER:
        return made(Period.QUARTER, *_quarter(text, raw, period_type))
    # A month written with its name, or a quarter with its "Q", cannot be mistaken for anything else,
    # so an annual indicator may carry them too (NI 59: monthly figures beside each year's outturn).
    # "2010-11" is read as a month only for a monthly indicator: for others it is a year.
    if (m := _MONTH_NAME.match(text)) and m[1].lower() in _MONTHS:
        return made(Period.MONTH, *_month(text, raw, period_type))
    if _QUARTER_FIN.match(text) or _QUARTER_CAL.match(text):
        return made(Period.QUARTER, *_quarter(text, raw, period_type))

    if m := _YEAR.match(text):
        year = int(m[1])
        if period_type not in ANNUAL_TYPES or year < 1900:
            raise _not_understood(raw, period_type, "a single year is not a span of this kind")
        kind, start_month = ANNUAL_TYPES[period_type]
        # A single year names the year a span ends in: "2016" for an academic measure is 2015/16.
        return made(kind, *_year_ending(year, start_month))

    if m := _YEAR_PAIR.match(text):
        first, separator = int(m[1]), m[2]
        last = _second_year(first, m[3])
        if period_type in (Indicator.ACADEMIC, Indicator.FINANCIAL) and last == first + 1:
            kind, start_month = ANNUAL_TYPES[period_type]
            return made(kind, *_year_ending(last, start_month))
        rolling = ROLLING_OF.get(period_type)
        if rolling == Period.ROLLING_CALENDAR and separator == "-" and last > first:
            # "2014-16": the calendar years 2014 to 2016 together.
            return made(rolling, date(first, 1, 1), date(last, 12, 31))
        raise _not_understood(raw, period_type, "the years do not make one span of this kind")

    if m := _ROLLING_PAIRS.match(text):
        first, last_start = int(m[1]), _second_year(int(m[1]), m[3])
        first_end, last_end = _second_year(first, m[2]), _second_year(last_start, m[4])
        rolling = ROLLING_OF.get(period_type)
        if (
            rolling in _ROLLING_START_MONTH
            and first_end == first + 1
            and last_end == last_start + 1
            and last_start > first
        ):
            start_month = _ROLLING_START_MONTH[rolling]
            return made(rolling, *_year_ending(last_end, start_month, first_year=first_end))
        raise _not_understood(raw, period_type, "the years do not make one span of this kind")

    raise _not_understood(raw, period_type)


def _month(text: str, raw: str, period_type: str) -> tuple[date, date]:
    if m := _MONTH_ISO.match(text):
        year, month = int(m[1]), int(m[2])
    elif (m := _MONTH_NAME.match(text)) and m[1].lower() in _MONTHS:
        year, month = int(m[2]), _MONTHS[m[1].lower()]
    else:
        raise _not_understood(raw, period_type, "write a month as 'April 2010' or '2010-04'")
    if not 1 <= month <= 12:
        raise _not_understood(raw, period_type, "there is no such month")
    return date(year, month, 1), _month_end(year, month)


def _quarter(text: str, raw: str, period_type: str) -> tuple[date, date]:
    if m := _QUARTER_FIN.match(text):
        q = int(m[1] or m[6])
        first = int(m[2] or m[4])
        if _second_year(first, m[3] or m[5]) != first + 1:
            raise _not_understood(raw, period_type, "a financial year is two consecutive years")
        # Financial quarters: Q1 is April to June.
        month = 4 + 3 * (q - 1)
        year = first + (month - 1) // 12
        month = (month - 1) % 12 + 1
    elif m := _QUARTER_CAL.match(text):
        q = int(m[1] or m[4])
        year = int(m[2] or m[3])
        month = 1 + 3 * (q - 1)
    else:
        raise _not_understood(raw, period_type, "write a quarter as 'Q1 2010/11' or '2010 Q1'")
    end_month = month + 2
    return date(year, month, 1), _month_end(year, end_month)


def month_label(value: date | datetime) -> str:
    return f"{calendar.month_name[value.month]} {value.year}"


def periods_for(parsed: list[ParsedPeriod]) -> dict[tuple[str, date, date], Period]:
    """The stored period for each parsed one, creating those not yet stored (first label seen wins)."""
    wanted: dict[tuple, ParsedPeriod] = {}
    for p in parsed:
        wanted.setdefault(p.key, p)
    found: dict[tuple, Period] = {}
    if wanted:
        kinds = {k[0] for k in wanted}
        for period in Period.objects.filter(kind__in=kinds):
            key = (period.kind, period.start, period.end)
            if key in wanted:
                found[key] = period
    missing = [
        Period(label=p.label, kind=p.kind, start=p.start, end=p.end, sort_key=p.sort_key)
        for key, p in wanted.items()
        if key not in found
    ]
    if missing:
        Period.objects.bulk_create(missing)
        for period in Period.objects.filter(kind__in={p.kind for p in missing}):
            key = (period.kind, period.start, period.end)
            if key in wanted:
                found[key] = period
    return found


def period_for(label: str, period_type: str) -> Period:
    parsed = parse_period(label, period_type)
    return periods_for([parsed])[parsed.key]
