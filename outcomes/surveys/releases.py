"""Survey results as releases: computed once from the responses held when a performance officer
publishes, suppressed together with every output of this and every earlier release, and stored
(issue 12 items 1-3; docs/decisions/0055-survey-results-releases.md). Nothing shows results any
other way: pages, workbooks, PDFs, ``survey_report`` and the indicator feed all read a release.

When a release may be made (``release_problem``):
- a draft edition has none; there must be at least threshold responses;
- while the edition is live, an interim release needs at least threshold responses since the last
  release (a batch smaller than that would be its senders' answers, counted on their own), or none
  and a higher threshold;
- once the edition is closed, the final release; after it, another only when responses arrived
  since or the threshold was raised.
The threshold of a release is the edition's, never below the last release's (a threshold can only
be raised for a new release).
"""

from django.db import transaction
from django.utils import timezone

from outcomes.core.models import record_change
from outcomes.surveys.models import Edition, Release, ReleasedReport, Response
from outcomes.surveys.results import stored
from outcomes.surveys.results.as_json import results_as_json
from outcomes.surveys.results.comparison import compare_with_earlier
from outcomes.surveys.results.figures import Participation, ParticipationRow, Results, beside_borough
from outcomes.surveys.results.joint import make_release, participation_decided
from outcomes.surveys.results.participation import participation, school_participation


def latest(edition: Edition, *, final_only: bool = False) -> Release | None:
    releases = edition.releases.all()
    if final_only:
        releases = releases.filter(kind=Release.FINAL)
    return releases.order_by("-number").first()


def next_threshold(edition: Edition) -> int:
    last = latest(edition)
    return max(edition.suppression_threshold_in_force, last.threshold if last else 0)


def release_problem(edition: Edition) -> str | None:
    """Why no release can be published now, in words; None when one can."""
    if edition.state == Edition.DRAFT:
        return "A draft edition has no responses to release."
    threshold = next_threshold(edition)
    held = Response.objects.filter(edition=edition).count()
    if held < threshold:
        return f"There are {held} responses: a release needs at least {threshold}."
    last = latest(edition)
    new = held - (last.respondents if last else 0)
    if edition.state == Edition.LIVE and last is not None and 0 < new < threshold:
        return (
            f"Only {new} responses have arrived since release {last.number}: an interim release needs at "
            f"least {threshold} new responses, so that no pupil's answers can be told apart. Close the "
            "edition for the final release."
        )
    final_again = edition.state == Edition.CLOSED and last is not None and last.kind == Release.FINAL
    if (
        last is not None
        and new == 0
        and threshold == last.threshold
        and (final_again or edition.state == Edition.LIVE)
    ):
        return (
            f"Nothing has changed since release {last.number}: no response has arrived and the "
            "threshold is the same."
        )
    return None


def publish(edition: Edition, *, user=None) -> Release:
    """Make, store and record the next release of the edition (see ``release_problem``)."""
    with transaction.atomic():
        # One release at a time per edition: the second waits, then sees the first.
        edition = Edition.objects.select_for_update().get(pk=edition.pk)
        problem = release_problem(edition)
        if problem:
            raise ValueError(problem)
        threshold = next_threshold(edition)
        earlier = [_outputs(release) for release in edition.releases.order_by("number")]
        made = make_release(edition, threshold, earlier)
        borough = made.borough
        compare_with_earlier(borough)
        taking_part = participation(
            edition,
            threshold=threshold,
            answered=made.answered,
            borough=borough,
            decided=participation_decided(made),
        )
        number = edition.releases.count() + 1
        kind = Release.FINAL if edition.state == Edition.CLOSED else Release.INTERIM
        release = Release.objects.create(
            edition=edition,
            number=number,
            kind=kind,
            threshold=threshold,
            respondents=made.respondents,
            published_at=timezone.now(),
            published_by=user if user is not None and user.is_authenticated else None,
        )
        content = results_as_json(borough, taking_part)
        content["schools_without_report"] = sorted(s.code for s in made.unreported)
        reports = [ReleasedReport(release=release, school=None, content=_stamped(content, release))]
        for results in made.schools.values():
            beside_borough(results, borough)
            own = school_participation(results)
            data = _stamped(results_as_json(results, None, own), release)
            reports.append(ReleasedReport(release=release, school=results.school, content=data))
        ReleasedReport.objects.bulk_create(reports)
        record_change(
            user=user,
            obj=release,
            action="survey_release",
            summary=(
                f"Published {release.get_kind_display().lower()} release {number} of {edition.title}: "
                f"{made.respondents} responses, figures of fewer than {threshold} pupils not shown, "
                f"{len(made.schools)} school reports"
            ),
            before=None,
            after={"release": number, "kind": kind, "threshold": threshold, "respondents": made.respondents},
        )
    return release


def _stamped(data: dict, release: Release) -> dict:
    data["release"] = {
        "number": release.number,
        "kind": release.kind,
        "published_at": release.published_at.isoformat(),
        "respondents": release.respondents,
    }
    return data


def _outputs(release: Release) -> dict[str, dict]:
    """A release's stored outputs by scope ("" the borough, else the school's code)."""
    return {
        (report.school.code if report.school else ""): report.content
        for report in release.reports.select_related("school")
    }


# --- reading ------------------------------------------------------------------------------------


def _content(release: Release, school=None) -> dict | None:
    report = release.reports.filter(school=school).only("content").first()
    return None if report is None else report.content


def _key(release: Release, school_id) -> tuple:
    # The time it was published as well as its id: an id alone could come round again in a
    # database rolled back (tests), and the kept results must never be another release's.
    return (release.pk, release.published_at, school_id)


def borough_of(release: Release) -> tuple[Results, Participation, dict]:
    """The release's borough results, its participation and the stored data (kept per process)."""

    def build():
        data = _content(release)
        return (
            stored.results_from_json(data, release.edition),
            stored.participation_from_json(data),
            data,
        )

    return stored.kept(_key(release, None), build)


def school_of(release: Release, school) -> tuple[Results, ParticipationRow, dict] | None:
    """A school's report in the release, or None when the school has no report of its own in it."""

    def build():
        data = _content(release, school)
        if data is None:
            return None
        results = stored.results_from_json(data, release.edition, school)
        return results, stored.own_participation_from_json(data), data

    return stored.kept(_key(release, school.pk), build)
