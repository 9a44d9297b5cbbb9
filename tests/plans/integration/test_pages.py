"""What people do through the pages: update, conflict, approve, close, publish, import, export."""

import io
import json
import re
from datetime import date
from html import unescape

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from outcomes.plans import services
from outcomes.plans.interchange import export_plan
from outcomes.plans.models import Milestone, Plan, Round, Update
from outcomes.plans.workbook import EXAMPLE_PLAN, plan_workbook_bytes

pytestmark = pytest.mark.django_db
ROUND = {"slug": "cypp-2013-16", "round_slug": "june-2014"}


def milestone_page(client, priority, number) -> str:
    url = reverse("plans:milestone", kwargs={"slug": "cypp-2013-16", "priority": priority, "number": number})
    return client.get(url).content.decode()


def update_url(priority, number):
    return reverse("plans:update", kwargs={**ROUND, "priority": priority, "number": number})


def current(demo_round, priority, number):
    return Update.objects.get(
        round=demo_round,
        milestone__priority__number=priority,
        milestone__number=number,
        milestone__priority__plan=demo_round.plan,
    )


def test_a_lead_officer_sees_only_their_milestones(client, users):
    client.force_login(users["lead_officer"])
    html = client.get(reverse("plans:my_milestones")).content.decode()
    # Ron Parry leads the CYPP's priority 1 milestones 26-28 and, in the demo's NTI plan, group 7's four
    # rows as its strategic lead (decision 0154), and nothing else: exactly those rows.
    assert re.findall(r">(P\d+ M\d+)</a>:", html) == [
        "P7 M1",
        "P7 M2",
        "P7 M3",
        "P7 M4",
        "P1 M26",
        "P1 M27",
        "P1 M28",
    ]


def test_a_lead_officer_updates_a_milestone_through_the_form(client, users, demo_round):
    client.force_login(users["lead_officer"])
    before = current(demo_round, 1, 26)
    response = client.post(
        update_url(1, 26),
        {"text": "• Meals ready for September", "status": "green", "version": before.version},
    )
    assert response.status_code == 302
    after = current(demo_round, 1, 26)
    assert after.text == "• Meals ready for September"
    assert after.weights == {"green": "1"}
    assert after.state == Update.SUBMITTED
    page = milestone_page(client, 1, 26)
    assert "History of changes" in page
    assert "Meals ready for September" in page
    assert "Ron Parry" in page


