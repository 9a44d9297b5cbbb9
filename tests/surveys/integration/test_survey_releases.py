"""Survey results as releases (issue 12 items 1-3, decision 0055): computed once, frozen, and
suppressed together across outputs and releases. Each test is one of the issue's attacks, made the
way the issue made it, on the demo (its interim release 1 is published by load_demo):

1. differencing over time: a pupil sends, and nothing a school reads changes; a later release
   moves no shown figure by 1 to threshold - 1 pupils, and hides whatever an earlier one hid;
2. differencing thresholds: a release at a higher threshold shows nothing the earlier one did not;
3. the borough less every other school: no hidden figure is the only unknown of that sum, and the
   borough less a school's own figures (what its staff hold) is never a small figure.
"""

import io
import json

import pytest
from django.core.management import call_command
from django.urls import reverse

from outcomes.surveys import releases
from outcomes.surveys.generator import synthetic_responses
from outcomes.surveys.models import Edition, Release, School
from outcomes.surveys.results.joint import identities_of_json
from outcomes.surveys.services import record_responses

pytestmark = pytest.mark.django_db
SLUG = "primary-2009"


@pytest.fixture
def edition():
    return Edition.objects.get(slug=SLUG)


def send(edition, code: str, pupils: int, seed: int) -> None:
    school = School.objects.get(code=code)
    record_responses(
        edition, synthetic_responses(edition, [(school, pupils)], seed=seed, days=(edition.opens,) * 2)
    )


def outputs(release: Release) -> dict[str, dict]:
    return releases.outputs(release)


def school_json(code: str) -> dict:
    out = io.StringIO()
    call_command("survey_report", "--edition", SLUG, "--school", code, stdout=out)
    return json.loads(out.getvalue())


def main(content: bytes) -> bytes:
    """The page's main content (the header's per-request tokens aside)."""
    return content[content.index(b"<main") : content.index(b"</main>")]


def small(value, threshold: int) -> bool:
    return value is not None and 0 < abs(value) < threshold


# --- 1. over time -----------------------------------------------------------------------------------


def test_a_pupil_sending_changes_nothing_that_a_school_reads(client, users, edition):
    """The issue's reproduction: Swinton Brookfield's workbook before and after one pupil sends.
    Live figures moved 112 cells by exactly 1; a release does not move."""
    client.force_login(users["school"])
    page = reverse("surveys:school_report", kwargs={"slug": SLUG, "code": "swinton-brookfield"})
    before_page = main(client.get(page).content)
    before = school_json("swinton-brookfield")
    send(edition, "swinton-brookfield", 1, seed=812)
    assert school_json("swinton-brookfield") == before
    assert main(client.get(page).content) == before_page
    assert before["respondents"]["count"] == 81
    # And no release can be made of that one pupil while the edition is open.
    problem = releases.release_problem(edition)
    assert "Only 1 responses have arrived since release 1" in problem
    client.force_login(users["performance_officer"])
    response = client.post(reverse("surveys:publish_release", kwargs={"slug": SLUG}))
    assert response.status_code == 409
    assert edition.releases.count() == 1


def test_a_later_release_moves_no_shown_figure_by_a_few_pupils(edition):
    first = releases.latest(edition)
    send(edition, "swinton-brookfield", 6, seed=901)
    send(edition, "kiveton-park-meadows", 5, seed=902)
    assert releases.release_problem(edition) is None  # 11 new responses: at least the threshold
    second = releases.publish(edition)
    assert (second.number, second.kind, second.respondents) == (2, Release.INTERIM, 583)
    threshold = second.threshold
    before, after = outputs(first), outputs(second)
    moved_by_one = compared = 0
    for scope, data in after.items():
        if scope not in before:
            continue
        then, now = identities_of_json(before[scope]), identities_of_json(data)
        for identity, value in now.items():
            earlier = then.get(identity, 0)
            if earlier is None:
                assert value is None, (scope, identity)  # hidden once, hidden for good
                continue
            if value is None:
                continue
            compared += 1
            assert not small(value - earlier, threshold), (scope, identity, earlier, value)
            moved_by_one += value - earlier == 1
    assert compared > 10_000
    assert moved_by_one == 0
    # Swinton Brookfield's six new pupils cannot be read off its report: every figure that moved
    # moved by the threshold or more, and its respondents are 87 only where that is not small.
    assert after["swinton-brookfield"]["respondents"]["count"] in (None, 81)


# --- 2. over thresholds -----------------------------------------------------------------------------


