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
from outcomes.documents import publications
from outcomes.surveys.models import Edition, Release, ReleasedReport, Response
from outcomes.surveys.results import stored
from outcomes.surveys.results.as_json import results_as_json
from outcomes.surveys.results.comparison import compare_with_earlier
from outcomes.surveys.results.figures import Participation, ParticipationRow, Results, beside_borough
from outcomes.surveys.results.joint import make_release, participation_decided
from outcomes.surveys.results.participation import participation, school_participation

PUBLICATION_KIND = "survey-release"


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
        earlier = [outputs(release) for release in edition.releases.order_by("number")]
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
        earlier_release = latest(edition)
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
        publication = publications.publish(
            PUBLICATION_KIND,
            subject(edition),
            _stamped(content, release),
            user=user,
            title=f"{edition.title}: {release.get_kind_display().lower()} release {number} of results",
            interim=kind == Release.INTERIM,
            changes=_changes(earlier_release, release),
            at=release.published_at,
        )
        if publication.version != number:  # pragma: no cover - one lock serialises both numberings
            raise ValueError(f"release {number} would be publication version {publication.version}")
        release.publication = publication
        release.save(update_fields=["publication"])
        reports = []
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


def subject(edition: Edition) -> str:
    return f"edition:{edition.pk}"


def _changes(earlier: Release | None, release: Release) -> list[str]:
    """What a reader of the earlier release finds different, in words (the figures themselves are
    protected together, decision 0055; their differences are not listed one by one)."""
    if earlier is None:
        return []
    lines = []
    if earlier.kind != release.kind:
        lines.append("The edition has closed: this is the final release.")
    if earlier.respondents != release.respondents:
        lines.append(f"Responses: {earlier.respondents} → {release.respondents}.")
    if earlier.threshold != release.threshold:
        lines.append(f"Figures of fewer than {release.threshold} pupils not shown (was {earlier.threshold}).")
    return lines


def outputs(release: Release) -> dict[str, dict]:
    """A release's stored outputs by scope ("" the borough, its publication; else the school's code)."""
    found = {"": release.publication.content} if release.publication_id else {}
    found.update(
        (report.school.code, report.content)
        for report in release.reports.select_related("school")
        if report.school
    )
    return found


# --- reading ------------------------------------------------------------------------------------


def _content(release: Release, school=None) -> dict | None:
    if school is None:
        return release.publication.content if release.publication_id else None
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


def register_pages() -> None:
    """A survey release's publication opens at the borough report of that release, for those who may
    read it there (decision 0055 says who)."""
    from django.urls import reverse

    from outcomes.surveys import access

    def release_url(user, publication) -> str | None:
        edition = Edition.objects.filter(pk=int(publication.subject.removeprefix("edition:"))).first()
        if edition is None or not access.can_read_borough_results(user, edition):
            return None
        if access.release_for_user(user, edition, number=publication.version) is None:
            return None
        return f"{reverse('surveys:borough_report', args=[edition.slug])}?release={publication.version}"

    publications.register_kind(PUBLICATION_KIND, name="survey results release", url=release_url)
