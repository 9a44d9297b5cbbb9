"""Checks of figures written in words and tables (seed notes-003 §20 V10, V11): sums that do not
add up, percentages that do not match their count and base, dates that do not exist, percentage
strings that do not read cleanly; and letters of other alphabets posing as Latin ones. Pure
functions over text, used by the apps' data-quality rules.

Each returns what is wrong in words, or nothing; none guesses when the text is not clear enough
to check (several changes and several pairs of figures in one text, say).
"""

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"

_CHANGE = re.compile(
    r"\b(?:increased|increase|rose|risen|rise|decreased|decrease|fell|fallen|reduced|reduction|"
    rf"dropped|drop|improved|improvement|up|down)\s+(?:of|by)\s+(?P<n>{NUMBER})(?P<unit>\s*%)?",
    re.IGNORECASE,
)
_VERB = (
    r"(?:has\s+|have\s+)?(?:increased|rose|risen|decreased|fell|fallen|reduced|dropped|improved|"
    r"gone up|gone down|went up|went down)"
)
# "17,087 meals per day increased from 16,553": the new figure first, then where it came from.
_NEW_FROM_OLD = re.compile(
    rf"(?P<b>{NUMBER})(?P<bu>\s*%)?(?:\s+[A-Za-z][\w'-]*){{0,6}}?\s+{_VERB}\s+from\s+(?P<a>{NUMBER})(?P<au>\s*%)?(?!\s*(?:%|\d|to\b))",
    re.IGNORECASE,
)
# "increased from 16,553 to 17,087"
_FROM_TO = re.compile(
    rf"{_VERB}\s+from\s+(?P<a>{NUMBER})(?P<au>\s*%)?\s+to\s+(?P<b>{NUMBER})(?P<bu>\s*%)?",
    re.IGNORECASE,
)
# "572 of 2,996 Year 5 pupils = 19%", "4 out of 15 posts (26.7%)"
_COUNT_OF_BASE = re.compile(
    rf"(?P<x>{NUMBER})\s+(?:out\s+of|of)\s+(?:the\s+|a\s+total\s+of\s+)?(?P<y>{NUMBER})\b"
    rf"(?P<between>[^.%\n]{{0,60}}?)[\s(=:,–-]*(?P<z>{NUMBER})\s*%",
    re.IGNORECASE,
)
# "26.7% (4 of 15)"
_PCT_THEN_COUNT = re.compile(
    rf"(?P<z>{NUMBER})\s*%\s*\(\s*(?P<x>{NUMBER})\s+(?:out\s+of|of)\s+(?P<y>{NUMBER})\s*\)", re.IGNORECASE
)
_DOUBLED_PERCENT = re.compile(rf"(?P<n>{NUMBER})\s*%\s*%")
_NUMERIC_DATE = re.compile(r"(?<![\d.])(?P<d>\d{1,2})[./](?P<m>\d{1,2})[./](?P<y>\d{4}|\d{2})(?![\d.]*\d)")
MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
WORDED_DATE = re.compile(
    rf"\b(?:(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
    rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{_MONTH_NAMES})\.?,?\s+(?P<y>\d{{4}})\b",
    re.IGNORECASE,
)


def number(text: str) -> Decimal | None:
    """A figure as written ("17,087", "97%", "1,040") as a number; None for "n/a" and the like."""
    cleaned = text.strip().replace(",", "").rstrip("%").strip()
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        return None


def figure(text: str) -> Decimal:
    """A figure the patterns above matched, which always reads as a number."""
    value = number(text)
    if value is None:
        raise ValueError(f"not a figure: {text!r}")
    return value


def _places(*texts: str) -> int:
    return max((len(t.split(".")[1]) if "." in t else 0) for t in texts)


def _matches_rounded(exact: Decimal, shown: str) -> bool:
    """Whether ``exact`` rounds to ``shown`` at the places ``shown`` is written with (half either
    way, since writers round both ways)."""
    half = Decimal(5) / Decimal(10) ** (_places(shown) + 1)
    return abs(exact - figure(shown)) <= half + Decimal("1e-9")


