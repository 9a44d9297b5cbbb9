import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

from outcomes.indicators.lait_release import import_lait_folder
from outcomes.jobs.models import Job
from outcomes.jobs.queue import start_job
from outcomes.jobs.terminal import run_with_progress_bar


class Command(BaseCommand):
    help = (
        "Import DfE's LAIT files from a folder: the LA code list, both statistical-neighbour lists, the data "
        "dictionary and the long data file (bds_long_0.parquet), then recompute the derived figures. "
        "Running it again changes nothing; a corrected file updates what changed. Period labels that "
        "cannot be read are reported and their rows left out. It runs as a job, here with a progress bar "
        "on standard error, or with --queue for a worker."
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
        parser.add_argument(
            "--queue",
            action="store_true",
            help="queue the import for a worker (which must read the same folder) and print its job's page",
        )

    def handle(self, *args, folder, measures, no_recompute, queue, **options):
        wanted = [m.strip() for m in measures.split(",") if m.strip()] if measures else None
        work = {"folder": str(Path(folder).resolve()), "measures": wanted, "recompute": not no_recompute}
        label = f"Import the LAIT files in {folder}"
        if queue:
            job = start_job(import_lait_folder, user=None, label=label, **work)
            self.stdout.write(f"Queued as job {job.pk}: {reverse('jobs:detail', kwargs={'pk': job.pk})}")
            return
        started = time.perf_counter()
        # The bar draws on the stream itself: Django's wrapper would end every redraw with a new line.
        job = run_with_progress_bar(import_lait_folder, label=label, stream=self.stderr._out, **work)
        if job.state != Job.SUCCEEDED:
            raise CommandError(job.error)
        self.stdout.write("\n".join(job.result["lines"]))
        self.stdout.write(f"Took {time.perf_counter() - started:.1f} s.")
