"""The recommendations as at a date as Word or PDF, made as a job (outcomes/jobs, decision 0168):
laying out and printing them takes longer than a page should wait. Started from the recommendations
page and by ``manage.py recommendations --format docx|pdf``; Excel, JSON and the web page stay
immediate downloads."""

from datetime import date

from django.urls import reverse
from django.utils.http import urlencode

from outcomes.core.formatting import format_date
from outcomes.documents.render import render_file
from outcomes.inspections import outputs, report
from outcomes.inspections.models import Inspection
from outcomes.jobs.models import JobFile
from outcomes.jobs.queue import job_task, report_progress

FORMATS = ("docx", "pdf")
NAMES = {"docx": "Word", "pdf": "PDF"}


def label(on: date, fmt: str, inspection: Inspection | None) -> str:
    which = f" of {inspection.title}" if inspection else ""
    return f"Inspection recommendations{which} ({NAMES[fmt]}) as at {format_date(on)}"


@job_task
def recommendations(
    job, *, as_at: str, fmt: str, inspection: str = "", status: str = "", at_risk: bool = False
) -> dict:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: use {', '.join(FORMATS)}")
    on = date.fromisoformat(as_at)
    found = Inspection.objects.get(slug=inspection) if inspection else None
    report_progress(job.pk, 0, 2, "Counting the recommendations as at the date")
    data = report.build(on, found, status, at_risk).as_json()
    report_progress(job.pk, 1, 2, f"Writing the {NAMES[fmt]} file")
    content = render_file(outputs.document(data, outputs.titles(), found.title if found else ""), fmt)
    name = outputs.filename(data, fmt)
    JobFile.objects.create(job=job, purpose=JobFile.RESULT, name=name, data=content, size=len(content))
    report_progress(job.pk, 2, 2, "Done")
    lines = [
        f"{words}: {shown} ({figure['numerator']} of {figure['denominator']})"
        for words, figure, shown in outputs.figure_lines(data)
    ]
    query = {"as_at": on.isoformat(), "inspection": inspection, "status": status}
    if at_risk:
        query["at_risk"] = "yes"
    return {
        "summary": (
            f"Made the inspection recommendations{' of ' + found.title if found else ''} as at "
            f"{format_date(on)} as {NAMES[fmt]}: {len(data['rows'])} shown."
        ),
        "lines": lines,
        "link": f"{reverse('inspections:recommendations')}?{urlencode(query)}",
        "link_text": "Back to the recommendations",
    }
