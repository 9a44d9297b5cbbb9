"""The NTI action plan and Planning Grid 1 transcribed from seed 002 say what the seed says.

The counts are the report's own (L1308-1312, notes-002 §7.2), the NI 59 row is fixture 1's expected
parse (notes §11), the baseline ratios are the ones notes §9.12 verified, and the grid's
recommendation references are notes §6.3's. A demo plan is built from these files, so a slip here
would show in every screen of the demo.
"""

import itertools
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

import outcomes.plans

DATA = Path(outcomes.plans.__file__).resolve().parent / "demo_data"
# Letters outside ASCII that the seed really uses; any other is extraction residue (Cyrillic or
# Greek look-alikes). Symbols outside ASCII are limited to the ones the plan prints.
LETTERS = set("é")
SYMBOLS = set("£↑→↓–'’•§…")


@pytest.fixture(scope="module")
def nti():
    return json.loads((DATA / "nti_2010_rows.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def rows(nti):
    return [row for group in nti["groups"] for row in group["rows"]]


@pytest.fixture(scope="module")
def grid():
    return json.loads((DATA / "grid_commissioning_2010.json").read_text(encoding="utf-8"))


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def test_the_plan_header_and_summary_line_are_the_seeds(nti):
    assert nti["title"] == "RMBC Notice to Improve Action Plan"
    assert nti["updated_on"] == "2010-10-27"
    assert nti["summary_as_at"] == "2010-11-04"
    assert nti["summary_line_as_written"] == "Red:1-3%Amber:22-76%Green:6-21% (of which two are completed)"


def test_29_rows_in_the_seven_groups_in_source_order(nti, rows):
    assert len(rows) == 29
    headings = [(g["table"], g["heading"].split(" – ")[0]) for g in nti["groups"]]
    assert headings == [
        ("performance_measures", "Staying Safe - Performance"),
        ("operational_targets", "Social Worker Practice"),
        ("operational_targets", "1. Staying Safe"),
        ("operational_targets", "2. Enjoying and Achieving"),
        ("operational_targets", "3. Leadership and Management/Capacity Building/Support"),
        ("operational_targets", "4. Performance Management"),
        ("operational_targets", "5. Recruitment and Retention"),
    ]
    assert [len(g["rows"]) for g in nti["groups"]] == [3, 6, 3, 1, 6, 6, 4]
    firsts = [row["lines"][0] for row in rows]
    assert firsts == sorted(firsts)
    assert all(1425 <= line <= 1510 for row in rows for line in row["lines"])


def test_rag_counts_are_the_reports_with_complete_counted_as_green(nti, rows):
    counts = {c: sum(r["rag"] == c for r in rows) for c in ("red", "amber", "green", "complete")}
    assert counts == {"red": 1, "amber": 22, "green": 4, "complete": 2}
    stated = nti["summary_as_written"]
    assert stated["green"] == counts["green"] + counts["complete"]
    assert stated["completed"] == counts["complete"]
    assert stated["red"] + stated["amber"] + stated["green"] == stated["total"] == len(rows)


def test_arrows_20_up_7_same_none_down_and_complete_rows_have_none(rows):
    directions = [r["direction"] for r in rows]
    assert directions.count("up") == 20
    assert directions.count("same") == 7
    assert directions.count("down") == 0
    for row in rows:
        if row["rag"] == "complete":
            assert row["direction"] is None
            assert row["rag_text"].lower() == "complete"
        else:
            arrow = {"up": "↑", "same": "→"}[row["direction"]]
            assert row["rag_text"].startswith(arrow)
            assert row["rag"] in row["rag_text"].lower()


def test_the_same_arrow_rows_are_the_ones_notes_7_2_lists(rows):
    same = sorted(r["lines"][0] for r in rows if r["direction"] == "same")
    assert same == [1458, 1473, 1490, 1507, 1508, 1509, 1510]
    green = sorted(r["lines"][0] for r in rows if r["rag"] == "green")
    assert green == [1425, 1427, 1490, 1509]


def test_fixture_1_the_ni_59_row(rows):
    (row,) = [r for r in rows if r["indicator"] == "NI 59"]
    assert row["lines"] == [1426]
    assert row["objective"] == "Improvement Notice"
    assert row["polarity"] == "high"
    assert row["current"] == {"value": "82", "unit": "%"}
    targets = {t["date"][:7]: Decimal(t["value"]) for t in row["targets"]}
    assert targets == {"2010-03": 80, "2010-10": 85, "2011-03": 87}
    assert row["lead"] == "Gani Martins"
    assert (row["direction"], row["rag"], row["rag_text"]) == ("up", "amber", "↑Amber")
    assert row["workstream"] == "Social Work"
    assert row["commentary"].startswith("82% of initial assessments completed")


def test_the_three_indicator_rows(rows):
    by_indicator = {r["indicator"]: r for r in rows if r["indicator"]}
    assert sorted(by_indicator) == ["NI 59", "NI 60", "NI 68"]
    assert by_indicator["NI 68"]["polarity"] == "mid"
    assert by_indicator["NI 60"]["polarity"] == "high"
    assert by_indicator["NI 68"]["current"]["value"] == "83.15"
    assert by_indicator["NI 60"]["current"]["value"] == "86.42"
    for row in by_indicator.values():
        assert row["key_actions"].startswith(row["indicator"] + " - ")
        assert [b["type"] for b in row["baselines"]] == ["outturn", "position", "outturn"]
        assert row["baselines"][1]["date"] == "2009-11-30"


def test_baseline_ratios_give_the_stated_percentages(rows):
    ratios = [
        (b["numerator"], b["denominator"], b["value"])
        for r in rows
        for b in r["baselines"]
        if b["numerator"] is not None and b["unit"] == "%"
    ]
    assert sorted(ratios) == [(276, 325, "84.9"), (1767, 2270, "77.8"), (2270, 3940, "57.6")]
    for numerator, denominator, value in ratios:
        assert round(Decimal(100 * numerator) / denominator, 1) == Decimal(value)


def test_every_value_parsed_is_printed_in_its_cell(rows):
    for row in rows:
        for baseline in row["baselines"]:
            if baseline["value"] is not None:
                assert baseline["value"] in row["baseline_text"].replace(",", "")
        for target in row["targets"]:
            if target["value"] is not None:
                assert target["value"] in row["targets_text"].replace(",", "")
        if row["current"] is not None:
            assert row["current"]["value"] in row["current_text"]


def test_dates_are_iso_days_and_monthly_or_quarterly_are_not_dates(rows):
    iso = re.compile(r"^\d{4}-\d{2}-\d{2}$")
    for row in rows:
        dated = [b["date"] for b in row["baselines"]] + [t["date"] for t in row["targets"]]
        dated += [row["target_date"]] + [d["date"] for d in row["target_dates"]]
        assert all(d is None or iso.match(d) for d in dated), row["lines"]
        if row["target_date_recurrence"]:
            assert row["target_date"] is None
            assert row["target_date_text"].lower() == row["target_date_recurrence"]
        elif row["target_date_text"]:
            assert row["target_date"] is not None, row["lines"]


def test_operational_rows_have_no_current_performance(nti):
    for group in nti["groups"]:
        for row in group["rows"]:
            if group["table"] == "operational_targets":
                assert (row["current_text"], row["current"]) == ("", None)
            else:
                assert row["current"] is not None
                assert row["target_date_text"] == ""


def test_the_red_row_is_the_agency_staff_row(rows):
    (red,) = [r for r in rows if r["rag"] == "red"]
    assert red["lines"] == [1510]
    assert red["key_actions"] == "Reduce the over reliance on agency staff"
    assert "£440,000" in red["targets_text"]
    assert "£440,000" in red["commentary"]
    assert red["targets"][0]["value"] == "440000"
    assert red["targets"][0]["change"] == "reduction"


def test_every_row_has_key_actions_lead_and_workstream(rows):
    for row in rows:
        assert row["key_actions"], row["lines"]
        assert row["lead"], row["lines"]
        assert row["leads"], row["lines"]
        assert row["workstream"], row["lines"]
        assert row["workstreams"], row["lines"]
        assert row["rag"] in {"red", "amber", "green", "complete"}


def test_merged_objectives_are_carried_down_and_marked(rows):
    for previous, row in itertools.pairwise(rows):
        if row["objective_continued"]:
            assert row["objective"] == previous["objective"], row["lines"]
    continued = [r["lines"][0] for r in rows if r["objective_continued"]]
    assert continued == [
        *(1435, 1436, 1452),
        *(1464, 1465, 1472, 1473),
        *(1488, 1489, 1490, 1499, 1500),
        *(1508, 1509, 1510),
    ]
    # The only row without an objective is NI 68's, the first row (blank in the source).
    assert [r["lines"] for r in rows if not r["objective"]] == [[1425]]


def test_rows_joined_across_page_breaks_and_the_vertical_split(rows):
    by_first = {r["lines"][0]: r for r in rows}
    assert by_first[1438]["lines"] == [1438, 1441]
    assert by_first[1438]["objective"].endswith("recent Fostering Inspection")
    assert by_first[1465]["lines"][:2] == [1465, 1471]
    assert by_first[1465]["key_actions"].endswith("in relation to improved practice.")
    assert by_first[1473]["workstream"] == "Workforce / Performance"
    assert by_first[1474]["workstream"] == "Workforce and all Workstreams"
    assert "RLSCB Meeting on 3rd December for sign off" in by_first[1490]["commentary"]


def test_no_homoglyphs_or_markup_residue_left(nti, grid):
    for text in list(_strings(nti)) + list(_strings(grid)):
        odd = {ch for ch in text if ord(ch) > 127 and ch not in (LETTERS if ch.isalpha() else SYMBOLS)}
        assert not odd, (odd, text[:80])
        assert "\\pounds" not in text
        assert "\t" not in text


def test_grid_objectives_and_recommendations(grid):
    assert grid["title"] == "Planning Grid 1: Commissioning and System Management"
    assert [(o["number"], o["recommendations"]) for o in grid["objectives"]] == [
        (1, [5]),
        (2, [5]),
        (3, [4]),
        (4, [14, 15]),
    ]
    assert len(grid["key_priorities"]) == 4
    assert len(grid["expected_outcomes"]) == 7
    assert all("recommendation" not in o["text"] for o in grid["objectives"])


def test_grid_actions_dates_and_owners(grid):
    kinds = {"month", "month_onwards", "quarterly", "ongoing", "tbd", "blank"}
    items = [
        item
        for objective in grid["objectives"]
        for action in objective["actions"]
        for item in [action, *action["milestones"]]
    ]
    assert len(items) == 16
    for item in items:
        assert item["by_when"]["kind"] in kinds
        assert (item["by_when"]["date"] is None) == (item["by_when"]["kind"] != "month")
        assert item["text"]
        assert item["text"] == item["text"].strip()
    first = grid["objectives"][0]["actions"][0]
    assert first["by_when"] == {"kind": "month", "date": "2010-04-30"}
    assert first["by_whom"] == ["YPSM Commissioner", "YPSM JCG"]
    owners = {who for item in items for who in item["by_whom"]}
    assert "KTS" in owners
    assert not owners & {"YPSMJCG", "YP SM JCG"}
    assert [a["number"] for o in grid["objectives"] for a in o["actions"]] == [1, 1, 1, 2, 1, 2]
