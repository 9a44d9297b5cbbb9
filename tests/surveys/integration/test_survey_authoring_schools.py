"""Schools and rolls from Excel, links and codes, and which sign-ins are a school's staff."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from outcomes.core.models import ChangeRecord
from outcomes.surveys import schools
from outcomes.surveys.models import CODE_ALPHABET, AccessLink, Edition, School, SchoolRoll
from tests.conftest import make_user

pytestmark = pytest.mark.django_db
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def workbook(**sheets) -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def post(client, data: bytes, name="schools.xlsx"):
    return client.post(
        reverse("surveys:school_import"), {"file": SimpleUploadedFile(name, data, content_type=XLSX)}
    )


SCHOOLS = ["code", "name", "phase", "area", "dfe_number", "aliases", "active"]
ROLLS = ["school", "year", "year_group", "pupils"]


def test_schools_and_rolls_are_imported_and_updated_by_code(client, users):
    client.force_login(users["performance_officer"])
    data = workbook(
        schools=[
            SCHOOLS,
            [
                "thrybergh-fullerton",
                "Thrybergh Fullerton Primary",
                "primary",
                "Wentworth South",
                "",
                "Fullerton",
                "yes",
            ],
            ["harthill", "Harthill Primary", "primary", "rother valley south", "", "", "yes"],
        ],
        rolls=[ROLLS, ["thrybergh-fullerton", 2010, 5, 30], ["harthill", 2009, 5, 29]],
    )
    assert post(client, data).status_code == 302
    new = School.objects.get(code="thrybergh-fullerton")
    assert (new.area.name, new.aliases, new.phase) == ("Wentworth South", ["Fullerton"], "primary")
    assert SchoolRoll.objects.get(school__code="harthill", year=2009, year_group=5).pupils == 29
    assert ChangeRecord.objects.filter(object_id=str(new.pk), action="created").exists()
    exported = load_workbook(io.BytesIO(client.get(reverse("surveys:school_export")).content))
    assert ["thrybergh-fullerton", 2010, 5, 30] in [
        list(r) for r in exported["rolls"].iter_rows(values_only=True)
    ]


def test_a_bad_schools_workbook_changes_nothing_and_names_each_cell(client, users):
    client.force_login(users["performance_officer"])
    data = workbook(
        schools=[SCHOOLS, ["new-school", "New Primary", "infant", "Atlantis", "", "", "maybe"]],
        rolls=[ROLLS, ["nowhere", 2009, 5, 20], ["harthill", 2009, 5, "many"]],
    )
    page = post(client, data, "bad.xlsx").content.decode()
    for expected in [
        "bad.xlsx, sheet &#39;schools&#39;, row 2, column C (phase): &#39;infant&#39; should be primary",
        "sheet &#39;schools&#39;, row 2, column D (area): &#39;Atlantis&#39; is not a known area",
        "sheet &#39;schools&#39;, row 2, column G (active): &#39;maybe&#39; should be yes or no",
        "sheet &#39;rolls&#39;, row 2, column A (school): there is no school with the code &#39;nowhere&#39;",
        "sheet &#39;rolls&#39;, row 3, column D (pupils): give the number on roll as a whole number",
    ]:
        assert expected in page
    assert not School.objects.filter(code="new-school").exists()
    assert SchoolRoll.objects.get(school__code="harthill", year=2009).pupils == 28


def test_every_real_school_has_a_link_with_a_short_unambiguous_code():
    edition = Edition.objects.get(slug="primary-2009")
    links = AccessLink.objects.filter(edition=edition)
    assert links.count() == 19
    assert not links.filter(school__is_group=True).exists()
    for link in links:
        assert len(link.code) == 7
        assert set(link.code) <= set(CODE_ALPHABET)
        assert len(link.token) >= 40
    assert not set(CODE_ALPHABET) & set("0O1IL5S2Z8B")


def test_a_new_school_gets_a_link_and_a_passed_on_link_is_replaced(client, users):
    edition = Edition.objects.get(slug="primary-2009")
    School.objects.create(name="New Primary", code="new-primary", phase="primary")
    client.force_login(users["performance_officer"])
    client.post(reverse("surveys:links", kwargs={"slug": edition.slug}))
    link = AccessLink.objects.get(edition=edition, school__code="new-primary")
    old_code, old_token = link.code, link.token
    url = reverse("surveys:link_action", kwargs={"slug": edition.slug, "code": "new-primary"})
    client.post(url, {"action": "replace", "confirm": "yes"})
    link.refresh_from_db()
    assert link.code != old_code
    assert link.token != old_token
    client.post(url, {"action": "withdraw", "confirm": "yes"})
    link.refresh_from_db()
    assert link.active is False
    assert ChangeRecord.objects.filter(object_id=str(link.pk), action="link_withdrawn").exists()
    page = client.get(reverse("surveys:links", kwargs={"slug": edition.slug})).content.decode()
    assert link.code in page
    assert "Withdrawn" in page


def test_links_download_for_a_mail_merge(client, users):
    client.force_login(users["performance_officer"])
    response = client.get(reverse("surveys:links_xlsx", kwargs={"slug": "primary-2009"}))
    rows = list(load_workbook(io.BytesIO(response.content))["links"].iter_rows(values_only=True))
    assert rows[0] == ("school", "name", "area", "code", "link", "active")
    assert len(rows) == 20
    swinton = next(r for r in rows if r[0] == "swinton-brookfield")
    link = AccessLink.objects.get(edition__slug="primary-2009", school__code="swinton-brookfield")
    assert swinton[3] == link.code
    assert swinton[4].endswith(reverse("surveys:pupil_link", args=[link.token]))


def test_a_school_sign_in_is_linked_to_its_school_and_unlinked(client, users):
    client.force_login(users["performance_officer"])
    account = users["school"]
    url = reverse("surveys:school_staff", kwargs={"code": "harthill"})
    assert client.post(url, {"account": "performance"}).status_code == 200  # not a school sign-in
    client.post(url, {"account": account.username})
    harthill = School.objects.get(code="harthill")
    assert list(harthill.staff.all()) == [account]
    client.post(url, {"remove": account.username, "confirm": "yes"})
    assert not harthill.staff.exists()
    assert ChangeRecord.objects.filter(object_id=str(harthill.pk), action="staff_unlinked").exists()


def test_only_school_sign_ins_can_be_linked():
    officer = make_user("officer2", "performance_officer")
    with pytest.raises(ValueError, match="school role"):
        schools.link_staff(School.objects.get(code="harthill"), officer, user=None)
