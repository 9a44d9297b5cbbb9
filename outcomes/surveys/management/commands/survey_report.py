import json
import sys

from django.core.management.base import BaseCommand, CommandError

from outcomes.surveys.models import Edition, School
from outcomes.surveys.results import reports
from outcomes.surveys.results.as_json import results_as_json
from outcomes.surveys.results.participation import participation, school_participation
from outcomes.surveys.results_export import results_workbook


class Command(BaseCommand):
    help = (
        "Print an edition's survey results: the borough's, or with --school CODE one school's beside "
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
        if school is None:
            results = reports.borough_results(edition)
            taking_part, own = participation(edition), None
        else:
            results = reports.school_results(edition, school)
            taking_part, own = None, school_participation(results)
        if options["format"] == "xlsx":
            content = results_workbook(results, taking_part, own)
            if options["output"]:
                with open(options["output"], "wb") as out:
                    out.write(content)
                self.stderr.write(f"Wrote {options['output']}")
            else:
                sys.stdout.buffer.write(content)
            return
        data = results_as_json(results, taking_part, own)
        self.stdout.write(json.dumps(data, ensure_ascii=False, indent=1))
