"""A token reads what its owner may read on the pages, never more: each endpoint is checked against
the page that shows the same records, role by role, in the states that change what a role may read
(an unpublished report, a survey edition closed with only an interim release)."""

import pytest
from django.urls import reverse
from django.utils import timezone

from outcomes.surveys import editions, releases
from outcomes.surveys.models import Edition
from tests.roles import ROLES, ROUND

SLUG = "primary-2009"
# (page, its kwargs) -> the API addresses that serve the same records.
PAIRS = [
    (
        ("reports:progress", ROUND),
        [
            "/api/plans/cypp-2013-16/rounds/june-2014/overview",
            "/api/plans/cypp-2013-16/rounds/june-2014/statuses",
        ],
    ),
    (("plans:detail", {"slug": "cypp-2013-16"}), ["/api/plans/cypp-2013-16/milestones"]),
    (("indicators:scorecard", {"area": "372"}), ["/api/areas/372/scorecard"]),
    (("indicators:exceptions", {}), ["/api/exceptions"]),
    (("indicators:clinics", {}), ["/api/clinics", "/api/actions"]),
    (
        ("surveys:borough_report", {"slug": SLUG}),
        [f"/api/surveys/{SLUG}/results", f"/api/surveys/{SLUG}/participation"],
    ),
    (
        ("surveys:school_report", {"slug": SLUG, "code": "swinton-brookfield"}),
        [f"/api/surveys/{SLUG}/schools/swinton-brookfield/results"],
    ),
]


def page_opens(client, user, name, kwargs) -> bool:
    client.force_login(user)
    status = client.get(reverse(name, kwargs=kwargs)).status_code
    client.logout()
    return status == 200


def assert_api_follows_the_pages(client, users, tokens, read, pairs=PAIRS):
    for role in ROLES[1:]:
        for (name, kwargs), addresses in pairs:
            opens = page_opens(client, users[role], name, kwargs)
            for address in addresses:
                status = read(address, tokens[role]).status_code
                assert (status == 200) == opens, (
                    f"{role}: {address} answers {status}, the page {name} opens: {opens}"
                )


@pytest.mark.django_db
def test_each_endpoint_answers_each_role_as_its_page_does(client, users, tokens, read):
    assert_api_follows_the_pages(client, users, tokens, read)


@pytest.mark.django_db
def test_a_viewer_reads_no_unpublished_report(client, users, tokens, read, demo_round):
    viewer = tokens["viewer"]
    assert [r["slug"] for r in read("/api/plans/cypp-2013-16/rounds", viewer).json()["results"]] == [
        "june-2014"
    ]
    demo_round.published_at = None
    demo_round.save()
    assert_api_follows_the_pages(client, users, tokens, read, PAIRS[:1])
    assert read("/api/plans/cypp-2013-16/rounds/june-2014/overview", viewer).status_code == 404
    assert read("/api/plans/cypp-2013-16/rounds/june-2014/statuses", viewer).status_code == 404
    # The plan itself is no longer the viewer's to know of (the demo's NTI plan, published, still is).
    assert [p["slug"] for p in read("/api/plans", viewer).json()["results"]] == ["nti-2010"]
    assert read("/api/plans/cypp-2013-16/rounds", viewer).status_code == 404
    # Those who may see the plan still read the round, published or not.
    assert read("/api/plans/cypp-2013-16/rounds", tokens["lead_officer"]).json()["count"] == 1


@pytest.mark.django_db
def test_a_lead_officer_reads_only_the_plans_they_lead_in(tokens, read):
    # The CYPP, and the demo's NTI plan, where Ron Parry is a group's strategic lead (decision 0154).
    assert read("/api/plans", tokens["lead_officer"]).json()["count"] == 2
    assert read("/api/plans", tokens["other_lead_officer"]).json()["count"] == 0
    assert read("/api/plans/cypp-2013-16/milestones", tokens["other_lead_officer"]).status_code == 404


