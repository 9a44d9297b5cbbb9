import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from outcomes.plans.models import Round
from outcomes.reports.document import progress_report_docx, progress_report_html, progress_report_pdf
from outcomes.reports.progress import build_progress_report, report_as_json
from outcomes.reports.render_xlsx import progress_report_xlsx


class Command(BaseCommand):
    help = (
        "Produce the progress report of a round, as the board receives it: JSON, HTML, Word "
        "(.docx), PDF (tagged) or Excel (.xlsx). Figures are computed from the exact RAG weights of the "
        "milestones of every reported priority; percentages are of the grand total, rounded to "
        "whole numbers. Without --output the report goes to standard output."
    )

    def add_arguments(self, parser):
        parser.add_argument("--plan", required=True)
        parser.add_argument("--round", required=True)
        parser.add_argument("--format", choices=["json", "html", "docx", "pdf", "xlsx"], default="json")
        parser.add_argument("--output")

    def handle(self, *args, plan, round, format, output, **options):
        found = Round.objects.filter(plan__slug=plan, slug=round).select_related("plan").first()
        if found is None:
            raise CommandError(f"Plan '{plan}' has no round '{round}'.")
        report = build_progress_report(found)
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
