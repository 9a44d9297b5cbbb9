"""Every table of every template sits in ``table_scroll`` (decision 0080): a wide table scrolls in its
own named, focusable region and the page never scrolls sideways (WCAG 2.2 reflow at 320 CSS px).
The browser test (tests/browser/test_layout.py) checks the pages; this checks the templates, so a
table on a page no test visits is caught too."""

import re
from pathlib import Path

import pytest
from django.template import engines

TEMPLATES = sorted((Path(__file__).resolve().parents[3] / "outcomes").glob("**/jinja2/**/*.html"))
TOKENS = re.compile(r"\{%-?\s*call\s+(\w+)|\{%-?\s*endcall\s*-?%\}|<table\b")


def unwrapped_tables(source: str) -> list[int]:
    """The line of each ``<table`` not inside ``{% call table_scroll(...) %}``."""
    calls: list[str] = []
    lines = []
    for token in TOKENS.finditer(source):
        text = token.group(0)
        if token.group(1):
            calls.append(token.group(1))
        elif "endcall" in text:
            calls.pop()
        elif "table_scroll" not in calls:
            lines.append(source.count("\n", 0, token.start()) + 1)
    return lines


def test_every_template_is_read():
    # A wrong path would make the test below pass with no template at all.
    assert len(TEMPLATES) > 50
    assert any(p.name == "base.html" for p in TEMPLATES)


def test_the_check_finds_a_bare_table_and_passes_a_wrapped_one():
    bare = "<p>x</p>\n<table class='govuk-table'></table>"
    wrapped = '{% call table_scroll("Schools") %}\n<table></table>\n{% endcall %}'
    other_call = '{% call table_scroll("A") %}{% call other() %}{% endcall %}{% endcall %}<table>'
    assert unwrapped_tables(bare) == [2]
    assert unwrapped_tables(wrapped) == []
    assert unwrapped_tables(other_call) == [1]


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: str(p).split("jinja2/", 1)[1])
def test_every_table_scrolls_in_its_own_region(template):
    assert unwrapped_tables(template.read_text(encoding="utf-8")) == []


def test_table_scroll_names_the_region_and_escapes_the_name():
    env = engines["jinja2"].env
    html = env.from_string('{% call table_scroll("Schools & " ~ x) %}<table></table>{% endcall %}').render(
        x="<b>links</b>"
    )
    assert html == (
        '<div class="app-table-scroll" role="region" aria-label="Schools &amp; &lt;b&gt;links&lt;/b&gt;" '
        'tabindex="0"><table></table></div>'
    )
