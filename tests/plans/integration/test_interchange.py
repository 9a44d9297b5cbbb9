"""The plan interchange format: import, export, and bad input that changes nothing."""

import json

import pytest
from django.core.management import CommandError, call_command

from outcomes.core.imports import ImportFailed
from outcomes.core.imports.jsonfile import read_json
from outcomes.plans.interchange import export_plan, import_plan, import_plan_with_report
from outcomes.plans.models import Milestone, MilestoneLead, Plan, Update
from tests.plans.factories import make_small_plan, small_plan_data

pytestmark = pytest.mark.django_db


def _without_source(data):
    return {k: v for k, v in data.items() if not k.startswith("_")}


def without_ids(data):
    """The document without its stable ids, which a new database gives out afresh."""
    if isinstance(data, dict):
        return {k: without_ids(v) for k, v in data.items() if k != "id"}
    if isinstance(data, list):
        return [without_ids(v) for v in data]
    return data


def test_import_then_export_gives_back_the_same_data():
    first = export_plan(make_small_plan())
    Plan.objects.get(slug="small-plan").delete()
    second = export_plan(import_plan(json.loads(json.dumps(first)), source="export"))
    assert without_ids(first) == without_ids(second)


def test_an_export_imported_again_into_its_plan_changes_nothing():
    plan = make_small_plan()
    first = export_plan(plan)
    again, report = import_plan_with_report(json.loads(json.dumps(first)), source="export")
    assert again == plan
    assert report.summary.startswith("nothing to change")
    assert export_plan(plan) == first


def test_export_keeps_what_the_file_said():
    data = export_plan(make_small_plan())
    p2 = next(p for p in data["priorities"] if p["number"] == 2)
    m1 = p2["actions"][0]["milestones"][0]
    assert m1["due"] == "2013-08-31"
    assert m1["delivery_lead"] == "Warren Carratt"
    assert m1["links"] == [{"priority": 1, "milestone": 7}]
    p1 = data["priorities"][0]
    assert p1["actions"][0]["milestones"][0]["target"] == {
        "value": "65.5",
        "unit": "%",
        "period": "2013/2014",
    }
    june = next(r for r in data["rounds"] if r["slug"] == "june-2014")
    assert {"priority": 2, "milestone": 3} | {"rag": {"amber": "1/3", "red": "2/3"}} in [
        {k: u[k] for k in ("priority", "milestone", "rag")} for u in june["updates"]
    ]
    assert data["priorities"][2]["excluded_reason"].startswith("Managed through the LSCB")


def test_a_closed_round_gives_blue_to_milestones_without_an_update():
    plan = make_small_plan()
    dec = plan.rounds.get(slug="dec-2013")
    blue = dec.updates.filter(state=Update.NO_UPDATE)
    assert blue.count() == 4  # 6 milestones, 2 updated
    assert all(u.weights == {"blue": "1"} for u in blue)


def test_leads_become_people_or_organisations():
    plan = make_small_plan()
    leads = MilestoneLead.objects.filter(milestone__priority__plan=plan)
    lead = leads.get(milestone__number=1, milestone__priority__number=2)
    assert lead.person.name == "Warren Carratt"
    rft = leads.filter(text="RFT Midwifery services").first()
    assert rft.person is None
    assert rft.organisation.name == "RFT Midwifery services"


def _problems(data) -> list[str]:
    with pytest.raises(ImportFailed) as caught:
        import_plan(data, source="bad.json")
    return [str(p) for p in caught.value.problems]


def test_weights_that_do_not_sum_to_one_are_refused_and_located():
    data = small_plan_data()
    data["rounds"][1]["updates"][1]["rag"] = {"green": "1/2", "amber": "1/3"}
    assert _problems(data) == [
        "$.rounds[1].updates[1].rag: RAG weights must sum to exactly 1, but green 1/2 + amber 1/3 = 5/6"
    ]
    assert not Plan.objects.filter(slug="small-plan").exists()


def test_an_update_for_an_unknown_milestone_is_refused():
    data = small_plan_data()
    data["rounds"][1]["updates"].append({"priority": 2, "milestone": 99, "text": "", "rag": {"green": 1}})
    assert _problems(data) == [
        "$.rounds[1].updates[5].milestone: priority 2 has no milestone 99 in this plan"
    ]


def test_duplicate_milestone_numbers_are_refused():
    data = small_plan_data()
    data["priorities"][1]["actions"][0]["milestones"][1]["number"] = 1
    problems = _problems(data)
    assert (
        "$.priorities[1].actions[0].milestones[1].number: milestone 1 appears twice in priority 2" in problems
    )


def test_two_updates_for_one_milestone_in_a_round_are_refused():
    data = small_plan_data()
    data["rounds"][1]["updates"].append({"priority": 2, "milestone": 1, "text": "again", "rag": {"green": 1}})
    assert "has two updates in round 'june-2014'" in _problems(data)[0]


def test_every_problem_is_reported_at_once_and_nothing_is_written():
    data = small_plan_data()
    data["start"] = "2013-13-01"
    data["priorities"][0]["statement"] = ""
    data["rounds"][0]["updates"][0]["rag"] = {"purple": 1}
    before = Milestone.objects.count()
    problems = _problems(data)
    assert len(problems) == 3
    assert "$.start: '2013-13-01' is not a date written as YYYY-MM-DD" in problems
    assert Milestone.objects.count() == before


