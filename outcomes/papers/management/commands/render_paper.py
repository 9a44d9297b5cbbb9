import sys
from datetime import datetime, time

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from outcomes.documents import publications
from outcomes.papers import presenting, services
from outcomes.papers.models import Paper


class Command(BaseCommand):
    help = (
        "Write a committee paper as Word (docx), PDF, HTML or JSON to standard output (or --output). "
        "Without --as-at: the version published last, or the draft with its figures as the data stand "
        "today when the paper has never been published. With --as-at YYYY-MM-DD[THH:MM]: the version "
        "in force at that moment (a date means the end of that day), exactly as published; a moment "
        "before the first publication is refused, since a draft's figures cannot be computed for the "
        "past (decision 0108). The same version gives the same bytes each time in docx and PDF."
    )

    def add_arguments(self, parser):
        parser.add_argument("--paper", required=True, help="the paper's short name (slug)")
        parser.add_argument("--format", required=True, choices=presenting.FORMATS)
        parser.add_argument("--as-at", dest="as_at", help="YYYY-MM-DD or YYYY-MM-DDTHH:MM (local time)")
        parser.add_argument("--output", help="a file to write instead of standard output")

    def handle(self, *args, paper, format, as_at, output, **options):
        found = Paper.objects.filter(slug=paper).first()
        if found is None:
            raise CommandError(f"There is no paper '{paper}'.")
        if as_at:
            moment = self._moment(as_at)
            publication = publications.as_at(services.KIND, found.subject_key, moment)
            if publication is None:
                first = services.current_publication(found)
                when = (
                    " its first version was published on "
                    f"{timezone.localtime(first.published_at):%Y-%m-%d %H:%M}"
                    if first
                    else " it has never been published"
                )
                raise CommandError(f"The paper '{paper}' was not published by {as_at}:{when}.")
            shown = presenting.published(publication)
        else:
            current = services.current_publication(found)
            shown = presenting.published(current) if current else presenting.draft(found)
        content = presenting.render(shown, format)
        if output:
            with open(output, "wb") as handle:
                handle.write(content)
        else:
            sys.stdout.buffer.write(content)
            sys.stdout.flush()

    def _moment(self, text: str) -> datetime:
        try:
            if "T" in text:
                moment = datetime.fromisoformat(text)
            else:
                moment = datetime.combine(datetime.fromisoformat(text).date(), time.max)
        except ValueError:
            raise CommandError(f"--as-at {text!r}: write a date as YYYY-MM-DD, or YYYY-MM-DDTHH:MM") from None
        return timezone.make_aware(moment) if timezone.is_naive(moment) else moment
