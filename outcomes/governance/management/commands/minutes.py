from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from outcomes.governance.minutes_record import formats, render
from outcomes.governance.models import Meeting

BINARY = {"docx", "pdf"}


class Command(BaseCommand):
    help = (
        "Write a meeting's minutes (attendance, minutes with their resolutions, data checks), leaving "
        "out exempt business, to standard output or to --output FILE (docs/interchange.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--meeting", required=True, help="BODY-SLUG/YYYY-MM-DD, e.g. rlscb/2014-06-05.")
        parser.add_argument("--format", default="json", help=f"One of: {', '.join(formats())}.")
        parser.add_argument("--output")

    def handle(self, *args, meeting, format, output, **options):
        slug, _, day = meeting.partition("/")
        try:
            on = date.fromisoformat(day)
        except ValueError as error:
            raise CommandError(f"--meeting must be written BODY-SLUG/YYYY-MM-DD ({error}).") from error
        found = Meeting.objects.filter(body__slug=slug, date=on).select_related("body").first()
        if found is None:
            raise CommandError(f"No meeting '{meeting}'.")
        if format not in formats():
            raise CommandError(f"--format must be one of: {', '.join(formats())}.")
        content = render(found, format)
        if output:
            Path(output).write_bytes(content)
        elif format in BINARY:
            raise CommandError(f"A {format} file is binary: give --output FILE.")
        else:
            self.stdout.write(content.decode("utf-8"), ending="")
