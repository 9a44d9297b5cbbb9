"""The LSCB's action log as at 05.06.2014 reproduces seed 003's Appendix One (L2978-3033): three
bands numbered continuously, the owners, details and dated updates as the seed has them."""

import io
import json
from datetime import date

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import load_workbook

from outcomes.governance.log import action_log
from outcomes.governance.models import Action, Body
from outcomes.governance.outputs import log_document, render

AS_AT = "2014-06-05"


def log_json(**options) -> dict:
    out = io.StringIO()
    call_command("action_log", body="rlscb", as_at=AS_AT, format="json", stdout=out, **options)
    return json.loads(out.getvalue())


@pytest.mark.django_db
def test_the_log_as_at_the_meeting_has_the_seeds_three_bands():
    data = log_json()
    assert set(data) == {"body", "as_at", "bands"}
    assert data["body"] == "rlscb"
    assert data["as_at"] == AS_AT
    bands = data["bands"]
    assert [len(bands[b]) for b in ("raised", "ongoing", "discharged")] == [10, 5, 15]
    numbers = [a["number"] for b in ("raised", "ongoing", "discharged") for a in bands[b]]
    assert numbers == list(range(1, 31))
    for action in bands["raised"] + bands["ongoing"] + bands["discharged"]:
        assert set(action) == {"number", "owner", "details", "status", "updates", "parent", "evidence"}


@pytest.mark.django_db
def test_owners_details_and_updates_are_as_the_seed_writes_them():
    bands = log_json()["bands"]
    first = bands["raised"][0]
    assert first["owner"] == "Steve Ashley"
    assert first["details"].startswith(
        "Councillor Paul Lakin stated that a change in legislation was required"
    )
    assert first["updates"] == []
    assert first["status"] == "raised"
    assert first["parent"] is None
    assert bands["raised"][4]["owner"] == "All RLSCB members"
    assert bands["raised"][6]["owner"] == "Phil Morris (Sonya Chambers to add to September's RLSCB agenda)"
    # Action 8 was raised at the meeting and already has an update, by someone else than its owner.
    assert bands["raised"][7]["updates"] == [
        {"date": AS_AT, "text": "Sue Wilson emailed out to all Board Members giving details."}
    ]
    eleven = bands["ongoing"][0]
    assert eleven["number"] == 11
    assert eleven["status"] == "ongoing"
    assert eleven["updates"][0]["text"].endswith(
        "New action: Sonya Chambers to add this as a standing agenda item for the LSCB."
    )
    # "It was unclear whether or not this action had been completed." (L3006)
    fifteen = bands["ongoing"][4]
    assert fifteen["owner"] == "Paul Grimwood & Pete Horner"
    assert fifteen["status"] == "unclear"
    sixteen = bands["discharged"][0]
    assert sixteen["number"] == 16
    assert sixteen["status"] == "discharged"
    assert sixteen["updates"][0]["text"].endswith("DISCHARGED")
    assert sixteen["evidence"].startswith("Agenda item 7.3")
    assert bands["discharged"][-1]["owner"] == "Steve Ashley"
    assert bands["raised"][0]["evidence"] is None


@pytest.mark.django_db
def test_garbled_text_is_mended_and_marked():
    twelve = log_json()["bands"]["ongoing"][1]
    assert "CSE Sub Group [R: the seed reads “Sub Ground”]" in twelve["updates"][0]["text"]


@pytest.mark.django_db
def test_new_actions_are_written_in_their_parents_update_then_become_rows():
    rlscb = Body.objects.get(slug="rlscb")
    assert rlscb.actions.get(number=14).children.count() == 3
    later = action_log(rlscb, date(2014, 6, 6))
    # The next day: the 15 discharged have left, 1-15 and the 6 new actions are ongoing.
    assert [len(later.bands[b]) for b in ("raised", "ongoing", "discharged")] == [0, 21, 0]
    child = next(row for row in later.bands["ongoing"] if row.action.number == 31)
    parent = next(row for row in later.bands["ongoing"] if row.action.number == 11)
    assert child.parent == parent.number
    assert child.owner == "Sonya Chambers"


@pytest.mark.django_db
def test_an_action_raised_later_is_not_on_an_earlier_log():
    before = action_log(Body.objects.get(slug="rlscb"), date(2014, 6, 4))
    assert len(before.bands["raised"]) == 0
    assert len(before.bands["ongoing"]) == 20  # 11-30 were raised at the March meeting
    assert {row.status for row in before.bands["ongoing"]} == {"ongoing", "unclear"}


@pytest.mark.django_db
def test_the_log_in_word_html_and_excel(tmp_path):
    log = action_log(Body.objects.get(slug="rlscb"), date(2014, 6, 5))
    document = log_document(log)
    assert document.title == "Actions Points Raised / On-Going as at 05.06.2014"
    html = render(log, "html").decode()
    assert "Actions raised on 05.06.2014" in html
    assert "Actions Points Discharged on 05.06.2014" in html
    assert render(log, "docx")[:2] == b"PK"
    path = tmp_path / "log.xlsx"
    call_command("action_log", body="rlscb", as_at=AS_AT, format="xlsx", output=str(path))
    sheet = load_workbook(path)["Action log"]
    rows = list(sheet.iter_rows(min_row=2, max_row=31, values_only=True))
    assert rows[0][1] == 1
    assert isinstance(rows[0][1], int)
    assert rows[15][6].date() == date(2014, 6, 5)  # discharged on: a date, not text
    assert len(load_workbook(path)["Updates"]["A"]) > 20


@pytest.mark.django_db
def test_the_command_refuses_an_unknown_body_and_a_bad_date():
    with pytest.raises(CommandError, match="No body"):
        call_command("action_log", body="nobody", as_at=AS_AT)
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("action_log", body="rlscb", as_at="05.06.2014")
    with pytest.raises(CommandError, match="binary"):
        call_command("action_log", body="rlscb", as_at=AS_AT, format="docx")


@pytest.mark.django_db
def test_the_partnership_is_loaded_with_no_actions_and_the_lscb_with_its_members():
    assert not Action.objects.filter(body__slug="cypfp").exists()
    rlscb = Body.objects.get(slug="rlscb")
    assert rlscb.memberships.get(name="Steve Ashley").role == "chair"
    assert rlscb.memberships.count() == 29
