from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from outcomes.core.imports import ImportFailed
from outcomes.core.imports.jsonfile import read_json
from outcomes.plans.interchange import import_plan
from outcomes.plans.workbook import read_plan_workbook


class Command(BaseCommand):
    help = (
        "Import a plan, with its priorities, actions, milestones, rounds and updates, from a JSON "
        "file in the interchange format (docs/interchange.md) or an Excel workbook made from the "
        "template. The whole file is checked first; if anything is wrong nothing is imported and "
        "every problem is listed with where it is. A plan whose slug already exists is refused "
        "unless --replace is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="replace the plan with the same slug (its rounds and updates too)",
        )

    def handle(self, *args, file, replace, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"{file}: no such file")
        try:
            if path.suffix.lower() == ".xlsx":
                data, locate = read_plan_workbook(path.read_bytes(), path.name)
                plan = import_plan(data, source=path.name, locate=locate, replace=replace)
            else:
                plan = import_plan(read_json(path.read_bytes(), path.name), source=path.name, replace=replace)
        except ImportFailed as exc:
            raise CommandError(str(exc)) from None
        milestones = sum(a.milestones.count() for p in plan.priorities.all() for a in p.actions.all())
        self.stdout.write(
            f"Imported plan '{plan.slug}': {plan.priorities.count()} priorities, "
            f"{milestones} milestones, {plan.rounds.count()} rounds."
        )
