"""Re-importing a plan file merges it by identity, previewed first (issue 14, decision 0101)."""

import io
import json
import re
import tempfile

import pytest
from django.core.management import call_command
from django.urls import reverse

from outcomes.core.imports import ImportFailed
from outcomes.core.models import ChangeRecord
from outcomes.plans.history import milestone_history
from outcomes.plans.interchange import export_plan, import_plan
from outcomes.plans.models import Milestone, Update
from tests.plans.factories import make_small_plan

pytestmark = pytest.mark.django_db


def _milestones(data, priority):
    p = next(p for p in data["priorities"] if p["number"] == priority)
    return p["actions"][0]["milestones"]


def _edited_export(plan):
    """The plan exported, then: P1 M6 and M7 swap numbers (by id), P2 M3 is edited, P2 M4 (reported,
    Blue in December 2013) is left out, a new P2 M5 is added, and a new round comes in."""
    data = export_plan(plan)
    m6, m7 = _milestones(data, 1)
    m6["number"], m7["number"] = 7, 6
    p2 = _milestones(data, 2)
    p2[2]["text"] = "Provide an annual review (changed in the file)"
    del p2[3]
    p2.append({"number": 5, "text": "A milestone added in the file", "delivery_lead": "Warren Carratt"})
    data["rounds"].append(
        {
            "slug": "dec-2014",
            "title": "Update December 2014",
            "opens": "2014-11-01",
            "closes": "2014-12-31",
            "updates": [{"priority": 2, "milestone": 5, "text": "Started", "rag": {"green": "1"}}],
        }
    )
    return data


def _held(plan):
    return sorted(
        Update.objects.filter(round__plan=plan).values_list(
            "pk", "milestone_id", "text", "weights", "state", "submitted_by", "approved_at"
        )
    )


def test_a_merge_is_previewed_then_applied_without_losing_what_rounds_hold(client, users):
    plan = make_small_plan()
    m6 = Milestone.objects.get(priority__plan=plan, priority__number=1, number=6)
    held = _held(plan)
    data = _edited_export(plan)
    client.force_login(users["performance_officer"])
    upload = io.BytesIO(json.dumps(data).encode())
    upload.name = "small-plan.json"
    asked = client.post(reverse("plans:import"), {"file": upload})
    html = asked.content.decode()
    assert "Merge this file into" in html
    assert "P2 M5" in html
    assert "P2 M4" in html
    assert "Round &#39;Update December 2014&#39; with 1 updates" in html
    # Nothing is written by the preview.
    assert Milestone.objects.get(pk=m6.pk).number == 6
    assert not plan.rounds.filter(slug="dec-2014").exists()

    token = re.search(r'name="held" value="([^"]+)"', html)[1]
    done = client.post(reverse("plans:import"), {"held": token, "confirm": "yes"}, follow=True)
    assert "Merged small-plan.json into" in done.content.decode()

    # P1 M6 is now number 7, with its own updates and history.
    moved = Milestone.objects.get(pk=m6.pk)
    assert moved.number == 7
    assert set(moved.updates.values_list("round__slug", flat=True)) == {"dec-2013", "june-2014"}
    # Everything the rounds held is still there, as it was.
    assert [row for row in _held(plan) if row[0] in {h[0] for h in held}] == held
    # P2 M4 was reported on (Blue at the close of December 2013): retired, not deleted.
    m4 = Milestone.objects.get(priority__plan=plan, priority__number=2, number=4)
    assert m4.is_retired
    assert Milestone.objects.get(priority__plan=plan, priority__number=2, number=3).text.endswith(
        "(changed in the file)"
    )
    assert plan.rounds.get(slug="dec-2014").updates.get().milestone.number == 5
    assert ChangeRecord.objects.filter(subject_key=f"milestone:{m6.pk}", action="milestone.merged").exists()


def test_a_milestone_never_reported_on_and_left_out_is_deleted(client, users):
    plan = make_small_plan()
    data = export_plan(plan)
    data["rounds"] = []  # rounds held stay as held whatever the file says
    _milestones(data, 2).append({"number": 9, "text": "Typed by mistake"})
    call_command("import_plan", _write(data), stdout=io.StringIO())
    assert Milestone.objects.filter(priority__plan=plan, priority__number=2, number=9).exists()
    del _milestones(data, 2)[-1]
    out = io.StringIO()
    call_command("import_plan", _write(data), stdout=out)
    assert "P2 M9 (no round reported on it)" in out.getvalue()
    assert not Milestone.objects.filter(priority__plan=plan, priority__number=2, number=9).exists()
    assert plan.rounds.count() == 2


def test_a_dry_run_says_what_it_would_do_and_writes_nothing():
    plan = make_small_plan()
    data = _edited_export(plan)
    out = io.StringIO()
    call_command("import_plan", _write(data), "--dry-run", stdout=out)
    assert "Would merge" in out.getvalue()
    assert not plan.rounds.filter(slug="dec-2014").exists()
    assert Milestone.objects.get(priority__plan=plan, priority__number=1, number=6).text


def test_a_file_giving_a_retired_milestones_number_to_another_is_refused_with_nothing_written():
    plan = make_small_plan()
    data = export_plan(plan)
    p2 = _milestones(data, 2)
    del p2[3]  # P2 M4, reported on, is left out: it stays, retired, as number 4 ...
    p2[2]["number"] = 4  # ... and the file gives number 4 to P2 M3 (named by its id)
    with pytest.raises(ImportFailed, match="stays \\(retired\\) with its number"):
        import_plan(data, source="clash.json")
    assert not Milestone.objects.get(priority__plan=plan, priority__number=2, number=4).is_retired
    assert Milestone.objects.filter(priority__plan=plan, priority__number=2, number=3).exists()


def _write(data) -> str:
    handle = tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8")  # noqa: SIM115
    with handle:
        json.dump(data, handle)
    return handle.name


def test_a_merge_carries_an_improvement_rows_own_fields_and_says_so_in_words():
    from tests.plans.improvement_fixture import make_improvement_plan

    plan = make_improvement_plan()
    data = export_plan(plan)
    row = _milestones(data, 1)[0]
    row["workstream"] = "Social Work and Quality Assurance"
    row["targets"].append({"value": "87", "unit": "%", "date": "2011-03-31", "text": "March 2011"})
    import_plan(data, source="nti.json")
    held = Milestone.objects.get(priority__plan=plan, number=1)
    assert held.workstream == "Social Work and Quality Assurance"
    assert [t["value"] for t in held.targets] == ["80", "85", "87"]
    changes = milestone_history(held, f"milestone:{held.pk}")[0].changes
    assert any(c.startswith("Lead workstream(s)") and "Quality Assurance" in c for c in changes), changes
    assert any(c.startswith("Targets") and "87" in c for c in changes), changes


def test_a_merge_never_changes_a_plans_kind():
    from tests.plans.improvement_fixture import make_improvement_plan

    plan = make_improvement_plan()
    data = export_plan(plan)
    data["kind"] = "cypp"
    data["priorities"][0]["statement"] = "Changed in a file that is refused"
    with pytest.raises(ImportFailed, match="a plan's kind is not changed by a merge"):
        import_plan(data, source="nti.json")
    plan.refresh_from_db()
    assert plan.kind == "improvement"
    assert plan.priorities.get(number=1).statement == "Staying Safe - Performance"
