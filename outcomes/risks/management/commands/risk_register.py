"""python manage.py risk_register --register SLUG --as-at DATE --format json|html|docx|xlsx|pdf
[--output FILE]: the register as at a date (docs/interchange.md). Word and PDF are made by the same
job as the register page's (decision 0168), run here with a progress bar on standard error."""

import sys
from datetime import date
from typing import TextIO, cast

from django.core.management.base import BaseCommand, CommandError

from outcomes.jobs.models import JobFile
from outcomes.jobs.terminal import run_with_progress_bar, write_result_file
from outcomes.risks import outputs, register_job
from outcomes.risks.models import Register


class Command(BaseCommand):
    help = "The risk register as at a date, as JSON, a web page, Word, Excel or PDF."

    def add_arguments(self, parser):
        parser.add_argument("--register", required=True, help="The register's short name (slug): cyps.")
        parser.add_argument("--as-at", required=True, help="The date, as YYYY-MM-DD.")
        parser.add_argument("--format", default="json", choices=outputs.FORMATS)
        parser.add_argument("--output", help="The file to write (standard output when left out).")

    def handle(self, *args, **options):
        register = Register.objects.filter(slug=options["register"]).first()
        if register is None:
            names = ", ".join(Register.objects.values_list("slug", flat=True)) or "none"
            raise CommandError(f"No register {options['register']!r} (registers: {names})")
        try:
            on = date.fromisoformat(options["as_at"])
        except ValueError:
            raise CommandError(f"--as-at {options['as_at']!r} is not a date as YYYY-MM-DD") from None
        if options["format"] in register_job.FORMATS:
            self._as_job(register, on, options["format"], options["output"])
            return
        content = outputs.register_file(register, on, options["format"])
        if options["output"]:
            with open(options["output"], "wb") as out:
                out.write(content)
            self.stderr.write(f"Wrote {options['output']} ({len(content):,} bytes).")
        elif options["format"] in ("json", "html"):
            self.stdout.write(content.decode("utf-8"))
        else:
            sys.stdout.buffer.write(content)

    def _as_job(self, register: Register, on: date, fmt: str, output: str | None) -> None:
        job = run_with_progress_bar(
            register_job.risk_register,
            label=f"{register_job.label(register, on, fmt)} (command)",
            stream=cast(TextIO, self.stderr._out),
            register=register.pk,
            as_at=on.isoformat(),
            fmt=fmt,
        )
        if output:
            write_result_file(job, output, cast(TextIO, self.stderr))
            return
        if job.state != job.SUCCEEDED:
            raise CommandError(job.error)
        sys.stdout.buffer.write(bytes(job.files.get(purpose=JobFile.RESULT).data))
