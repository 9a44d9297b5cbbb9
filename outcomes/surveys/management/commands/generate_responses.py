import time

from django.core.management.base import BaseCommand, CommandError

from outcomes.surveys import generator
from outcomes.surveys.models import Edition, School


class Command(BaseCommand):
    help = (
        "Add SYNTHETIC responses to a survey edition, for demonstrations and benchmarks. They are made "
        "up: plausible answers (near the published 2009 figures for the 2009 primary questions) that "
        "respect the questionnaire's conditions and mandatory questions, saved through the same service "
        "as a pupil's. The same seed gives the same responses. Without --school they are spread over "
        "the schools with a link to the edition, in proportion to their roll. Never run this against "
        "an edition holding real responses you mean to report on."
    )

    def add_arguments(self, parser):
        parser.add_argument("--edition", required=True, help="the edition's slug, e.g. primary-2009")
        parser.add_argument("--n", type=int, required=True, help="how many responses to add")
        parser.add_argument("--seed", type=int, required=True, help="random seed (same seed, same responses)")
        parser.add_argument("--school", help="a school's code: put them all in that school")

    def handle(self, *args, edition, n, seed, school=None, **options):
        found = Edition.objects.filter(slug=edition).first()
        if found is None:
            raise CommandError(f"There is no edition '{edition}'.")
        if n < 1:
            raise CommandError("--n must be at least 1.")
        target = None
        if school:
            target = School.objects.filter(code=school).first()
            if target is None or target.is_group:
                raise CommandError(f"There is no school with the code '{school}'.")
        started = time.monotonic()
        try:
            made = generator.generate(found, n, seed=seed, school=target)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        seconds = time.monotonic() - started
        where = f"to {target.name}" if target else "across the schools with a link"
        self.stdout.write(
            f"Added {made} synthetic responses to {found.slug} {where} in {seconds:.1f} s "
            f"({found.responses.count()} responses in all)."
        )
