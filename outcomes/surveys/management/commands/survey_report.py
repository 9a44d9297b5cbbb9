import json
import sys

from django.core.management.base import BaseCommand, CommandError

from outcomes.surveys import releases
from outcomes.surveys.models import Edition, School
from outcomes.surveys.results_export import results_workbook


class Command(BaseCommand):
    help = (
        "Print a release of an edition's survey results (the latest unless --release N): the "
        "borough's, or with --school CODE one school's beside "
        "the borough's. JSON (the default) gives, per question, grid row, group (all pupils, each "
        "gender, each collapsed ethnic group) and option, the count, base (pupils who answered) and "
        "percentage, with the bases of pupils shown the question and of all respondents; and "
        "participation by school (and by area, for the borough). Any figure based on fewer pupils than "
        "the edition's threshold (its own if set on the edition, never below the borough's "
        "SURVEY_SUPPRESSION_THRESHOLD, 10 unless set), and any figure from which one could be worked "
        "out, is null with the reason; the JSON's 'threshold' says which applied. --format xlsx "
        "writes the workbook to --output (or standard output)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--edition", required=True, help="The edition's slug, e.g. primary-2009.")
        parser.add_argument("--school", help="A school's code: that school's report.")
        parser.add_argument("--format", choices=["json", "xlsx"], default="json")
        parser.add_argument("--release", type=int, help="The release's number; the latest when left out.")
        parser.add_argument("--output", help="File to write (xlsx); standard output when left out.")

    def handle(self, *args, **options):
        edition = Edition.objects.filter(slug=options["edition"]).first()
        if edition is None:
            raise CommandError(f"There is no edition '{options['edition']}'.")
        school = None
        if options["school"]:
            school = School.objects.filter(code=options["school"]).first()
            if school is None:
                raise CommandError(f"There is no school with the code '{options['school']}'.")
        release = edition.releases.order_by("-number")
        release = release.filter(number=options["release"]).first() if options["release"] else release.first()
        if release is None:
            raise CommandError(f"No results of '{edition.slug}' have been released (see its Releases page).")
        if school is None:
            results, taking_part, data = releases.borough_of(release)
            own = None
        else:
            found = releases.school_of(release, school)
            if found is None:
                raise CommandError(f"'{school.code}' has no report of its own in release {release.number}.")
            results, own, data = found
            taking_part = None
        if options["format"] == "xlsx":
            content = results_workbook(results, taking_part, own)
            if options["output"]:
                with open(options["output"], "wb") as out:
                    out.write(content)
                self.stderr.write(f"Wrote {options['output']}")
            else:
                sys.stdout.buffer.write(content)
            return
        self.stdout.write(json.dumps(data, ensure_ascii=False, indent=1))
