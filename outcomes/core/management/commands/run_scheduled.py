"""python manage.py run_scheduled [--job NAME] [--force] [--list] [--every SECONDS]: run the scheduled
jobs that are due (core/scheduler.py). Safe to run twice at once: a job already running elsewhere
is skipped. Call it from the host's timer every few minutes (README, "Operating notes")."""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, close_old_connections
from django.utils import timezone

from outcomes.core import scheduler
from outcomes.core.models import ScheduledJob


class Command(BaseCommand):
    help = (
        "Run the scheduled jobs that are due: close rounds, open exceptions, send reminders, clear sessions."
    )

    def add_arguments(self, parser):
        parser.add_argument("--job", action="append", help="Only this job (may be repeated).")
        parser.add_argument("--force", action="store_true", help="Run the jobs even if they are not due.")
        parser.add_argument(
            "--list", action="store_true", help="List the jobs and their last runs; run none."
        )
        parser.add_argument(
            "--every",
            type=int,
            metavar="SECONDS",
            help="Keep running: look for due jobs every SECONDS until stopped (Ctrl+C).",
        )

    def handle(self, *args, **options):
        known = {job.name for job in scheduler.all_jobs()}
        unknown = sorted(set(options["job"] or []) - known)
        if unknown:
            raise CommandError(f"No such job: {', '.join(unknown)}. The jobs are: {', '.join(sorted(known))}")
        if options["list"]:
            self.list_jobs()
            return
        every = options["every"]
        if every is not None and every < 1:
            raise CommandError("--every takes a number of seconds, at least 1.")
        if every is None:
            self.run_once(options["job"], options["force"], quiet=False)
            return
        try:
            while True:
                # A loop that runs for days: a connection the database dropped is opened afresh, and
                # a round that fails (the database locked or gone for a moment) is reported and the
                # next one tried, rather than the loop (and make run with it) ending.
                close_old_connections()
                try:
                    self.run_once(options["job"], options["force"], quiet=True)
                except DatabaseError as error:
                    self.stderr.write(f"Scheduled jobs not run this time: {type(error).__name__}: {error}")
                time.sleep(every)
        except KeyboardInterrupt:
            self.stdout.write("Stopped.")

    def run_once(self, names, force: bool, *, quiet: bool) -> None:
        outcomes = scheduler.run_due(names=names, force=force)
        stamp = timezone.localtime().strftime("%Y-%m-%d %H:%M:%S")
        for outcome in outcomes:
            # In a loop, only what ran is worth a line; once, every job says where it stands.
            if quiet and not outcome.ran:
                continue
            line = f"{stamp} {outcome.job.name}: {outcome.state}"
            if outcome.message:
                line += f". {outcome.message}"
            if outcome.state == scheduler.FAILED:
                self.stderr.write(line)
            else:
                self.stdout.write(line)

    def list_jobs(self) -> None:
        rows = {row.name: row for row in ScheduledJob.objects.all()}
        for job in scheduler.all_jobs():
            row = rows.get(job.name)
            self.stdout.write(f"{job.name} ({job.app}): {job.title}; every {_duration(job.every)}")
            if row is None or row.last_started_at is None:
                self.stdout.write("    never run")
                continue
            started = timezone.localtime(row.last_started_at).strftime("%Y-%m-%d %H:%M")
            state = row.get_last_state_display() or "running"
            self.stdout.write(f"    last run {started}: {state}. {row.last_message}".rstrip())
            if row.next_due:
                self.stdout.write(f"    next due {timezone.localtime(row.next_due):%Y-%m-%d %H:%M}")


def _duration(delta) -> str:
    minutes = int(delta.total_seconds() // 60)
    if minutes % (24 * 60) == 0:
        days = minutes // (24 * 60)
        return "day" if days == 1 else f"{days} days"
    if minutes % 60 == 0:
        hours = minutes // 60
        return "hour" if hours == 1 else f"{hours} hours"
    return f"{minutes} minutes"
