import time

from django.core.management.base import BaseCommand, CommandError

from outcomes.indicators.lait import LaitFilesMissing, import_lait


class Command(BaseCommand):
    help = (
        "Import DfE's LAIT files from a folder: the LA code list, both statistical-neighbour lists, the data "
        "dictionary and the long data file (bds_long_0.parquet), then recompute the derived figures. "
        "Running it again changes nothing; a corrected file updates what changed. Period labels that "
        "cannot be read are reported and their rows left out."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", help="the folder holding the LAIT files, e.g. data/lait")
        parser.add_argument(
            "--measures",
            help="import only these LAIT short codes, separated by commas (areas and lists always)",
        )
        parser.add_argument(
            "--no-recompute", action="store_true", help="leave the derived figures as they are"
        )

    def handle(self, *args, folder, measures, no_recompute, **options):
        wanted = [m.strip() for m in measures.split(",") if m.strip()] if measures else None
        started = time.perf_counter()
        try:
            result = import_lait(folder, measures=wanted, recompute=not no_recompute)
        except (LaitFilesMissing, ValueError) as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(result.summary())
        self.stdout.write(f"Took {time.perf_counter() - started:.1f} s.")
