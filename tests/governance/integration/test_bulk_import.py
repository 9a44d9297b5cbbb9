"""Bulk entry of a body's members and of an existing action log from the Excel or CSV template
(decision 0143): all or nothing, every problem named by file, sheet, row and column; an action
already on the tracker only given the updates it does not have yet."""

import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from outcomes.core.imports import ImportFailed
from outcomes.core.models import ChangeRecord
from outcomes.governance import bulk_log, bulk_members
from outcomes.governance.models import Action, Body, Membership

pytestmark = pytest.mark.django_db

MEMBER_HEADINGS = [heading for _, heading, _, _ in bulk_members.MEMBER_COLUMNS]
LOG_HEADINGS = [heading for _, heading, _, _ in bulk_log.LOG_COLUMNS]


def workbook(sheet: str, headings: list[str], rows: list[list]) -> bytes:
    book = Workbook()
    ws = book.active
    ws.title = sheet
    ws.append(headings)
    for row in rows:
        ws.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.fixture
def panel():
    return Body.objects.create(slug="test-panel", name="Test scrutiny panel", short_name="Panel")


def member(name="Councillor Ann Example", organisation="", position="Cabinet Member", role="Member", **kw):
    return [name, organisation, position, role, kw.get("starts", "01/04/2014"), kw.get("ends", "")]


def action_row(number, owner="Sue Wilson", details="Circulate the report", raised="06.03.14", **kw):
    return [
        number,
        owner,
        details,
        raised,
        kw.get("due", ""),
        kw.get("status", ""),
        kw.get("updates", ""),
        kw.get("parent", ""),
        kw.get("evidence", ""),
        kw.get("discharged_on", ""),
    ]


# ---------------------------------------------------------------------------------------------------
# Members


def test_members_are_imported_linked_and_recorded(panel, users):
    data = workbook(
        "Members",
        MEMBER_HEADINGS,
        [
            member("Sue Wilson", role="Officer in attendance", starts="05.06.14"),
            member("Councillor Ann Example", role="chair", ends="31/03/2015"),
        ],
    )
    result = bulk_members.import_members(panel, data, "members.xlsx", user=users["performance_officer"])
    assert (result.added, result.changed) == (2, 0)
    sue = Membership.objects.get(body=panel, name="Sue Wilson")
    assert (sue.role, sue.starts_on, sue.person.name) == (Membership.OFFICER, date(2014, 6, 5), "Sue Wilson")
    ann = Membership.objects.get(body=panel, name="Councillor Ann Example")
    assert (ann.role, ann.ends_on, ann.person) == (Membership.CHAIR, date(2015, 3, 31), None)
    assert ChangeRecord.objects.filter(subject_key=f"body:{panel.pk}", action="member_added").count() == 2
    # The same seat again (name and from date) is changed, not added twice.
    again = workbook("Members", MEMBER_HEADINGS, [member("Councillor Ann Example", role="Vice-chair")])
    result = bulk_members.import_members(panel, again, "members.xlsx")
    assert (result.added, result.changed) == (0, 1)
    ann.refresh_from_db()
    assert ann.role == Membership.VICE_CHAIR


@pytest.mark.parametrize(
    ("row", "where", "message"),
    [
        (member(name=""), "row 2, column A (Name)", "the name is missing"),
        (member(role=""), "row 2, column D (Role)", "the role is missing"),
        (member(role="Boss"), "row 2, column D (Role)", "'Boss' is not a role"),
        (member(organisation="Nowhere Trust"), "row 2, column B (Organisation)", "no organisation called"),
        (member(starts="32.13.14"), "row 2, column E (From)", "is not a date"),
        (member(starts="01/04/2014", ends="01/01/2014"), "row 2, column F (To)", "cannot end before"),
    ],
)
def test_each_member_problem_is_named_by_file_sheet_row_and_column(panel, row, where, message):
    data = workbook("Members", MEMBER_HEADINGS, [row])
    with pytest.raises(ImportFailed) as failed:
        bulk_members.import_members(panel, data, "members.xlsx")
    [shown] = failed.value.shown
    assert shown.startswith(f"members.xlsx, sheet 'Members', {where}: "), shown
    assert message in shown
    assert not panel.memberships.exists()


