"""The register as at a date as Word or PDF, made as a job (outcomes/jobs, decision 0168): laying out
and printing a register takes longer than a page should wait. Started from the register's page and by
``manage.py risk_register --format docx|pdf``; Excel, JSON and the web page stay immediate downloads."""

from datetime import date

from django.urls import reverse

from outcomes.core.formatting import format_date
from outcomes.documents.render import render_file
from outcomes.jobs.models import JobFile
from outcomes.jobs.queue import job_task, report_progress
from outcomes.risks import outputs
from outcomes.risks.models import Register

FORMATS = ("docx", "pdf")
NAMES = {"docx": "Word", "pdf": "PDF"}


def file_name(register: Register, on: date, fmt: str) -> str:
    return f"{register.slug}-risk-register-{on.isoformat()}.{fmt}"


def label(register: Register, on: date, fmt: str) -> str:
    return f"Risk register ({NAMES[fmt]}): {register.name} as at {format_date(on)}"


@job_task
def risk_register(job, *, register: int, as_at: str, fmt: str) -> dict:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: use {', '.join(FORMATS)}")
    found = Register.objects.get(pk=register)
    on = date.fromisoformat(as_at)
    report_progress(job.pk, 0, 2, "Reading the register as at the date")
    document = outputs.register_document(found, on)
    report_progress(job.pk, 1, 2, f"Writing the {NAMES[fmt]} file")
    data = render_file(document, fmt)
    JobFile.objects.create(
        job=job, purpose=JobFile.RESULT, name=file_name(found, on, fmt), data=data, size=len(data)
    )
    report_progress(job.pk, 2, 2, "Done")
    count = len(outputs.as_at(found, on)[0])
    return {
        "summary": (
            f"Made the {found.name} as at {format_date(on)} as {NAMES[fmt]}: "
            f"{count} risk{'' if count == 1 else 's'}."
        ),
        "lines": [],
        "link": reverse("risks:register", args=[found.slug]),
        "link_text": "Back to the register",
    }
