from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from outcomes.governance import minuting
from outcomes.governance.minutes_document import DRAFT_BANNER, FORMATS, minutes_content, render
from outcomes.governance.minutes_record import public_findings
from outcomes.governance.models import Meeting


class Command(BaseCommand):
    help = (
        "Write a meeting's minutes (attendance, minutes with their resolutions, checks) as JSON or HTML to "
        "standard output, or as Word or PDF to --out FILE: the version published last, or the draft "
        "before publication (or with --draft). Exempt minutes are left out unless --with-exempt "
        "(docs/interchange.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--meeting", required=True, help="BODY-SLUG/YYYY-MM-DD, e.g. rlscb/2014-06-05.")
        parser.add_argument("--format", choices=FORMATS, default="json")
        parser.add_argument("--out", "--output", dest="out")
        parser.add_argument(
            "--draft", action="store_true", help="The minutes as they stand, not as published."
        )
        parser.add_argument(
            "--with-exempt",
            action="store_true",
            help="Keep exempt minutes in (never for a public copy).",
        )

    def handle(self, *args, meeting, format, out, draft, with_exempt, **options):
        slug, _, day = meeting.partition("/")
        try:
            on = date.fromisoformat(day)
        except ValueError as error:
            raise CommandError(f"--meeting must be BODY-SLUG/YYYY-MM-DD ({error}).") from error
        found = Meeting.objects.filter(body__slug=slug, date=on).select_related("body").first()
        if found is None:
            raise CommandError(f"No meeting {meeting}.")
        publication = None if draft else minuting.current_minutes(found)
        content = publication.content if publication else minutes_content(found)
        data = render(
            content,
            format,
            public=not with_exempt,
            banner="" if publication else DRAFT_BANNER,
            checks=public_findings(found),
            state=found.state,
        )
        if out:
            Path(out).write_bytes(data)
        elif format in {"docx", "pdf"}:
            raise CommandError(f"A {format} file is binary: give --out FILE.")
        else:
            self.stdout.write(data.decode("utf-8"))