@pytest.mark.django_db
def test_viewers_read_survey_results_only_from_a_final_release(client, users, tokens, read):
    edition = Edition.objects.get(slug=SLUG)
    viewer = tokens["viewer"]
    results = f"/api/surveys/{SLUG}/results"
    assert read(results, viewer).status_code == 404
    assert read("/api/surveys", viewer).json()["count"] == 0

    editions.set_state(edition, Edition.CLOSED, user=users["performance_officer"])
    # Closed, but only the interim release exists: the page says nothing is released, the API has nothing.
    assert read(results, viewer).status_code == 404
    assert read(results, viewer, release=1).status_code == 404
    assert read(results, tokens["performance_officer"], release=1).status_code == 200

    releases.publish(edition, user=users["performance_officer"])
    read_ = read(results, viewer).json()
    assert read_["count"] > 0
    assert {r["release"] for r in read_["results"]} == {2}
    assert read("/api/surveys", viewer).json()["results"][0]["release"] == 2
    assert read(f"/api/surveys/{SLUG}/schools/swinton-brookfield/results", viewer).status_code == 404
    assert_api_follows_the_pages(client, users, tokens, read, PAIRS[-2:])


@pytest.mark.django_db
def test_a_schools_token_reads_its_own_report_only(tokens, read):
    school = tokens["school"]
    assert read(f"/api/surveys/{SLUG}/schools/swinton-brookfield/results", school).status_code == 200
    assert read(f"/api/surveys/{SLUG}/schools/wath-central/results", school).status_code == 404
    assert read(f"/api/surveys/{SLUG}/results", school).status_code == 404
    listed = read("/api/surveys", school).json()["results"]
    assert [(r["schools"], r["borough_results"]) for r in listed] == [("swinton-brookfield", False)]
    for path in ["/api/plans/cypp-2013-16/milestones", "/api/plans/cypp-2013-16/rounds/june-2014/overview"]:
        assert read(path, school).status_code == 404
    assert read("/api/indicators", school).status_code == 403


@pytest.mark.django_db
def test_a_viewers_token_reads_the_published_version_not_the_working_report(
    client, users, tokens, read, demo_round
):
    from outcomes.plans.models import Update

    overview = "/api/plans/cypp-2013-16/rounds/june-2014/overview"
    statuses = "/api/plans/cypp-2013-16/rounds/june-2014/statuses"

    def red_total(token) -> int:
        rows = read(overview, token).json()["results"]
        return next(r["shown"] for r in rows if r["row"] == "Total" and r["status_key"] == "red")

    def m28(token, **query) -> list[dict]:
        return [r for r in read(statuses, token, **query).json()["results"] if r["reference"] == "P1 M28"]

    since = timezone.now().isoformat()
    update = Update.objects.get(round=demo_round, milestone__priority__number=1, milestone__number=28)
    client.force_login(users["lead_officer"])
    url = reverse("plans:update", kwargs={**ROUND, "priority": 1, "number": 28})
    saved = client.post(url, {"text": "Menus lack the nutrients", "status": "red", "version": update.version})
    assert saved.status_code == 302

    # The working report has it at once; the viewer reads the version published, as on the page.
    assert red_total(tokens["performance_officer"]) == 17
    assert m28(tokens["performance_officer"])[0]["state"] == "submitted"
    assert red_total(tokens["viewer"]) == 16
    assert m28(tokens["viewer"])[0]["status"] == "Amber"
    client.force_login(users["viewer"])
    on_the_page = client.get(reverse("reports:progress_json", kwargs=ROUND)).json()
    assert on_the_page["overview"]["shown"]["total"]["red"] == 16
    # Nothing the viewer reads has changed since: the version in force was published in 2014.
    assert m28(tokens["viewer"], updated_since=since) == []
    assert [r["status"] for r in m28(tokens["performance_officer"], updated_since=since)] == ["Red"]
