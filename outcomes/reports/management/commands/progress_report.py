import json
import sys
from datetime import date, datetime, time, timedelta
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from outcomes.plans.models import Round
from outcomes.reports.document import progress_report_docx, progress_report_html, progress_report_pdf
from outcomes.reports.progress import build_progress_report, report_as_json
from outcomes.reports.publishing import report_as_at
from outcomes.reports.render_xlsx import progress_report_xlsx


def parse_as_at(text: str) -> datetime:
    """ "2014-07-01" is the end of that day; "2014-07-01T09:30" the end of that minute, local time
    (decision 0091): what was in force by then, a publication made during that minute included."""
    try:
        if "T" in text:
            end = datetime.strptime(text, "%Y-%m-%dT%H:%M") + timedelta(minutes=1)
        else:
            end = datetime.combine(date.fromisoformat(text), time()) + timedelta(days=1)
    except ValueError:
        raise CommandError(
            f"--as-at '{text}' is not a date (YYYY-MM-DD) or a moment (YYYY-MM-DDTHH:MM)."
        ) from None
    return timezone.make_aware(end) - timedelta(microseconds=1)


class Command(BaseCommand):
    help = (
        "Produce the progress report of a round, as the board receives it: JSON, HTML, Word "
        "(.docx), PDF (tagged) or Excel (.xlsx). Figures are computed from the exact RAG weights of the "
        "milestones of every reported priority; percentages are of the grand total, rounded to "
        "whole numbers. With --as-at, the report as it stood then: the version published by then, or "
        "before the first publication the updates approved by then. Without --output the report goes "
        "to standard output."
    )

    def add_arguments(self, parser):
        parser.add_argument("--plan", required=True)
        parser.add_argument("--round", required=True)
        parser.add_argument("--as-at", dest="as_at", help="YYYY-MM-DD or YYYY-MM-DDTHH:MM (local time)")
        parser.add_argument("--format", choices=["json", "html", "docx", "pdf", "xlsx"], default="json")
        parser.add_argument("--output")

    def handle(self, *args, plan, round, format, output, as_at=None, **options):
        found = Round.objects.filter(plan__slug=plan, slug=round).select_related("plan").first()
        if found is None:
            raise CommandError(f"Plan '{plan}' has no round '{round}'.")
        report = report_as_at(found, parse_as_at(as_at)) if as_at else build_progress_report(found)
        if format == "json":
            content = (json.dumps(report_as_json(report), ensure_ascii=False, indent=1) + "\n").encode()
        elif format == "html":
            content = progress_report_html(report, standalone=True, css=_stylesheet()).encode()
        elif format == "docx":
            content = progress_report_docx(report)
        elif format == "pdf":
            content = progress_report_pdf(report)
        else:
            content = progress_report_xlsx(report)
        if output:
            Path(output).write_bytes(content)
        elif format in {"docx", "pdf", "xlsx"}:
            raise CommandError(f"A {format} report is binary: give --output FILE.")
        else:
            sys.stdout.buffer.write(content)


def _stylesheet() -> str:
    from django.contrib.staticfiles import finders

    path = finders.find("outcomes.css")
    return Path(path).read_text(encoding="utf-8").lstrip("\ufeff") if path else ""
