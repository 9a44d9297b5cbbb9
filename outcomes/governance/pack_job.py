"""The agenda pack made as a job (outcomes/jobs): laying it out twice and printing it takes longer
than a page should wait. Started from the meeting's agenda page and by ``manage.py agenda_pack``."""

from django.urls import reverse
from django.utils import timezone

from outcomes.core.formatting import format_date
from outcomes.governance import agenda_services
from outcomes.governance.agenda import agenda_content, every_item, shown_content
from outcomes.governance.models import Meeting
from outcomes.governance.pack import build_pack, pages_text
from outcomes.governance.pack_render import render
from outcomes.jobs.models import JobFile
from outcomes.jobs.queue import job_task, report_progress


def pack_content(meeting: Meeting, version: int | None) -> dict:
    """The published version asked for, or the working agenda (``version`` None)."""
    if version is None:
        return agenda_content(meeting, timezone.localdate())
    publication = agenda_services.versions(meeting)[version - 1]
    return publication.content


def file_name(meeting: Meeting, fmt: str, *, exempt: bool, version: int | None) -> str:
    which = f"version-{version}" if version else "working"
    closed = "-with-exempt-items" if exempt else ""
    return f"{meeting.body.slug}-{meeting.date.isoformat()}-agenda-pack-{which}{closed}.{fmt}"


@job_task
def agenda_pack(job, *, meeting: int, fmt: str, exempt: bool, version: int | None = None) -> dict:
    found = Meeting.objects.select_related("body").get(pk=meeting)
    report_progress(job.pk, 0, 2, "Laying out the pages")
    content = shown_content(pack_content(found, version), exempt=exempt)
    pack = build_pack(content, exempt=exempt)
    report_progress(job.pk, 1, 2, f"Writing the {fmt.upper()} file")
    data = render(pack, fmt)
    name = file_name(found, fmt, exempt=exempt, version=version)
    JobFile.objects.create(job=job, purpose=JobFile.RESULT, name=name, data=data, size=len(data))
    report_progress(job.pk, 2, 2, "Done")
    lines = [f"Item {number}: {pages_text(*pages)}" for number, pages in _numbered(content, pack.ranges)]
    return {
        "summary": (
            f"Made the agenda pack of the {found.body.label} meeting of {format_date(found.date)}: "
            f"{pack.total} page{'' if pack.total == 1 else 's'}, as {fmt.upper()}."
        ),
        "lines": lines,
        "link": reverse("governance:agenda", args=[found.body.slug, found.date.isoformat()]),
        "link_text": "Back to the agenda",
    }


def _numbered(content: dict, ranges: dict[int, tuple[int, int]]):
    for item in every_item(content):
        if item["id"] in ranges:
            yield item["number"], ranges[item["id"]]
