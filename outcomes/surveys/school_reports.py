"""Every school's report in a release as PDFs in one .zip, made as a job (issue 17; decision 0114):
whoever sends the schools their reports takes one file rather than a download per school.

Each PDF is ``school_report_pdf``'s, the school page's figures suppressed exactly as there: nothing
is computed here. A school without a report of its own in the release is left out of the zip and
named in the job's result with the reason, in the school page's words."""

import io
import re
import unicodedata
import zipfile

from django.db.models import Q
from django.urls import reverse

from outcomes.jobs.models import JobFile
from outcomes.jobs.queue import job_task, report_progress
from outcomes.surveys import results_document
from outcomes.surveys.models import Release, School


def safe_name(text: str) -> str:
    """``text`` in characters every file system and zip tool takes: ASCII letters, digits and dashes."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    ascii_text = re.sub(r"['’]", "", ascii_text)
    return re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-")[:80] or "school"


def member_name(school: School) -> str:
    """A school's PDF in the zip, by its code and name (``wath-central-Wath-Central-Primary.pdf``)."""
    return f"{safe_name(school.code)}-{safe_name(school.name)}.pdf"


def zip_name(release: Release) -> str:
    return f"{release.edition.slug}-release-{release.number}-school-reports.zip"


def schools_of_release(release: Release) -> list[School]:
    """The schools a release could hold a report for: those with one, those it names as without,
    and every school given a link to the edition (whose pupils may not have answered). By name."""
    reported = release.reports.exclude(school=None).values_list("school_id", flat=True)
    unreported = _without_report(release) or []
    linked = release.edition.links.values_list("school_id", flat=True)
    found = School.objects.filter(is_group=False).filter(
        Q(pk__in=list(reported)) | Q(code__in=unreported) | Q(pk__in=list(linked))
    )
    return list(found.order_by("name"))


def _without_report(release: Release) -> list[str] | None:
    """The codes of the schools whose pupils the release counts only in the borough's figures (None
    for a release published before it recorded them)."""
    content = release.publication.content if release.publication_id else {}
    return content.get("schools_without_report")


def why_not_included(release: Release, school: School) -> str:
    """Why a school has no PDF in the zip, in the words its report page uses."""
    without = _without_report(release)
    if without is not None and school.code not in without:
        return f"none of its pupils' answers had arrived when release {release.number} was published."
    return (
        f"too few of its pupils answered for a report of its own in release {release.number}: figures "
        f"of fewer than {release.threshold} pupils are never shown, nor anything from which they could be "
        "worked out. Its pupils are counted in the borough's figures."
    )


@job_task
def school_reports_zip(job, *, release: int) -> dict:
    """Every school's report in the release (by its id) as PDFs in one .zip, kept with the job."""
    found = Release.objects.select_related("edition", "publication").get(pk=release)
    schools = schools_of_release(found)
    total = len(schools)
    report_progress(job.pk, 0, total, f"0 of {total} schools")
    out = io.BytesIO()
    included, left_out = [], []
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for done, school in enumerate(schools, start=1):
            pdf = results_document.school_report_pdf(found, school)
            if pdf:
                # A fixed date on every member: the same release makes the same zip.
                info = zipfile.ZipInfo(member_name(school), date_time=found.published_at.timetuple()[:6])
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, pdf)
                included.append(school)
            else:
                reason = why_not_included(found, school)
                left_out.append(f"{school.name} ({school.code}) not included: {reason}")
            report_progress(job.pk, done, total, f"{done} of {total} schools")
    data = out.getvalue()
    JobFile.objects.create(job=job, purpose=JobFile.RESULT, name=zip_name(found), data=data, size=len(data))
    edition = found.edition
    return {
        "summary": (
            f"Made the reports of {len(included)} of {total} schools in {edition.title}, "
            f"{found.get_kind_display().lower()} release {found.number}, as PDFs in one .zip."
        ),
        "lines": left_out,
        "link": f"{reverse('surveys:borough_report', args=[edition.slug])}?release={found.number}",
        "link_text": "Back to the borough report",
    }
