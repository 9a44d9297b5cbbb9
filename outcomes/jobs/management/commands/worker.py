"""python manage.py worker [db_worker's options]: run queued tasks, as django-tasks' ``db_worker``
does (the same options: --queue-name, --interval, --worker-id, --batch, --no-reload...), and say
every WORKER_HEARTBEAT_SECONDS that this worker is there, which ``/healthz`` reads (decision 0129).
Run several, on one machine or many (docs/deployment.md, "Workers")."""

import os

from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands.db_worker import Command as DatabaseWorker

from outcomes.jobs.heartbeat import Heartbeat


class Command(DatabaseWorker):
    help = "Run queued tasks (django-tasks' db_worker) and record this worker's heartbeat for /healthz."

    def handle(self, *args, **options):
        # With --reload the first process only watches the files and restarts a child that works:
        # the child beats, the watcher does not.
        watcher = options.get("reload") and os.environ.get(DJANGO_AUTORELOAD_ENV) != "true"
        if options.get("batch") or watcher:
            return super().handle(*args, **options)
        heartbeat = Heartbeat(options["worker_id"]).start()
        try:
            return super().handle(*args, **options)
        finally:
            heartbeat.stop()
