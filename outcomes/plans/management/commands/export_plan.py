import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from outcomes.plans.interchange import export_plan
from outcomes.plans.models import Plan
from outcomes.plans.workbook import plan_workbook_bytes


class Command(BaseCommand):
    help = (
        "Export a plan with its rounds and updates in the interchange format (JSON, the default) "
        "or as an Excel workbook (when --output ends in .xlsx). import_plan reads either back."
    )

    def add_arguments(self, parser):
        parser.add_argument("--plan", required=True, help="the plan's slug")
        parser.add_argument("--output", help="file to write; standard output when left out")

    def handle(self, *args, plan, output, **options):
        found = Plan.objects.filter(slug=plan).first()
        if found is None:
            raise CommandError(f"There is no plan '{plan}'.")
        data = export_plan(found)
        if output and output.lower().endswith(".xlsx"):
            Path(output).write_bytes(plan_workbook_bytes(data))
            return
        text = json.dumps(data, ensure_ascii=False, indent=1)
        if output:
            Path(output).write_text(text + "\n", encoding="utf-8")
        else:
            self.stdout.write(text)
