"""Generated bad values for the fuzz suite (tests/*/integration/test_fuzz_*.py): huge, tiny,
non-finite, control characters, deep nesting, over-long, mixed with ordinary ones so that some
examples are accepted and the pages that then show them are checked too."""

import re

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

# A sensible number of examples: the suite runs in `make test` and must finish in a minute or two.
FUZZ = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)

NUMBER_WORDS = st.sampled_from(
    [
        "1e999999",
        "-1e999999",
        "1e-999999",
        "inf",
        "-Infinity",
        "nan",
        "NaN",
        "1E+40",
        "9" * 40,
        "9" * 5000,
        "-0",
        "0x1F",
        "1_000",
        "١٢٣",
        "12",
        "80.17",
        "82%",
        "1,406",
        "",
        " ",
    ]
)
NUMBERS = st.one_of(
    NUMBER_WORDS,
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.integers(min_value=-(10**60), max_value=10**60).map(str),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
)
CONTROL = st.characters(min_codepoint=0, max_codepoint=0x1F) | st.sampled_from(["\x7f", "\ufffe", "\uffff"])
TEXTS = st.one_of(
    st.text(max_size=30),
    st.text(alphabet=CONTROL, min_size=1, max_size=5),
    st.builds(lambda a, c, b: a + c + b, st.text(max_size=8), CONTROL, st.text(max_size=8)),
    st.sampled_from(["=1+2", "@SUM(A1)", "-2", "Line one\x0bline two", "x" * 301, "y" * 40_000, "ordinary"]),
    st.integers(min_value=1, max_value=400).map(lambda n: "z" * n),
)
ANY_CELL = st.one_of(TEXTS, NUMBERS)


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


JSON_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**50), max_value=10**50),
    st.floats(allow_nan=False, allow_infinity=False),
    TEXTS,
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)

_PROBLEM = re.compile(r'<li><a href="#id_file">([^<]*)</a></li>')


def listed_problems(html: str) -> list[str]:
    return _PROBLEM.findall(html)


def assert_refused_and_located(response, filename: str) -> None:
    """A refused upload: the page again, saying nothing changed, each problem starting with the file
    (then its sheet, row and column, or JSON path, when the problem is in one place)."""
    assert response.status_code == 200, response.status_code
    html = response.content.decode()
    assert f"{filename} was not imported" in html
    assert "Nothing has been changed" in html
    problems = listed_problems(html)
    assert problems, html[html.find("govuk-error-summary") :][:2000]
    assert all(p.startswith(filename) for p in problems), problems
