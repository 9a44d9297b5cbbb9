from datetime import date
from pathlib import Path
from typing import TextIO, cast

from django.core.management.base import BaseCommand, CommandError

from outcomes.inspections import outputs, register_job, report
from outcomes.inspections.models import Inspection
from outcomes.jobs.terminal import run_with_progress_bar, write_result_file


class Command(BaseCommand):
    help = (
        "Write the inspection recommendations as at a date, with the two figures (completed within the "
        "original timescale; complete of all monitored), as JSON or HTML to standard output, or as Word, "
        "Excel or PDF to --output FILE (docs/interchange.md). Word and PDF run as a job, with a progress "
        "bar on standard error."
    )

    def add_arguments(self, parser):
        parser.add_argument("--as-at", dest="as_at", required=True, help="The date, YYYY-MM-DD.")
        parser.add_argument("--format", choices=outputs.FORMATS, default="json")
        parser.add_argument("--output")
        parser.add_argument("--inspection", help="One inspection's slug, e.g. fostering-2010.")

    def handle(self, *args, as_at, format, output, inspection, **options):
        try:
            day = date.fromisoformat(as_at)
        except ValueError as error:
            raise CommandError(f"--as-at must be a date written YYYY-MM-DD ({error}).") from error
        found = None
        if inspection:
            found = Inspection.objects.filter(slug=inspection).first()
            if found is None:
                raise CommandError(f"No inspection has the slug '{inspection}'.")
        if format in register_job.FORMATS:
            if not output:
                raise CommandError(f"A {format} file is binary: give --output FILE.")
            job = run_with_progress_bar(
                register_job.recommendations,
                label=f"{register_job.label(day, format, found)} (command)",
                stream=cast(TextIO, self.stderr._out),
                as_at=day.isoformat(),
                fmt=format,
                inspection=found.slug if found else "",
            )
            write_result_file(job, output, cast(TextIO, self.stdout))
            return
        data = report.build(day, found).as_json()
        content = outputs.render(data, format, outputs.titles(), found.title if found else "")
        if output:
            Path(output).write_bytes(content)
        elif format in {"docx", "xlsx", "pdf"}:
            raise CommandError(f"A {format} file is binary: give --output FILE.")
        else:
            self.stdout.write(content.decode("utf-8"))