def test_raising_the_threshold_shows_nothing_new_and_it_cannot_come_down(edition):
    first = releases.latest(edition)
    edition.suppression_threshold = 20
    edition.save(update_fields=["suppression_threshold"])
    second = releases.publish(edition)
    assert second.threshold == 20
    before, after = outputs(first), outputs(second)
    recovered = []
    for scope, data in after.items():
        then = identities_of_json(before[scope]) if scope in before else {}
        for identity, value in identities_of_json(data).items():
            if value is not None and then.get(identity) is None:
                recovered.append((scope, identity))
            elif value is not None:
                assert value == then[identity]
    assert recovered == []
    # Schools with fewer than 20 pupils now have no report of their own.
    assert "rawmarsh-sandhill" in after[""]["schools_without_report"]
    # Lowering the edition's threshold does not lower the next release's.
    edition.suppression_threshold = None
    edition.save(update_fields=["suppression_threshold"])
    assert releases.next_threshold(edition) == 20


# --- 3. the borough less the other schools -----------------------------------------------------------


def test_the_borough_less_the_other_schools_recovers_no_hidden_figure(edition):
    release = releases.latest(edition)
    data = outputs(release)
    borough = identities_of_json(data.pop(""))
    threshold = release.threshold
    without_report = outputs(release)[""]["schools_without_report"]
    # St Thomas's (6 pupils) has no report; with it the smallest school needed to make 10 or more.
    assert "st-thomas" in without_report
    assert sum(1 for _ in without_report) >= 2
    schools = {code: identities_of_json(content) for code, content in data.items()}
    recovered, small_rest = [], []
    for identity, total in borough.items():
        if total is None:
            continue
        parts = [(code, figures.get(identity, 0)) for code, figures in schools.items()]
        hidden = [code for code, value in parts if value is None]
        unknowns = len(hidden) + (1 if without_report else 0)
        if unknowns == 1 and hidden:
            recovered.append((hidden[0], identity))
        for code, value in parts:
            if value is not None and small(total - value, threshold):
                small_rest.append((code, identity))
    assert recovered == []
    assert small_rest == []


def test_a_school_without_a_report_of_its_own_is_told_so(client, users, edition):
    st_thomas = School.objects.get(code="st-thomas")
    st_thomas.staff.add(users["school"])
    client.force_login(users["school"])
    response = client.get(reverse("surveys:school_report", kwargs={"slug": SLUG, "code": "st-thomas"}))
    assert response.status_code == 200
    assert b"pupils answered for a report of its own" in response.content
    download = reverse("surveys:school_report_xlsx", kwargs={"slug": SLUG, "code": "st-thomas"})
    assert client.get(download).status_code == 404


# --- publishing ---------------------------------------------------------------------------------------


def test_the_performance_officer_publishes_the_final_release_after_a_confirm_page(client, users, edition):
    edition.state = Edition.CLOSED
    edition.save(update_fields=["state"])
    client.force_login(users["performance_officer"])
    url = reverse("surveys:publish_release", kwargs={"slug": SLUG})
    confirm = client.get(url)
    assert b"Publish the final release of results?" in confirm.content
    assert edition.releases.count() == 1  # the GET changed nothing
    response = client.post(url)
    assert response.status_code == 302
    release = releases.latest(edition)
    assert (release.number, release.kind, release.published_by) == (
        2,
        Release.FINAL,
        users["performance_officer"],
    )
    # Viewers read the final release only; the interim one is not theirs.
    client.force_login(users["viewer"])
    page = reverse("surveys:borough_report", kwargs={"slug": SLUG})
    assert b"Final release 2" in client.get(page).content
    assert client.get(page + "?release=1").status_code == 404
    # Nothing has changed since: a second final release is refused with the reason.
    assert "Nothing has changed since release 2" in releases.release_problem(edition)


def test_the_indicator_feed_sends_the_released_figure(client, users, edition):
    from outcomes.indicators.models import Value

    release = releases.latest(edition)
    results = releases.borough_of(release)[0]
    send(edition, "swinton-brookfield", 3, seed=77)  # not in the release: not in the feed
    client.force_login(users["performance_officer"])
    client.post(reverse("surveys:feed_indicators", kwargs={"slug": SLUG}))
    value = Value.objects.get(indicator__code="NI 69", area__la_number=372)
    bullied = results.question("q30").rows[0].group(("all", "")).options[0]
    assert value.numerator == bullied.count.value
