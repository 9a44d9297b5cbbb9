from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from outcomes.core.imports import ImportFailed
from outcomes.indicators.template import blank_template, import_template


class Command(BaseCommand):
    help = (
        "Import indicator values from the CSV or Excel template (all or nothing: every problem is "
        "listed with its file, sheet, row and column). With --blank FILE, write the empty template instead."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="the filled-in template (.csv or .xlsx)")
        parser.add_argument("--blank", help="write the blank template to this file (.xlsx or .csv)")

    def handle(self, *args, file, blank, **options):
        if blank:
            fmt = "csv" if blank.lower().endswith(".csv") else "xlsx"
            Path(blank).write_bytes(blank_template(fmt))
            self.stdout.write(f"Wrote the blank template to {blank}.")
            return
        if not file:
            raise CommandError("Give the file to import, or --blank FILE for the empty template.")
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"{file}: there is no such file.")
        try:
            run = import_template(path.read_bytes(), path.name)
        except ImportFailed as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(f"{run.created} created, {run.updated} updated, {run.unchanged} unchanged.")
