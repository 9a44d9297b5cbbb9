"""Destructive or public actions ask to confirm on a page of their own, without JavaScript (issue 11
item 9): the first POST changes nothing and shows what will happen; the confirmed POST acts."""

import json
import re
from html import unescape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from outcomes.core.models import ChangeRecord
from outcomes.documents.models import Publication
from outcomes.indicators.models import MilestoneIndicatorLink
from outcomes.plans import services
from outcomes.surveys.models import AccessLink, Edition, School

pytestmark = pytest.mark.django_db
ROUND = {"slug": "cypp-2013-16", "round_slug": "june-2014"}


def _hidden(html: str, name: str, value: str) -> bool:
    return f'name="{name}" value="{value}"' in html


def test_publishing_a_report_asks_first_then_publishes(client, users, demo_round):
    services.close_round(user=users["performance_officer"], round_=demo_round)
    client.force_login(users["performance_officer"])
    url = reverse("reports:publish", kwargs=ROUND)
    first = client.post(url, {"interim": "0"})
    html = first.content.decode()
    assert first.status_code == 200
    assert "Publish the report for Update June 2014?" in html
    assert "Viewers (board, scrutiny and panel members) will read the report exactly as it is now" in html
    assert "It becomes version 2, replacing version 1" in html
    assert _hidden(html, "interim", "0")
    assert _hidden(html, "confirm", "yes")
    assert f'action="{url}"' in html
    assert reverse("plans:round", kwargs=ROUND) in html  # Cancel goes back
    assert not ChangeRecord.objects.filter(action="round.published").exclude(user=None).exists()
    assert Publication.objects.filter(subject=demo_round.report_subject).count() == 1

    assert client.post(url, {"interim": "0", "confirm": "yes"}).status_code == 302
    assert Publication.objects.filter(subject=demo_round.report_subject).count() == 2
    assert ChangeRecord.objects.filter(action="round.published", user=users["performance_officer"]).exists()


def test_withdrawing_a_schools_link_asks_first(client, users):
    link = AccessLink.objects.get(edition__slug="primary-2009", school__code="swinton-brookfield")
    client.force_login(users["performance_officer"])
    url = reverse("surveys:link_action", kwargs={"slug": "primary-2009", "code": "swinton-brookfield"})
    html = unescape(client.post(url, {"action": "withdraw"}).content.decode())
    assert f"Withdraw the link of {link.school.name}?" in html
    assert link.code in html
    assert _hidden(html, "action", "withdraw")
    link.refresh_from_db()
    assert link.active
    client.post(url, {"action": "withdraw", "confirm": "yes"})
    link.refresh_from_db()
    assert not link.active
    # Reopening gives pupils their way back: it needs no confirmation.
    assert client.post(url, {"action": "reopen"}).status_code == 302
    link.refresh_from_db()
    assert link.active


def test_a_new_link_and_code_asks_first(client, users):
    link = AccessLink.objects.get(edition__slug="primary-2009", school__code="swinton-brookfield")
    client.force_login(users["performance_officer"])
    url = reverse("surveys:link_action", kwargs={"slug": "primary-2009", "code": "swinton-brookfield"})
    html = client.post(url, {"action": "replace"}).content.decode()
    assert "will stop working at once" in html
    old = link.code
    link.refresh_from_db()
    assert link.code == old
    client.post(url, {"action": "replace", "confirm": "yes"})
    link.refresh_from_db()
    assert link.code != old


def test_closing_a_live_edition_asks_first(client, users):
    edition = Edition.objects.get(slug="primary-2009")
    client.force_login(users["performance_officer"])
    url = reverse("surveys:state", kwargs={"slug": edition.slug})
    html = unescape(client.post(url, {"state": "closed"}).content.decode())
    assert f"Close {edition.title} to pupils?" in html
    edition.refresh_from_db()
    assert edition.state == Edition.LIVE
    client.post(url, {"state": "closed", "confirm": "yes"})
    edition.refresh_from_db()
    assert edition.state == Edition.CLOSED


def test_removing_a_school_sign_in_asks_first(client, users):
    school = School.objects.get(code="swinton-brookfield")
    account = users["school"]
    client.force_login(users["performance_officer"])
    url = reverse("surveys:school_staff", kwargs={"code": school.code})
    html = unescape(client.post(url, {"remove": account.username}).content.decode())
    assert f"Remove {account.username} from {school.name}?" in html
    assert school.staff.filter(pk=account.pk).exists()
    client.post(url, {"remove": account.username, "confirm": "yes"})
    assert not school.staff.filter(pk=account.pk).exists()


def test_unlinking_a_milestone_from_an_indicator_asks_first(client, users):
    link = MilestoneIndicatorLink.objects.select_related("indicator").first()
    client.force_login(users["performance_officer"])
    from outcomes.indicators.access import code_slug

    url = reverse("indicators:milestone_links", args=[code_slug(link.indicator.code)])
    html = client.post(url, {"action": "unlink", "link": link.pk}).content.decode()
    assert "Unlink P" in html
    assert MilestoneIndicatorLink.objects.filter(pk=link.pk).exists()
    client.post(url, {"action": "unlink", "link": link.pk, "confirm": "yes"})
    assert not MilestoneIndicatorLink.objects.filter(pk=link.pk).exists()


@pytest.mark.parametrize("role", ["lead_officer", "viewer", "school"])
def test_the_confirmation_page_is_not_a_way_round_access(client, users, role):
    client.force_login(users[role])
    response = client.post(reverse("reports:publish", kwargs=ROUND), {"interim": "1"})
    assert response.status_code in (403, 404)


def test_merging_a_plan_by_import_asks_first_and_holds_the_file(client, users, demo_plan):
    from outcomes.plans.interchange import export_plan
    from outcomes.plans.models import Plan, Update

    client.force_login(users["performance_officer"])
    data = export_plan(demo_plan)
    data["title"] = "Renamed by the import"
    url = reverse("plans:import")
    upload = SimpleUploadedFile("cypp.json", json.dumps(data).encode())
    first = client.post(url, {"file": upload})
    html = unescape(first.content.decode())
    assert first.status_code == 200
    assert f"Merge this file into '{demo_plan.title}'?" in html
    assert "Every update, who submitted and approved it, and every history stays" in html
    assert _hidden(html, "confirm", "yes")
    token = re.search(r'name="held" value="([^"]+)"', html)[1]
    demo_plan.refresh_from_db()
    assert demo_plan.title != "Renamed by the import"
    updates = Update.objects.filter(round__plan=demo_plan).count()
    assert updates > 0

    # A made-up token holds no file: the form asks for one and nothing changes.
    wrong = client.post(url, {"held": "made-up", "confirm": "yes"})
    assert wrong.status_code == 200
    assert Plan.objects.get(slug=demo_plan.slug).title != "Renamed by the import"

    done = client.post(url, {"held": token, "confirm": "yes"})
    assert done.status_code == 302
    assert Plan.objects.get(slug=demo_plan.slug).title == "Renamed by the import"
    # The merge keeps every update.
    assert Update.objects.filter(round__plan=demo_plan).count() == updates
    # The held file is used once.
    again = client.post(url, {"held": token, "confirm": "yes"})
    assert again.status_code == 200
