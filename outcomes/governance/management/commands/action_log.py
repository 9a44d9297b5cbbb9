from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from outcomes.governance.log import action_log
from outcomes.governance.models import Body
from outcomes.governance.outputs import FORMATS, render


class Command(BaseCommand):
    help = (
        "Write a body's action log as at a date (raised on it, ongoing, discharged on it) as JSON or HTML "
        "to standard output, or as Word or Excel to --output FILE (docs/interchange.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--body", required=True, help="The body's slug, e.g. rlscb.")
        parser.add_argument("--as-at", dest="as_at", required=True, help="The log's date, YYYY-MM-DD.")
        parser.add_argument("--format", choices=FORMATS, default="json")
        parser.add_argument("--output")
        parser.add_argument(
            "--with-exempt",
            action="store_true",
            help="Keep the actions raised by exempt minutes (never for a public copy).",
        )

    def handle(self, *args, body, as_at, format, output, with_exempt, **options):
        found = Body.objects.filter(slug=body).first()
        if found is None:
            raise CommandError(f"No body has the slug '{body}'.")
        try:
            day = date.fromisoformat(as_at)
        except ValueError as error:
            raise CommandError(f"--as-at must be a date written YYYY-MM-DD ({error}).") from error
        content = render(action_log(found, day, with_exempt=with_exempt), format)
        if output:
            Path(output).write_bytes(content)
        elif format in {"docx", "xlsx"}:
            raise CommandError(f"A {format} file is binary: give --output FILE.")
        else:
            self.stdout.write(content.decode("utf-8"))
