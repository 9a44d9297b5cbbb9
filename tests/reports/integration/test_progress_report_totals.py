"""The overview adds up as shown, and a round's figures are the same wherever they appear (issue 11
item 2): the page, the Word document, the workbook, the JSON, and the next round's "Changes since"."""

import io
import re
from html import unescape

import pytest
from django.urls import reverse
from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from outcomes.plans.interchange import import_plan
from tests.plans.factories import small_plan_data

pytestmark = pytest.mark.django_db
KEYS = ["green", "amber", "red", "blue"]
MILESTONES = [(1, 6), (1, 7), (2, 1), (2, 2), (2, 3), (2, 4)]


def plan_with(statuses_by_round: dict[str, list[dict]], slug="totals-plan"):
    """The small plan (six reported milestones) with the given status for each, per round."""
    data = small_plan_data()
    data["slug"] = slug
    for round_ in data["rounds"]:
        statuses = statuses_by_round[round_["slug"]]
        round_["updates"] = [
            {"priority": p, "milestone": m, "text": f"• Update on P{p} M{m}", "rag": rag}
            for (p, m), rag in zip(MILESTONES, statuses, strict=True)
        ]
    return import_plan(data, source=f"{slug}.json")


def html_overview(html: str) -> dict[str, list[str]]:
    """The overview's rows as the reader sees them: {'Total': ['1', '0', ...], ...}."""
    table = html[html.index('id="overview"') :]
    table = table[: table.index("</table>")]
    rows = {}
    for row in re.findall(r"<tr.*?</tr>", table, re.S)[1:]:
        cells = [
            unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in re.findall(r"<t[hd].*?</t[hd]>", row, re.S)
        ]
        rows[cells[0].split(":")[0]] = cells[1:]
    return rows


def html_changes(html: str) -> dict[str, list[str]]:
    table = html[html.index('id="changes"') :]
    table = table[: table.index("</table>")]
    rows = {}
    for row in re.findall(r"<tr.*?</tr>", table, re.S)[1:]:
        cells = [
            unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in re.findall(r"<t[hd].*?</t[hd]>", row, re.S)
        ]
        rows[cells[0]] = cells[1:]
    return rows


def _get(client, name, plan="totals-plan", round_slug="june-2014"):
    return client.get(reverse(name, kwargs={"slug": plan, "round_slug": round_slug}))


HALF_AND_BLUE = [{"green": "1/2", "amber": "1/2"}] + [{"blue": "1"}] * 5


def test_one_half_green_half_amber_milestone_and_the_rest_blue_adds_up_everywhere(client, users):
    plan_with({"dec-2013": [{"blue": "1"}] * 6, "june-2014": HALF_AND_BLUE})
    client.force_login(users["performance_officer"])
    html = _get(client, "reports:progress").content.decode()
    rows = html_overview(html)
    # It read "1 | 1 | 0 | 5 | 6": 7 milestones out of 6.
    assert rows["Total"] == ["1", "0", "0", "5", "6"]
    assert rows["%"][:4] == ["8", "8", "0", "84"]  # of the exact halves, adding up to 100
    assert rows["1"] == ["0.5", "0.5", "0", "1", "2"]
    assert "Green 0.5 against 1" in html
    assert "Amber 0.5 against 0" in html

    doc = Document(io.BytesIO(_get(client, "reports:progress_docx").content))
    word = [[c.text for c in r.cells] for r in doc.tables[0].rows]
    assert word[-2][1:] == rows["Total"]
    assert word[-1][1:5] == rows["%"][:4]
    assert word[1][1:] == rows["1"]
    assert any("Amber 0.5 against 0" in p.text for p in doc.paragraphs)

    wb = load_workbook(io.BytesIO(_get(client, "reports:progress_xlsx").content))
    sheet = [r for r in wb["Overview"].iter_rows(values_only=True) if r[0] in ("Total", "%")]
    assert list(sheet[0][1:6]) == [1, 0, 0, 5, 6]
    assert [round(v * 100) for v in sheet[1][1:5]] == [8, 8, 0, 84]  # fractions shown as percent

    data = _get(client, "reports:progress_json").json()
    assert data["overview"]["shown"]["total"] == {"green": 1, "amber": 0, "red": 0, "blue": 5, "total": 6}
    assert data["overview"]["shown"]["percent"] == {"green": 8, "amber": 8, "red": 0, "blue": 84}
    assert data["overview"]["shown"]["rows"][0] == {
        "priority": 1,
        "green": 0.5,
        "amber": 0.5,
        "red": 0,
        "blue": 1,
        "total": 2,
    }