def test_a_seat_twice_in_the_file_is_a_problem(panel):
    data = workbook("Members", MEMBER_HEADINGS, [member(), member()])
    with pytest.raises(ImportFailed) as failed:
        bulk_members.import_members(panel, data, "members.xlsx")
    assert (
        "row 3, column A (Name): this person's seat from this date is already on row 2"
        in failed.value.shown[0]
    )


def test_a_wrong_header_and_an_empty_file_are_refused(panel):
    with pytest.raises(ImportFailed):
        bulk_members.import_members(panel, workbook("Members", ["Who", "What"], [["x", "y"]]), "m.xlsx")
    with pytest.raises(ImportFailed) as failed:
        bulk_members.import_members(panel, workbook("Members", MEMBER_HEADINGS, []), "m.xlsx")
    assert "there are no members to import" in failed.value.shown[0]


def test_members_from_a_csv_file(panel):
    data = b"Name,Organisation,Position,Role,From,To\nJo Bloggs,,Head teacher,Co-optee,2014-06-05,\n"
    bulk_members.import_members(panel, data, "members.csv")
    assert panel.memberships.get().role == Membership.CO_OPTEE


# ---------------------------------------------------------------------------------------------------
# Action log


def test_an_action_log_is_imported_with_updates_children_and_evidence(panel, users):
    rows = [
        action_row(
            1, updates="06.03.14 Sent to members.\n05.06.14 This was re-circulated.\nSecond paragraph."
        ),
        action_row(
            2,
            details="Report to the Board",
            status="Discharged",
            evidence="Minute 12 of 05.06.14",
            updates="05.06.14 Reported.",
        ),
        action_row(
            3,
            owner="All members",
            details="Add it to September's agenda",
            raised="05.06.14",
            due="by the September meeting",
            parent=1,
        ),
        action_row(4, status="Withdrawn", discharged_on="05/06/2014", due="04/09/2014"),
    ]
    result = bulk_log.import_log(
        panel, workbook("Actions", LOG_HEADINGS, rows), "log.xlsx", user=users["administrator"]
    )
    assert (result.added, result.updates) == (4, 3)
    one, two, three, four = panel.actions.order_by("number")
    assert [(u.on, u.text) for u in one.updates.all()] == [
        (date(2014, 3, 6), "Sent to members."),
        (date(2014, 6, 5), "This was re-circulated.\n\nSecond paragraph."),
    ]
    assert (two.status, two.discharged_on, two.evidence) == (
        Action.DISCHARGED,
        date(2014, 6, 5),
        "Minute 12 of 05.06.14",
    )
    assert (three.parent, three.due_rule, three.due_on) == (one, "by the September meeting", None)
    assert (four.status, four.discharged_on, four.due_on) == (
        Action.WITHDRAWN,
        date(2014, 6, 5),
        date(2014, 9, 4),
    )
    history = ChangeRecord.objects.filter(object_id=str(two.pk), content_type__model="action")
    assert {h.action for h in history} == {"action_raised", "action_updated", "action_discharged"}


def test_an_action_already_on_the_tracker_is_only_given_its_new_updates(panel):
    first = [action_row(1, updates="06.03.14 Sent to members.")]
    bulk_log.import_log(panel, workbook("Actions", LOG_HEADINGS, first), "log.xlsx")
    action = panel.actions.get(number=1)
    again = [
        action_row(
            1,
            details="Rewritten details",
            updates="06.03.14 Sent to members.\n05.06.14 This was re-circulated.",
        )
    ]
    result = bulk_log.import_log(panel, workbook("Actions", LOG_HEADINGS, again), "log.xlsx")
    action.refresh_from_db()
    assert action.details == "Circulate the report", "never rewritten by an import"
    assert [u.text for u in action.updates.all()] == ["Sent to members.", "This was re-circulated."]
    assert (result.added, result.updates, result.differing) == (0, 1, [1])