def arithmetic_problems(text: str) -> list[str]:
    """V10: "X increased by N from A to B" needs B - A = N. Checked when the text states one
    change and one pair of figures, in the same unit (both counts, or percentage points)."""
    changes = list(_CHANGE.finditer(text or ""))
    if len(changes) != 1:
        return []
    pairs = list(_NEW_FROM_OLD.finditer(text or "")) + list(_FROM_TO.finditer(text or ""))
    if len(changes) != 1 or len(pairs) != 1:
        return []
    change, pair = changes[0], pairs[0]
    percent_pair = bool(pair["au"]) and bool(pair["bu"])
    if bool(pair["au"]) != bool(pair["bu"]) or bool(change["unit"]) or percent_pair:
        # "by 5%" of a count, or a change between percentages: relative or points, not clear.
        return []
    a, b = figure(pair["a"]), figure(pair["b"])
    difference = abs(b - a)
    if _matches_rounded(difference, change["n"]):
        return []
    return [
        f"says the change is {change['n']}, but from {pair['a']} to {pair['b']} is "
        f"{_format(difference, _places(pair['a'], pair['b']))}"
    ]


def _format(value: Decimal, places: int) -> str:
    return f"{value:,.{places}f}"


def percentage_problems(text: str) -> list[str]:
    """V10: "X of Y (Z%)" needs X / Y = Z% at the places Z is written with."""
    problems = []
    seen = set()
    for match in list(_COUNT_OF_BASE.finditer(text or "")) + list(_PCT_THEN_COUNT.finditer(text or "")):
        x, y, z = figure(match["x"]), figure(match["y"]), match["z"]
        # Another figure between the base and the percentage: which is the base is not clear
        # (a year group, "Year 5 pupils", is a name rather than a figure).
        between = re.sub(r"\b(?:Year|Yr|Y)\s*\d+", "", match.groupdict().get("between") or "")
        if not y or re.search(r"\d", between):
            continue
        exact = x * 100 / y
        if (match["x"], match["y"], z) in seen or _matches_rounded(exact, z):
            continue
        seen.add((match["x"], match["y"], z))
        problems.append(
            f"gives {z}% for {match['x']} of {match['y']}, which is {_format(exact, max(_places(z), 1))}%"
        )
    return problems


def malformed_percentages(text: str) -> list[str]:
    """V11: a percentage written so that it does not read cleanly ("3.4%%")."""
    return [
        f"writes '{m.group(0)}': a percentage with a doubled % sign"
        for m in _DOUBLED_PERCENT.finditer(text or "")
    ]


def impossible_dates(text: str) -> list[str]:
    """V11: dates that do not exist ("31.4.14": April has 30 days), and a weekday that does not
    match its date ("Friday 5 June 2014" was a Thursday)."""
    problems = []
    for match in _NUMERIC_DATE.finditer(text or ""):
        day, month, year = int(match["d"]), int(match["m"]), _full_year(match["y"])
        problem = _date_problem(day, month, year)
        if problem:
            problems.append(f"gives the date '{match.group(0)}', {problem}")
    for match in WORDED_DATE.finditer(text or ""):
        day, month, year = int(match["d"]), MONTHS[match["month"].lower()], int(match["y"])
        problem = _date_problem(day, month, year)
        written = match.group(0).strip()
        if problem:
            problems.append(f"gives the date '{written}', {problem}")
        elif match["weekday"]:
            actual = calendar.day_name[date(year, month, day).weekday()]
            if actual.lower() != match["weekday"].lower():
                shown = f"{day} {calendar.month_name[month]} {year}"
                problems.append(f"gives the date '{written}', but {shown} was a {actual}")
    return problems


def _full_year(text: str) -> int:
    year = int(text)
    return year + 2000 if len(text) == 2 else year


