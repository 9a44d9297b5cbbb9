from django.core.management.base import BaseCommand, CommandError

from outcomes.governance import access, agenda_services
from outcomes.governance.models import Body
from outcomes.governance.pack_job import agenda_pack
from outcomes.jobs.terminal import run_with_progress_bar, write_result_file

FORMATS = ("html", "docx", "pdf")


class Command(BaseCommand):
    help = (
        "Write a meeting's agenda pack (the agenda and each item's paper) as HTML, Word or PDF, the "
        "three with one page numbering. The published version in force unless --working or "
        "--agenda-version N; without exempt items unless --with-exempt. It runs as a job, with a progress "
        "bar on standard error."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--meeting", required=True, help="BODY-SLUG/YYYY-MM-DD, for example rlscb/2014-06-05."
        )
        parser.add_argument("--format", dest="fmt", required=True, choices=FORMATS)
        parser.add_argument("--out", required=True, help="The file to write.")
        parser.add_argument(
            "--agenda-version",
            dest="number",
            type=int,
            help="A published version (the one in force when left out).",
        )
        parser.add_argument("--working", action="store_true", help="The working agenda, published or not.")
        parser.add_argument(
            "--with-exempt", action="store_true", help="Include exempt items: not for publication."
        )

    def handle(self, *args, meeting, fmt, out, number, working, with_exempt, **options):
        version = number
        slug, _, on = meeting.partition("/")
        body = Body.objects.filter(slug=slug).first()
        if body is None:
            raise CommandError(f"There is no body '{slug}'.")
        try:
            found = access.meeting_of(body, on)
        except Exception:
            raise CommandError(f"The {body.label} has no meeting on '{on}' (give BODY/YYYY-MM-DD).") from None
        published = agenda_services.versions(found)
        if working:
            version = None
        elif version is None:
            if not published:
                raise CommandError(
                    "The agenda has not been published: give --working for the working agenda."
                )
            version = len(published)
        elif not 1 <= version <= len(published):
            raise CommandError(f"The agenda has no version {version}.")
        label = (
            f"Agenda pack ({fmt.upper()}): {found.body.label} meeting of {found.date.isoformat()} (command)"
        )
        job = run_with_progress_bar(
            agenda_pack,
            label=label,
            stream=self.stderr._out,
            meeting=found.pk,
            fmt=fmt,
            exempt=with_exempt,
            version=version,
        )
        write_result_file(job, out, self.stdout)