@pytest.mark.parametrize(
    ("row", "where", "message"),
    [
        (action_row(""), "row 2, column A (No.)", "the action's number is missing"),
        (action_row("x"), "row 2, column A (No.)", "is not a whole number"),
        (action_row(1, owner=""), "row 2, column B (Owner)", "the owner is missing"),
        (action_row(1, details=""), "row 2, column C (Details)", "the details are missing"),
        (action_row(1, raised=""), "row 2, column D (Raised on)", "the day it was raised is missing"),
        (action_row(1, raised="someday"), "row 2, column D (Raised on)", "is not a date"),
        (action_row(1, status="Finished"), "row 2, column F (Status)", "'Finished' is not a status"),
        (action_row(1, updates="Sent to members."), "row 2, column G (Updates)", "has no date"),
        (
            action_row(1, updates="01.01.14 Too early."),
            "row 2, column G (Updates)",
            "before the action was raised",
        ),
        (action_row(1, parent=9), "row 2, column H (New action of)", "there is no action 9"),
        (action_row(1, parent=1), "row 2, column H (New action of)", "cannot be a New action of itself"),
        (
            action_row(1, status="Discharged", updates="05.06.14 Done."),
            "row 2, column I (Evidence)",
            "evidence",
        ),
        (
            action_row(1, status="Discharged", evidence="Minute 3"),
            "row 2, column J (Discharged on)",
            "closed",
        ),
        (action_row(1, discharged_on="05.06.14"), "row 2, column J (Discharged on)", "only a discharged"),
    ],
)
def test_each_log_problem_is_named_by_file_sheet_row_and_column(panel, row, where, message):
    with pytest.raises(ImportFailed) as failed:
        bulk_log.import_log(panel, workbook("Actions", LOG_HEADINGS, [row]), "log.xlsx")
    shown = failed.value.shown
    assert any(s.startswith(f"log.xlsx, sheet 'Actions', {where}: ") and message in s for s in shown), shown
    assert not panel.actions.exists()


def test_a_number_twice_and_a_chain_of_new_actions_coming_back_are_problems(panel):
    rows = [action_row(1), action_row(1), action_row(2, parent=3), action_row(3, parent=2)]
    with pytest.raises(ImportFailed) as failed:
        bulk_log.import_log(panel, workbook("Actions", LOG_HEADINGS, rows), "log.xlsx")
    text = "\n".join(failed.value.shown)
    assert "row 3, column A (No.): action 1 is already on row 2" in text
    assert "comes back to itself" in text


def test_all_or_nothing_one_bad_row_saves_none(panel):
    rows = [action_row(1), action_row(2), action_row(3, raised="not a day")]
    with pytest.raises(ImportFailed) as failed:
        bulk_log.import_log(panel, workbook("Actions", LOG_HEADINGS, rows), "log.xlsx")
    assert len(failed.value.problems) == 1
    assert not panel.actions.exists()
    assert not ChangeRecord.objects.filter(content_type__model="action", summary__contains="Panel").exists()


# ---------------------------------------------------------------------------------------------------
# The pages


def test_a_performance_officer_imports_from_the_body_page(client, users):
    client.force_login(users["performance_officer"])
    body = reverse("governance:body", args=["rlscb"])
    page = client.get(body).content.decode()
    assert reverse("governance:log_import", args=["rlscb"]) in page
    assert reverse("governance:members_import", args=["rlscb"]) in page
    url = reverse("governance:log_import", args=["rlscb"])
    template = client.get(reverse("governance:log_template", args=["rlscb", "xlsx"]))
    sheet = load_workbook(io.BytesIO(template.content))["Actions"]
    assert [c.value for c in sheet[1]] == LOG_HEADINGS
    bad = workbook("Actions", LOG_HEADINGS, [action_row(99, raised="soon")])
    refused = client.post(url, {"file": SimpleUploadedFile("log.xlsx", bad)})
    html = refused.content.decode()
    assert "log.xlsx was not imported" in html
    assert "log.xlsx, sheet &#39;Actions&#39;, row 2, column D (Raised on)" in html
    assert not Action.objects.filter(body__slug="rlscb", number=99).exists()
    good = workbook("Actions", LOG_HEADINGS, [action_row(99, raised="05.06.14", updates="05.06.14 Begun.")])
    done = client.post(url, {"file": SimpleUploadedFile("log.xlsx", good)}, follow=True)
    assert "Imported log.xlsx: 1 action added; 1 dated update added." in done.content.decode()
    assert Action.objects.get(body__slug="rlscb", number=99).updates.get().text == "Begun."


def test_a_lead_officer_does_not_see_the_imports(client, users):
    client.force_login(users["lead_officer"])
    page = client.get(reverse("governance:body", args=["rlscb"])).content.decode()
    assert reverse("governance:log_import", args=["rlscb"]) not in page
    assert client.get(reverse("governance:log_import", args=["rlscb"])).status_code == 403