def test_an_existing_slug_is_merged_into_its_plan():
    plan = make_small_plan()
    data = small_plan_data()
    data["title"] = "Renamed by the file"
    merged, report = import_plan_with_report(data, source="x")
    assert merged.pk == plan.pk
    assert merged.title == "Renamed by the file"
    assert "The plan's title" in report.changed
    assert Plan.objects.filter(slug="small-plan").count() == 1


def test_malformed_json_names_line_and_column():
    with pytest.raises(ImportFailed) as caught:
        read_json(b'{"slug": "x",\n "title": }', "broken.json")
    assert str(caught.value.problems[0]).startswith("line 2, column 11: this is not valid JSON")


def test_import_plan_command_reports_problems_and_changes_nothing(tmp_path):
    bad = tmp_path / "bad.json"
    data = small_plan_data()
    data["rounds"][1]["updates"][0]["rag"] = {"red": "2"}
    bad.write_text(json.dumps(data))
    with pytest.raises(CommandError, match=r"(?s)bad.json: nothing was imported.*sum to exactly 1"):
        call_command("import_plan", str(bad))
    assert not Plan.objects.filter(slug="small-plan").exists()


def test_import_and_export_commands_round_trip(tmp_path):
    source = tmp_path / "plan.json"
    source.write_text(json.dumps(small_plan_data()))
    call_command("import_plan", str(source), stdout=open("/dev/null", "w"))  # noqa: SIM115
    out = tmp_path / "out.json"
    call_command("export_plan", "--plan", "small-plan", "--output", str(out))
    exported = json.loads(out.read_text())
    original = _without_source(small_plan_data())
    assert exported["title"] == original["title"]
    assert [len(a["milestones"]) for p in exported["priorities"] for a in p["actions"]] == [2, 4]
    assert exported["rounds"][1]["updates"][1]["rag"] == {"green": "1/2", "amber": "1/2"}


def test_the_workbook_keeps_shares_as_text_so_excel_does_not_make_dates():
    import io

    from openpyxl import load_workbook

    from outcomes.plans.workbook import EXAMPLE_PLAN, plan_workbook_bytes

    wb = load_workbook(io.BytesIO(plan_workbook_bytes(EXAMPLE_PLAN)))
    assert wb["Updates"]["E2"].number_format == "@"
    assert wb["Updates"]["H300"].number_format == "@"


def test_a_share_that_excel_made_a_date_is_explained():
    import io

    from openpyxl import load_workbook

    from outcomes.plans.workbook import EXAMPLE_PLAN, plan_workbook_bytes, read_plan_workbook

    wb = load_workbook(io.BytesIO(plan_workbook_bytes(EXAMPLE_PLAN)))
    from datetime import datetime

    wb["Updates"]["F2"] = None
    wb["Updates"]["E2"] = datetime(2026, 2, 1)  # what Excel does to a typed 1/2 in a general cell
    out = io.BytesIO()
    wb.save(out)
    with pytest.raises(ImportFailed) as caught:
        read_plan_workbook(out.getvalue(), "plan.xlsx")
    assert str(caught.value.problems[0]).startswith(
        "sheet 'Updates', row 2, column E (Green): the green share reads as the date 2026-02-01"
    )


def _contains(exported, original, where="$"):
    """Every key and value of the original document is in the export (which may add keys)."""
    if isinstance(original, dict):
        assert isinstance(exported, dict), where
        for key, value in original.items():
            if key.startswith("_"):
                continue
            assert key in exported, f"{where}.{key} is missing"
            _contains(exported[key], value, f"{where}.{key}")
    elif isinstance(original, list):
        assert len(exported) == len(original), f"{where}: {len(exported)} != {len(original)}"
        for i, (a, b) in enumerate(zip(exported, original, strict=True)):
            _contains(a, b, f"{where}[{i}]")
    else:
        assert exported == original, f"{where}: {exported!r} != {original!r}"


def test_the_demo_plan_exports_exactly_as_it_was_read(demo_plan):
    from outcomes.plans.demo import DEMO_FILE

    original = json.loads(DEMO_FILE.read_text(encoding="utf-8"))
    _contains(export_plan(demo_plan), original)


def test_how_rounds_run_travels_with_the_plan_and_is_kept_when_a_file_says_nothing():
    data = small_plan_data()
    plan = import_plan({**data, "close_rounds_automatically": True, "remind_days_before": 9}, source="x")
    exported = export_plan(plan)
    assert (exported["close_rounds_automatically"], exported["remind_days_before"]) == (True, 9)
    import_plan({**exported, "remind_days_before": 2}, source="again")
    plan.refresh_from_db()
    assert (plan.close_rounds_automatically, plan.remind_days_before) == (True, 2)
    silent = {
        k: v for k, v in exported.items() if k not in ("close_rounds_automatically", "remind_days_before")
    }
    import_plan(silent, source="a file from before")
    plan.refresh_from_db()
    assert (plan.close_rounds_automatically, plan.remind_days_before) == (True, 2)
    fresh = import_plan({**data, "slug": "another-plan"}, source="y")
    assert (fresh.close_rounds_automatically, fresh.remind_days_before) == (False, 5)


def test_a_number_of_days_out_of_range_is_refused_and_located():
    [problem] = _problems({**small_plan_data(), "remind_days_before": 90})
    assert problem.startswith("$.remind_days_before: ")
    assert not Plan.objects.filter(slug="small-plan").exists()
