from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from outcomes.core.imports import ImportFailed
from outcomes.core.imports.jsonfile import read_json
from outcomes.plans.interchange import import_plan_with_report
from outcomes.plans.workbook import read_plan_workbook


class Command(BaseCommand):
    help = (
        "Import a plan, with its priorities, actions, milestones, rounds and updates, from a JSON "
        "file in the interchange format (docs/interchange.md) or an Excel workbook made from the "
        "template. The whole file is checked first; if anything is wrong nothing is imported and "
        "every problem is listed with where it is. A plan whose slug already exists is merged: "
        "priorities, actions and milestones matched by their ids in an export, otherwise by number "
        "and label, changed in place; what the file leaves out is retired when a round has reported "
        "on it and deleted otherwise; rounds held stay as they are. --dry-run says what a merge would "
        "do and writes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--dry-run", action="store_true", help="say what the import would do, and write nothing"
        )

    def handle(self, *args, file, dry_run, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"{file}: no such file")
        try:
            with transaction.atomic():
                if path.suffix.lower() == ".xlsx":
                    data, locate = read_plan_workbook(path.read_bytes(), path.name)
                    plan, report = import_plan_with_report(data, source=path.name, locate=locate)
                else:
                    data = read_json(path.read_bytes(), path.name)
                    plan, report = import_plan_with_report(data, source=path.name)
                transaction.set_rollback(dry_run)
        except ImportFailed as exc:
            raise CommandError(str(exc)) from None
        if report is not None:
            self.stdout.write(
                f"{'Would merge' if dry_run else 'Merged'} {path.name} into '{plan.slug}': {report.summary}."
            )
            for heading, lines in report.as_record().items():
                for line in lines:
                    self.stdout.write(f"  {heading}: {line}")
            return
        milestones = sum(a.milestones.count() for p in plan.priorities.all() for a in p.actions.all())
        self.stdout.write(
            f"Imported plan '{plan.slug}': {plan.priorities.count()} priorities, "
            f"{milestones} milestones, {plan.rounds.count()} rounds."
        )
