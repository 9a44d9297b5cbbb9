"""The queue's worker loop run in this process: for the tests, which run inside a transaction that
`db_worker`'s loop would close (it drops connections it thinks are stale between tasks). Each task is
claimed and run by django-tasks-db's own code, as `manage.py db_worker` does (README)."""

from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction

WORKER_ID = "in-process"


def run_queued(max_tasks: int | None = None) -> int:
    """Run every task that is ready now, one after another, then return how many ran."""
    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=max_tasks,
        worker_id=WORKER_ID,
        excluded_queue_names=[],
    )
    ran = 0
    while max_tasks is None or ran < max_tasks:
        with exclusive_transaction(DBTaskResult.objects.db):
            task = DBTaskResult.objects.ready().filter(backend_name="default").get_locked()
            if task is not None:
                task.claim(WORKER_ID)
        if task is None:
            return ran
        worker.run_task(task)
        ran += 1
    return ran