def test_a_split_status_that_does_not_add_up_is_explained(client, users, demo_round):
    client.force_login(users["lead_officer"])
    before = current(demo_round, 1, 26)
    response = client.post(
        update_url(1, 26),
        {
            "text": "Part done",
            "status": "split",
            "weight_green": "1/2",
            "weight_red": "1/3",
            "version": before.version,
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html
    assert "RAG weights must sum to exactly 1, but green 1/2 + red 1/3 = 5/6" in html
    assert current(demo_round, 1, 26).text == before.text


def test_a_split_status_is_saved_exactly(client, users, demo_round):
    client.force_login(users["lead_officer"])
    before = current(demo_round, 1, 27)
    client.post(
        update_url(1, 27),
        {
            "text": "Part done",
            "status": "split",
            "weight_green": "1/3",
            "weight_amber": "2/3",
            "version": before.version,
        },
    )
    assert current(demo_round, 1, 27).weights == {"green": "1/3", "amber": "2/3"}


def test_the_second_save_is_told_and_shown_both_versions(client, users, demo_round):
    version = current(demo_round, 1, 26).version
    client.force_login(users["performance_officer"])
    client.post(update_url(1, 26), {"text": "Officer's text", "status": "amber", "version": version})
    client.force_login(users["lead_officer"])
    response = client.post(update_url(1, 26), {"text": "Lead's text", "status": "green", "version": version})
    html = response.content.decode()
    assert response.status_code == 200
    assert "saved this update" in html
    assert "Your text has not been saved" in html
    assert "Officer&#39;s text" in html or "Officer's text" in html
    assert "Lead&#39;s text" in html or "Lead's text" in html  # still in the form
    assert current(demo_round, 1, 26).text == "Officer's text"
    # Saving again, having seen theirs, replaces it knowingly.
    fresh = current(demo_round, 1, 26).version
    client.post(update_url(1, 26), {"text": "Lead's text", "status": "green", "version": fresh})
    assert current(demo_round, 1, 26).text == "Lead's text"


def test_the_performance_officer_approves_and_closes(client, users, demo_round):
    client.force_login(users["lead_officer"])
    version = current(demo_round, 1, 26).version
    client.post(update_url(1, 26), {"text": "New", "status": "green", "version": version})
    client.force_login(users["performance_officer"])
    waiting = client.get(reverse("plans:round", kwargs=ROUND) + "?show=submitted").content.decode()
    assert "1 awaiting approval" in waiting
    update = current(demo_round, 1, 26)
    client.post(
        reverse("plans:approve", kwargs={**ROUND, "priority": 1, "number": 26}), {"version": update.version}
    )
    assert current(demo_round, 1, 26).state == Update.APPROVED
    confirm = client.get(reverse("plans:close", kwargs=ROUND)).content.decode()
    assert "Every milestone has an update" in confirm
    client.post(reverse("plans:close", kwargs=ROUND))
    assert Round.objects.get(pk=demo_round.pk).is_closed
    late = client.post(update_url(1, 26), {"text": "Late", "status": "red", "version": update.version + 1})
    assert "is closed" in late.content.decode()
    assert current(demo_round, 1, 26).text == "New"


def test_closing_a_closed_round_twice_says_so(client, users, demo_round):
    client.force_login(users["performance_officer"])
    client.post(reverse("plans:close", kwargs=ROUND))
    demo_round.refresh_from_db()
    # A second person who had the confirmation page open presses the button too.
    response = client.post(reverse("plans:close", kwargs=ROUND))
    assert response.status_code == 409
    assert "already closed" in response.content.decode()


def test_a_new_round_is_started_and_bad_dates_are_explained(client, users, demo_plan):
    client.force_login(users["performance_officer"])
    url = reverse("plans:round_new", kwargs={"slug": "cypp-2013-16"})
    bad = client.post(
        url,
        {
            "title": "Update December 2014",
            **{"opens-day": "15", "opens-month": "12", "opens-year": "2014"},
            **{"closes-day": "1", "closes-month": "11", "closes-year": "2014"},
        },
    ).content.decode()
    assert "The date the round closes must be on or after the date it opens" in bad
    assert 'href="#closes-day"' in bad  # the error summary leads to the box
    # Day, month and year, the month as a name; or the whole date typed in one box.
    client.post(
        url,
        {
            "title": "Update December 2014",
            **{"opens-day": "1", "opens-month": "November", "opens-year": "2014"},
            **{"closes-day": "15 December 2014", "closes-month": "", "closes-year": ""},
        },
    )
    new = Round.objects.get(plan=demo_plan, slug="update-december-2014")  # made from the title
    assert (new.opens.isoformat(), new.closes.isoformat()) == ("2014-11-01", "2014-12-15")
    assert new.ordinal == 2
    report = client.get(reverse("reports:progress", kwargs={**ROUND, "round_slug": new.slug}))
    assert "Changes since Update June 2014" in report.content.decode()


@pytest.mark.parametrize(
    ("parts", "message", "box"),
    [
        (("", "", ""), "Enter the date the round opens", "day"),
        (
            ("31", "4", "2014"),
            "The date the round opens must be a real date: April 2014 has no day 31",
            "day",
        ),
        (("1", "Smarch", "2014"), "The date the round opens must be a real date: the month must be", "month"),
        (("1", "11", ""), "The date the round opens must include a year", "year"),
        (("1", "11", "14"), "The date the round opens must have a year with four digits", "year"),
    ],
)
def test_a_date_that_is_wrong_says_which_date_and_why(client, users, parts, message, box):
    client.force_login(users["performance_officer"])
    data = {"title": "Update December 2014", "closes-day": "15", "closes-month": "12", "closes-year": "2014"}
    data.update(dict(zip(["opens-day", "opens-month", "opens-year"], parts, strict=True)))
    html = unescape(
        client.post(reverse("plans:round_new", kwargs={"slug": "cypp-2013-16"}), data).content.decode()
    )
    assert message in html
    assert f'href="#opens-{box}"' in html
    assert not Round.objects.filter(title="Update December 2014").exists()


def test_a_second_round_with_the_same_title_gets_its_own_short_name(client, users, demo_plan):
    client.force_login(users["performance_officer"])
    url = reverse("plans:round_new", kwargs={"slug": "cypp-2013-16"})
    data = {"title": "Update June 2014", "opens-day": "1", "opens-month": "6", "opens-year": "2015"}
    data.update({"closes-day": "30", "closes-month": "6", "closes-year": "2015"})
    assert client.post(url, data).status_code == 302
    assert Round.objects.filter(plan=demo_plan, slug="update-june-2014").exists()
    assert client.post(url, data).status_code == 302
    assert Round.objects.filter(plan=demo_plan, slug="update-june-2014-2").exists()


def test_a_performance_officer_sets_up_a_plan(client, users):
    client.force_login(users["performance_officer"])
    url = reverse("plans:plan_new")
    bad = unescape(client.post(url, {"title": "", "start-day": "1", "start-month": "4"}).content.decode())
    assert "Enter the title of the plan" in bad
    assert "The date the plan starts must include a year" in bad
    assert "Enter the date the plan ends" in bad
    response = client.post(
        url,
        {
            "title": "Children and Young People's Plan 2016 – 2019",
            **{"start-day": "1 April 2016"},
            **{"end-day": "31", "end-month": "Mar", "end-year": "2019"},
            "approving_body": "Children and Young People's Partnership",
        },
    )
    plan = Plan.objects.get(slug="children-and-young-peoples-plan-2016-2019")
    assert response["Location"] == reverse("plans:detail", args=[plan.slug])
    assert (plan.start.isoformat(), plan.end.isoformat()) == ("2016-04-01", "2019-03-31")
    assert [s.label for s in plan.rag_statuses.all()] == ["Green", "Amber", "Red", "Blue"]


def test_the_round_page_shows_what_awaits_approval_in_full(client, users, demo_round):
    milestone = Milestone.objects.get(priority__plan=demo_round.plan, priority__number=1, number=26)
    current = Update.objects.get(round=demo_round, milestone=milestone)
    services.save_update(
        user=users["lead_officer"],
        round_=demo_round,
        milestone=milestone,
        text="Menus agreed with every school for September",
        weights={"green": "1/2", "amber": "1/2"},
        expected_version=current.version,
    )
    client.force_login(users["performance_officer"])
    html = client.get(reverse("plans:round", kwargs=ROUND) + "?show=submitted").content.decode()
    row = html[html.index('id="p1-m26"') :]
    row = row[: row.index("</tr>")]
    assert "Menus agreed with every school for September" in row
    assert milestone.text.splitlines()[0][:60] in unescape(row)
    assert "Awaiting approval" in row
    assert 'app-rag--green">Green' in row
    assert 'app-rag--amber">Amber' in row
    assert "Approve" in row


def test_my_milestones_with_two_open_rounds_lets_the_lead_choose(client, users, demo_plan, demo_round):
    later = services.create_round(
        user=users["performance_officer"],
        plan=demo_plan,
        title="Update December 2014",
        opens=date(2014, 11, 1),
        closes=date(2014, 12, 15),
    )
    client.force_login(users["lead_officer"])
    url = reverse("plans:my_milestones")
    html = client.get(url).content.decode()
    assert "has 2 rounds open" in html
    assert f"/rounds/{later.slug}/updates/1/26/" in html  # the newest by default
    html = client.get(url, {"round": f"{demo_plan.slug}/{demo_round.slug}"}).content.decode()
    assert "/rounds/june-2014/updates/1/26/" in html
    assert f"/rounds/{later.slug}/updates/" not in html


def test_publishing_lets_viewers_read_the_report(client, users, demo_plan):
    new = services.create_round(
        user=users["performance_officer"],
        plan=demo_plan,
        title="Update December 2014",
        opens=date(2014, 11, 1),
        closes=date(2014, 12, 31),
    )
    kwargs = {"slug": demo_plan.slug, "round_slug": new.slug}
    client.force_login(users["viewer"])
    assert client.get(reverse("reports:progress", kwargs=kwargs)).status_code == 404
    client.force_login(users["performance_officer"])
    client.post(reverse("reports:publish", kwargs=kwargs), {"interim": "1", "confirm": "yes"})
    client.force_login(users["viewer"])
    assert client.get(reverse("reports:progress", kwargs=kwargs)).status_code == 200
    assert "Update December 2014" in client.get(reverse("home:home")).content.decode()
    assert client.get(reverse("reports:progress", kwargs=ROUND)).status_code == 200
    home = client.get(reverse("home:home")).content.decode()
    assert "Update June 2014" in home


def _upload(client, name: str, content: bytes, **extra):
    return client.post(reverse("plans:import"), {"file": _file(name, content), **extra})


def _file(name, content):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content)


def test_the_template_imports_as_it_is(client, users):
    client.force_login(users["performance_officer"])
    template = client.get(reverse("plans:template")).content
    response = _upload(client, "plan.xlsx", template)
    assert response.status_code == 302
    plan = Plan.objects.get(slug=EXAMPLE_PLAN["slug"])
    assert Milestone.objects.filter(priority__plan=plan).count() == 1


def test_a_bad_workbook_names_sheet_row_and_column_and_changes_nothing(client, users):
    client.force_login(users["performance_officer"])
    wb = load_workbook(io.BytesIO(plan_workbook_bytes(EXAMPLE_PLAN)))
    wb["Updates"]["E2"] = "1/2"  # Green 1/2 beside Amber 1: weights sum to 3/2
    wb["Milestones"]["C2"] = "three"
    out = io.BytesIO()
    wb.save(out)
    response = _upload(client, "plan.xlsx", out.getvalue())
    html = response.content.decode()
    assert "plan.xlsx was not imported" in html
    assert "Nothing has been changed" in html
    assert (
        "sheet &#39;Milestones&#39;, row 2, column C" in html or "sheet 'Milestones', row 2, column C" in html
    )
    assert "row 2, column E" in html
    assert not Plan.objects.filter(slug=EXAMPLE_PLAN["slug"]).exists()


def test_a_file_that_is_not_a_workbook_is_refused(client, users):
    client.force_login(users["performance_officer"])
    html = _upload(client, "plan.xlsx", b"not a workbook").content.decode()
    assert "this is not an Excel workbook (.xlsx)" in html


def test_malformed_json_is_refused_with_its_line(client, users):
    client.force_login(users["performance_officer"])
    html = _upload(client, "plan.json", b'{"slug": }').content.decode()
    assert "line 1, column 10" in html


def test_an_exported_workbook_imports_back_to_the_same_plan(client, users, demo_plan):
    client.force_login(users["performance_officer"])
    workbook = client.get(reverse("plans:export_xlsx", kwargs={"slug": "cypp-2013-16"})).content
    before = export_plan(demo_plan)
    asked = _upload(client, "cypp.xlsx", workbook)
    assert "Merge this file into" in asked.content.decode()
    assert "nothing to change" in asked.content.decode()
    token = re.search(r'name="held" value="([^"]+)"', asked.content.decode())[1]
    response = client.post(reverse("plans:import"), {"held": token, "confirm": "yes"})
    assert response.status_code == 302
    after = export_plan(Plan.objects.get(slug="cypp-2013-16"))
    # The workbook carries everything but the RAG vocabulary's descriptions and update tables.
    strip = ("tables", "rag_statuses", "published", "needs", "organisations")

    def core(data):
        text = json.dumps(data, sort_keys=True)
        data = json.loads(text)
        for key in strip:
            data.pop(key, None)
        for p in data["priorities"]:
            for a in p["actions"]:
                for m in a["milestones"]:
                    m.pop("tables", None)
        for r in data["rounds"]:
            r.pop("published", None)
            for u in r["updates"]:
                u.pop("tables", None)
        return data

    assert core(after) == core(before)


def test_the_round_exports_to_csv(client, users):
    client.force_login(users["lead_officer"])
    response = client.get(reverse("plans:export_csv", kwargs=ROUND))
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("priority,milestone,action")
    assert len([line for line in lines if line[:2] in {"1,", "2,", "3,", "5,", "6,"}]) >= 159


def milestone_edit_url(priority, number):
    return reverse(
        "plans:milestone_edit", kwargs={"slug": "cypp-2013-16", "priority": priority, "number": number}
    )


def _edit_data(milestone, **changes):
    data = {
        "text": milestone.text,
        "due": "",
        "sub_heading": "",
        "delivery_lead": "Ron Parry",
        "strategy_lead": "",
        "version": milestone.version,
    }
    data.update(changes)
    return data


def test_editing_a_milestone_keeps_before_and_after_on_its_page(client, users, demo_plan):
    client.force_login(users["performance_officer"])
    m = Milestone.objects.get(priority__plan=demo_plan, priority__number=1, number=27)
    response = client.post(
        milestone_edit_url(1, 27),
        _edit_data(
            m,
            due="2015-03-31",
            target_value="18000",
            target_unit="meals per day",
            target_period="2014/15",
            delivery_lead="Ron Parry; School Meals Service",
        ),
    )
    assert response.status_code == 302
    m.refresh_from_db()
    assert m.due.isoformat() == "2015-03-31"
    assert [lead.text for lead in m.leads.all()] == ["Ron Parry", "School Meals Service"]
    page = milestone_page(client, 1, 27)
    assert "Milestone P1 M27 changed" in page
    assert "18000 meals per day 2014/15" in page
    assert "Sue Wilson" in page


def test_a_stale_milestone_edit_is_refused_and_shows_the_newer_version(client, users, demo_plan):
    client.force_login(users["performance_officer"])
    m = Milestone.objects.get(priority__plan=demo_plan, priority__number=1, number=28)
    client.post(milestone_edit_url(1, 28), _edit_data(m, text="First edit"))
    response = client.post(milestone_edit_url(1, 28), _edit_data(m, text="Second edit", sub_heading="Meals"))
    html = response.content.decode()
    assert "saved this milestone at" in html
    assert "Your changes have not been saved" in html
    other = html[html.index('id="other-version"') : html.index("Saving it will replace theirs")]
    assert "First edit" in other
    form = html[html.index('name="version"') :]
    assert ">Second edit</textarea>" in form  # what the second person typed is kept
    assert 'value="Meals"' in form
    m.refresh_from_db()
    assert m.text == "First edit"
    # Saving again, having read theirs, replaces it knowingly.
    version = re.search(r'name="version" value="(\d+)"', html).group(1)
    again = client.post(milestone_edit_url(1, 28), {**_edit_data(m, text="Second edit"), "version": version})
    assert again.status_code == 302
    m.refresh_from_db()
    assert m.text == "Second edit"


def test_a_bad_measure_is_explained(client, users, demo_plan):
    client.force_login(users["performance_officer"])
    m = Milestone.objects.get(priority__plan=demo_plan, priority__number=1, number=28)
    html = client.post(milestone_edit_url(1, 28), _edit_data(m, actual_value="about 60")).content.decode()
    assert "Enter the actual as a number, such as 65.5" in html


def test_approve_all_approves_what_was_seen_and_leaves_what_changed(client, users, demo_round):
    client.force_login(users["lead_officer"])
    for number in (26, 27):
        u = current(demo_round, 1, number)
        client.post(update_url(1, number), {"text": f"New {number}", "status": "green", "version": u.version})
    seen = {n: current(demo_round, 1, n) for n in (26, 27)}
    # M27 changes again after the officer opened the round page.
    client.post(update_url(1, 27), {"text": "Newer 27", "status": "amber", "version": seen[27].version})
    client.force_login(users["performance_officer"])
    response = client.post(
        reverse("plans:approve_all", kwargs=ROUND),
        {"update": [f"{u.pk}:{u.version}" for u in seen.values()]},
        follow=True,
    )
    assert "1 update approved. 1 changed after you opened the page" in response.content.decode()
    assert current(demo_round, 1, 26).state == Update.APPROVED
    assert current(demo_round, 1, 27).state == Update.SUBMITTED


def test_an_administrator_relabels_a_rag_status_and_the_report_follows(client, users, demo_plan):
    client.force_login(users["administrator"])
    url = reverse("admin:plans_plan_change", args=[demo_plan.pk])
    page = client.get(url)
    assert page.status_code == 200
    form = page.context["adminform"].form
    data = {name: form.initial.get(name) or "" for name in form.fields}
    data["start"], data["end"] = demo_plan.start.isoformat(), demo_plan.end.isoformat()
    statuses = list(demo_plan.rag_statuses.all())
    data.update(
        {
            "rag_statuses-TOTAL_FORMS": len(statuses),
            "rag_statuses-INITIAL_FORMS": len(statuses),
            "rag_statuses-MIN_NUM_FORMS": 0,
            "rag_statuses-MAX_NUM_FORMS": 1000,
        }
    )
    for i, s in enumerate(statuses):
        data.update(
            {
                f"rag_statuses-{i}-id": s.pk,
                f"rag_statuses-{i}-plan": demo_plan.pk,
                f"rag_statuses-{i}-key": "renamed",
                f"rag_statuses-{i}-label": s.label,
                f"rag_statuses-{i}-description": s.description,
                f"rag_statuses-{i}-style": s.style,
                f"rag_statuses-{i}-order": s.order,
            }
        )
        if s.means_no_update:
            data[f"rag_statuses-{i}-means_no_update"] = "on"
        if s.is_key_issue:
            data[f"rag_statuses-{i}-is_key_issue"] = "on"
    data["rag_statuses-0-label"] = "Complete"
    response = client.post(url, data)
    assert response.status_code == 302, response.content[:2000]
    assert [s.key for s in demo_plan.rag_statuses.all()] == ["green", "amber", "red", "blue"]
    assert demo_plan.rag_statuses.get(key="green").label == "Complete"
    client.force_login(users["performance_officer"])
    report = client.get(reverse("reports:progress", kwargs=ROUND)).content.decode()
    assert 'app-rag--green">Complete<' in report


def test_saving_an_unchanged_milestone_records_nothing(client, users, demo_plan):
    from outcomes.core.models import ChangeRecord

    client.force_login(users["performance_officer"])
    m = Milestone.objects.get(priority__plan=demo_plan, priority__number=1, number=6)
    from outcomes.plans.views.plans import _milestone_initial

    data = {name: "" if value is None else value for name, value in _milestone_initial(m).items()}
    data["text"] = m.text.replace("\n", "\r\n")  # as a browser sends a textarea
    assert client.post(milestone_edit_url(1, 6), data).status_code == 302
    assert not ChangeRecord.objects.filter(action="milestone.changed").exists()


def test_the_milestone_page_shows_baseline_target_and_actual(client, users):
    client.force_login(users["lead_officer"])
    page = milestone_page(client, 1, 6)
    assert "58% (2012/2013)" in page
    assert "65.5% (2013/2014)" in page
    assert "59.91% (2013/2014)" in page


def test_a_link_that_is_not_returned_is_flagged_on_the_milestone_page(client, users):
    # Seed 003 line 662: P1 M17 says "linked to priority 5, delivery milestone 17" (P5 M25 is meant).
    client.force_login(users["performance_officer"])
    page = milestone_page(client, 1, 17)
    assert "links to priority 5 milestone 17, which does not link back" in page


def test_an_update_that_says_no_data_but_is_not_blue_is_flagged(client, users):
    # Seed 003 line 645: P1 M10 "No available data", listed as a Key Issue (Red).
    client.force_login(users["performance_officer"])
    page = milestone_page(client, 1, 10)
    assert "says there is no information or no update, but its status is Red, not Blue" in page


def test_after_saving_an_update_only_this_sites_pages_are_followed(client, users, demo_round):
    client.force_login(users["lead_officer"])
    version = current(demo_round, 1, 26).version
    response = client.post(
        update_url(1, 26),
        {"text": "x", "status": "green", "version": version, "next": "https://elsewhere.example/steal"},
    )
    assert response["Location"] == reverse("plans:round", kwargs=ROUND)
    version = current(demo_round, 1, 26).version
    response = client.post(
        update_url(1, 26),
        {"text": "y", "status": "green", "version": version, "next": reverse("plans:my_milestones")},
    )
    assert response["Location"] == reverse("plans:my_milestones")


def test_the_home_page_leads_staff_to_the_home_areas_scorecard_and_its_exceptions(client, users):
    from outcomes.indicators.models import ExceptionRecord

    client.force_login(users["viewer"])
    home = client.get(reverse("home:home")).content.decode()
    assert reverse("indicators:scorecard", kwargs={"area": "372"}) in home
    assert "Rotherham's scorecard" in home
    open_now = ExceptionRecord.objects.filter(closed_at__isnull=True).count()
    assert open_now > 0
    assert f"Exceptions</a>: {open_now} open" in home
    assert reverse("surveys:manage") not in home


def test_a_school_account_is_led_to_its_own_survey_results_only(client, users):
    client.force_login(users["school"])
    home = client.get(reverse("home:home")).content.decode()
    assert "Swinton Brookfield" in home
    assert reverse("surveys:results") in home
    assert reverse("indicators:list") not in home
    assert reverse("plans:list") not in home
