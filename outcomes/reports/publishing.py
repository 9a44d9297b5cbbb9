"""Publishing a round's progress report, and reading what was published (issue 14; decisions 0090-0091).

A publication (documents/publications.py) holds the report's JSON exactly as published. Viewers read
only publications; the round's working state goes on changing underneath without touching them.
- A closed round's report is published in full; an open round's only as an interim report.
- Publishing again makes the next version, which lists what changed (reports/revisions.py); a
  publication that would change nothing is refused.
- The report at a moment is the version in force then, or before the first publication the
  approved updates as they stood (reports/as_at.py).
"""

from datetime import datetime

from django.db import transaction
from django.http import Http404
from django.utils import timezone

from outcomes.documents import publications
from outcomes.documents.publications import Publication
from outcomes.plans import access, services
from outcomes.plans.models import Round
from outcomes.reports.as_at import working_report_at
from outcomes.reports.frozen import report_from_json
from outcomes.reports.progress import ProgressReport, Stamp, build_progress_report, report_as_json
from outcomes.reports.revisions import describe_changes

KIND = Round.REPORT_KIND


class PublishRefused(Exception):
    pass


def subject(round_: Round) -> str:
    return round_.report_subject


def title(round_: Round) -> str:
    return f"{round_.plan.title}: progress report {round_.title}"


def versions(round_: Round) -> list[Publication]:
    return publications.versions(KIND, subject(round_))


def current(round_: Round) -> Publication | None:
    return publications.current(KIND, subject(round_))


def _comparable(content: dict) -> dict:
    found = {k: v for k, v in content.items() if k != "generated_at"}
    if found.get("summary"):
        # The day a summary stands at moves with the day of publishing; its figures are what count.
        found["summary"] = {k: v for k, v in found["summary"].items() if k != "as_at"}
    return found


def publish_problem(round_: Round, *, interim: bool, content: dict | None = None) -> str | None:
    """Why this publication may not be made, in words; None when it may."""
    if not round_.is_closed and not interim:
        return (
            f"The round '{round_.title}' is still open: its report can be published only as an interim "
            "report until the round is closed."
        )
    if round_.is_closed and interim:
        return f"The round '{round_.title}' is closed: its report is published in full, not as interim."
    last = current(round_)
    if last is not None and content is not None and _comparable(last.content) == _comparable(content):
        return f"Nothing in the report has changed since version {last.version}: there is nothing to publish."
    return None


def publish_report(*, user, round_: Round, interim: bool = False, at: datetime | None = None) -> Publication:
    """Freeze the round's report as it is now and publish it (the next version when one exists)."""
    with transaction.atomic():
        # One publication of a round at a time: the second waits and then finds the first.
        locked = Round.objects.select_for_update().select_related("plan").get(pk=round_.pk)
        # Its overdue flags and summary line stand at the day it is published (decision 0152).
        day = timezone.localdate(at) if at is not None else timezone.localdate()
        content = report_as_json(build_progress_report(locked, on=day))
        problem = publish_problem(locked, interim=interim, content=content)
        if problem:
            raise PublishRefused(problem)
        publication = publications.publish(
            KIND,
            subject(locked),
            content,
            user=user,
            title=title(locked),
            interim=interim,
            changes=describe_changes,
            at=at,
        )
        services.record_publication(
            user=user,
            round_=locked,
            version=publication.version,
            interim=interim,
            at=publication.published_at,
        )
    round_.refresh_from_db()
    return publication


def publish_imported(round_: Round, user) -> None:
    """A round that arrives by import already published (the demo's June 2014): its report as imported is
    its first publication, dated when the import says it was published."""
    if current(round_) is None:
        publish_report(user=user, round_=round_, interim=not round_.is_closed, at=round_.published_at)


def stamp_of(publication: Publication) -> Stamp:
    replaced = publication.replaces
    return Stamp(
        version=publication.version,
        interim=publication.interim,
        published_by=publication.published_by_name,
        published_at=publication.published_at,
        revision=publications.revision_line(publication),
        replaces_version=replaced.version if replaced else None,
        changes=list(publication.changes),
    )


def published_report(publication: Publication, as_at: datetime | None = None) -> ProgressReport:
    """The report exactly as this version published it."""
    report = report_from_json(publication.content)
    report.stamp = stamp_of(publication)
    report.as_at = as_at or publication.published_at
    return report


def report_for_reader(user, round_: Round) -> ProgressReport:
    """The report ``user`` reads of ``round_`` (a round plans.access has let them open): viewers the
    version in force, none before the first; everyone else the round's working report. The report's
    pages and the read API both ask this."""
    if access.reads_published_only(user):
        publication = current(round_)
        if publication is None:
            raise Http404("No such report")
        return published_report(publication)
    return build_progress_report(round_)


def report_as_at(round_: Round, moment: datetime) -> ProgressReport:
    """The report as it stood at ``moment``: the version in force, else the approved updates then."""
    publication = publications.as_at(KIND, subject(round_), moment)
    if publication is not None:
        return published_report(publication, as_at=moment)
    return working_report_at(round_, moment)