def _date_problem(day: int, month: int, year: int) -> str | None:
    if not 1 <= month <= 12:
        return f"but there is no month {month}"
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        return f"but {calendar.month_name[month]} {year} has {last} days"
    return None


@dataclass(frozen=True)
class CellProblem:
    row: int
    column: int
    message: str


_COUNT_AND_PERCENT = re.compile(rf"^\s*(?P<x>{NUMBER})\s*\(?\s*(?P<z>{NUMBER})\s*%\s*\)?\s*$")


def table_percentage_problems(columns: list[str], rows: list[list[str]]) -> list[CellProblem]:
    """V10 in a table: a cell holding a count and its percentage ("516 97%") must match its base,
    the column to its left that the other rows of the table use as base (seed 003's weight
    management table: 516 of 531 completers is 97%, but "168 95%" of 168 completers is 100%)."""
    problems = []
    width = max((len(r) for r in rows), default=0)
    for col in range(width):
        cells = {}
        for r, row in enumerate(rows):
            match = _COUNT_AND_PERCENT.match(row[col]) if col < len(row) else None
            if match:
                cells[r] = match
        if not cells:
            continue
        # For each candidate base column, the rows whose percentage it reproduces.
        reproduces: dict[int, set[int]] = {}
        for base in range(col):
            for r, match in cells.items():
                value = number(rows[r][base]) if base < len(rows[r]) else None
                if value and _matches_rounded(figure(match["x"]) * 100 / value, match["z"]):
                    reproduces.setdefault(base, set()).add(r)
        if not reproduces:
            continue
        base = max(reproduces, key=lambda b: (len(reproduces[b]), b))
        for r, match in cells.items():
            if r in reproduces[base]:
                continue
            value = number(rows[r][base]) if base < len(rows[r]) else None
            name = _column_name(columns, col)
            base_name = _column_name(columns, base)
            if not value:
                message = f"'{rows[r][col].strip()}' in {name} has no base in {base_name}"
            else:
                exact = figure(match["x"]) * 100 / value
                message = (
                    f"'{rows[r][col].strip()}' in {name}: {match['x']} of {rows[r][base].strip()} "
                    f"({base_name}, the base of the other rows) is {_format(exact, _places(match['z']))}%, "
                    f"not {match['z']}%"
                )
                others = [b for b in range(col) if b != base and r in reproduces.get(b, set())]
                if others:
                    other = others[-1]
                    shown = f"{rows[r][other].strip()} ({_column_name(columns, other)})"
                    message += f"; {match['z']}% is {match['x']} of {shown}"
            problems.append(CellProblem(r, col, message))
    return problems


def _column_name(columns: list[str], index: int) -> str:
    name = columns[index].strip() if index < len(columns) else ""
    return f"'{name}'" if name else f"column {index + 1}"


_WORD = re.compile(r"[^\W\d_]+")


def _script(letter: str) -> str | None:
    name = unicodedata.name(letter, "")
    for script in ("CYRILLIC", "GREEK"):
        if name.startswith(script):
            return script.capitalize()
    return None


def lookalike_letters(text: str) -> list[str]:
    """notes-002 §10.16: Cyrillic or Greek letters that look like Latin ones, in English words
    ("ктѕ" for KTS, "Αctions" with a Greek capital alpha): searching and sorting miss them. A word
    wholly in Greek (a symbol such as µ aside) is left alone; a Cyrillic letter anywhere is not."""
    problems = []
    seen = set()
    for match in _WORD.finditer(text or ""):
        word = match.group(0)
        scripts = {letter: _script(letter) for letter in word}
        foreign = [letter for letter, script in scripts.items() if script]
        if not foreign or word in seen:
            continue
        has_latin = any(letter.isascii() for letter in word)
        if not has_latin and all(scripts[letter] == "Greek" for letter in foreign):
            continue
        seen.add(word)
        kinds = " and ".join(sorted({str(scripts[letter]) for letter in foreign}))
        problems.append(
            f"writes '{word}' with {kinds} letters that look like Latin ones ({', '.join(foreign)})"
        )
    return problems