THIRDS = [
    {"green": "1/3", "amber": "1/3", "red": "1/3"},
    {"green": "1/3", "amber": "2/3"},
    {"green": "1/3", "amber": "2/3"},
    {"amber": "1"},
    {"red": "1"},
    {"amber": "1"},
]


def test_changes_since_shows_the_previous_round_as_its_own_report_shows_it(client, users):
    plan_with({"dec-2013": THIRDS, "june-2014": [{"green": "1"}] * 6})
    client.force_login(users["performance_officer"])
    december = html_overview(_get(client, "reports:progress", round_slug="dec-2013").content.decode())
    # Exact: Green 1, Amber 11/3, Red 4/3 -> 1, 4, 1 (adds up to 6; not 1, 3.7, 1.3).
    assert december["Total"] == ["1", "4", "1", "0", "6"]

    changes = html_changes(_get(client, "reports:progress").content.decode())
    assert [changes[label][0] for label in ("Green", "Amber", "Red", "Blue")] == december["Total"][:4]
    assert changes["Green"] == ["1", "6", "+5"]
    assert changes["Amber"] == ["4", "0", "-4"]

    doc = Document(io.BytesIO(_get(client, "reports:progress_docx").content))
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "Status")
    assert [[c.text for c in r.cells][1:] for r in table.rows[1:3]] == [["1", "6", "+5"], ["4", "0", "-4"]]

    wb = load_workbook(io.BytesIO(_get(client, "reports:progress_xlsx").content))
    assert [list(r[1:4]) for r in wb["Changes"].iter_rows(min_row=2, max_row=3, values_only=True)] == [
        [1, 6, 5],
        [4, 0, -4],
    ]

    data = _get(client, "reports:progress_json").json()["changes"]
    assert data["previous_total"] == {"green": 1, "amber": 4, "red": 1, "blue": 0}
    assert data["difference"] == {"green": 5, "amber": -4, "red": -1, "blue": 0}


STATUS = st.sampled_from(
    [
        {"green": "1"},
        {"blue": "1"},
        {"red": "1"},
        {"green": "1/2", "amber": "1/2"},
        {"amber": "1/2", "red": "1/2"},
        {"green": "1/3", "amber": "1/3", "red": "1/3"},
        {"amber": "2/3", "blue": "1/3"},
        {"green": "1/4", "red": "3/4"},
    ]
)
counter = iter(range(10**6))


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(STATUS, min_size=6, max_size=6))
def test_the_page_adds_up_for_random_split_statuses(client, users, statuses):
    slug = f"random-{next(counter)}"
    plan_with({"dec-2013": [{"amber": "1"}] * 6, "june-2014": statuses}, slug=slug)
    client.force_login(users["performance_officer"])
    html = _get(client, "reports:progress", plan=slug).content.decode()
    rows = html_overview(html)
    labels = ["Green", "Amber", "Red", "Blue"]
    priorities = [cells for name, cells in rows.items() if name not in ("Total", "%")]
    for cells in priorities:
        assert sum(float(c) for c in cells[:4]) == pytest.approx(float(cells[4]))
    total = rows["Total"]
    assert sum(int(c) for c in total[:4]) == int(total[4]) == 6
    assert sum(int(c) for c in rows["%"][:4]) == 100
    for i, label in enumerate(labels):
        column = round(sum(float(cells[i]) for cells in priorities), 1)
        if column != int(total[i]):
            assert f"{label} {column:g} against {total[i]}" in unescape(html)
