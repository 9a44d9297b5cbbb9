"""Benchmark: Outcomes scaled out on one machine (docs/deployment.md; decision 0128).

Makes a PostgreSQL database of its own (outcomes_scale_bench: migrated, the demo loaded with one LAIT
measure), picks a shared cache (Redis on 127.0.0.1:6379 when it answers, else the database cache),
and starts two application servers (gunicorn as gunicorn.conf.py runs it, each on a free port of
127.0.0.1) and two workers (``manage.py worker``). Then, twice:

1. one server and one worker: pupils press "Send" on that server only (bench/survey_load.py's
   senders, whole questionnaires held in their sessions), then tasks are queued as jobs for the one
   worker;
2. both servers and both workers: the same number of pupils, half sent to each server, and the same
   number of tasks, taken by either worker.

It asks each server's /healthz first (200: database, cache and workers answer). It prints, for
each phase: questionnaires sent and stored (must be equal), tasks queued and run exactly once
(each task writes a row; must be equal, none twice, none never), and the throughput of each, so the
two are compared in the same run on the same machine. It exits 1 if a count differs. The database is
dropped at the end (``--keep`` keeps it).

    .venv/bin/python bench/scale_out.py [--senders 1500] [--tasks 300] [--task-ms 50]
        [--server-workers 2] [--clients 24] [--keep]

SCALE_BENCH_DATABASE_URL names the database (its name must contain "bench"); SCALE_BENCH_CACHE_URL
the cache (default: Redis database 9 on loopback, if it answers). Traffic stays on 127.0.0.1. The
request log is off for the run (it would print every request here), and the survey's rate limits
are raised as in bench/survey_load.py, so that neither caps the figures.
"""

import argparse
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))  # survey_load, a script beside this one
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "outcomes.settings")
os.environ.setdefault("SECRET_KEY", "outcomes-benchmark-key-on-loopback-only")
DATABASE_URL = os.environ.get(
    "SCALE_BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/outcomes_scale_bench"
)
# survey_load reads its database from BENCH_DATABASE_URL when imported.
os.environ["BENCH_DATABASE_URL"] = DATABASE_URL
os.environ["OUTCOMES_DEMO_LAIT_MEASURES"] = "ReReferral"  # the survey needs none; a quick demo load
os.environ["LOG_REQUESTS"] = "0"

import survey_load  # noqa: E402  (after its database is named)
from survey_load import LIMITS  # noqa: E402

REDIS = ("127.0.0.1", 6379)
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/9"


def redis_answers(address=REDIS) -> bool:
    try:
        with socket.create_connection(address, timeout=1) as conn:
            conn.sendall(b"PING\r\n")
            return conn.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def choose_cache() -> tuple[str, str]:
    """(CACHE_URL, words for the report): the given one, Redis if it answers, else the database."""
    given = os.environ.get("SCALE_BENCH_CACHE_URL")
    if given:
        return given, given
    if redis_answers():
        return DEFAULT_REDIS_URL, f"Redis ({DEFAULT_REDIS_URL})"
    return "db://bench_cache", "the database cache (no Redis answered on 127.0.0.1:6379)"


def manage(*args: str, quiet: bool = False) -> None:
    out = subprocess.DEVNULL if quiet else None
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, check=True, env=os.environ, stdout=out)


def drop_database() -> None:
    import psycopg

    parts = urlsplit(DATABASE_URL)
    name = parts.path.lstrip("/")
    with psycopg.connect(parts._replace(path="/postgres").geturl(), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    print(f"Dropped the database {name}.")


# --- Processes ---------------------------------------------------------------------------------------


class Fleet:
    """The servers and workers started, stopped together whatever happens."""

    def __init__(self):
        self.servers: list[tuple[int, subprocess.Popen]] = []
        self.workers: list[tuple[str, subprocess.Popen]] = []

    def start_server(self, workers: int) -> int:
        port = survey_load.free_port()
        self.servers.append((port, survey_load.start_gunicorn(port, workers, 1, "sync")))
        return port

    def start_worker(self, name: str) -> subprocess.Popen:
        env = {**os.environ, **LIMITS, "DEBUG": "false"}
        command = [
            sys.executable,
            "manage.py",
            "worker",
            "--no-reload",
            "--no-startup-delay",
            "--queue-name",
            "*",
        ]
        command += ["--interval", "0.1", "--worker-id", name, "--verbosity", "0"]
        process = subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True)
        self.workers.append((name, process))
        return process

    def stop(self) -> None:
        for _, process in [*self.servers, *self.workers]:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for _, process in [*self.servers, *self.workers]:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


# --- Questionnaires ----------------------------------------------------------------------------------


def send_questionnaires(ports: list[int], keys: list[str], clients: int) -> dict:
    """Send every prepared questionnaire, shared out over the servers (one load generator process
    per server, ``clients`` senders at once in all); counts, stored responses and time."""
    stored_before = survey_load.count_responses()
    from django.db import connections

    connections.close_all()  # never share a connection with the forked generators
    share = -(-len(keys) // len(ports))
    per_process = max(1, clients // len(ports))
    started = time.perf_counter()
    outcomes = survey_load.run_processes(
        len(ports),
        survey_load.sender_process,
        lambda n: (ports[n], per_process, keys[n * share : (n + 1) * share]),
    )
    elapsed = time.perf_counter() - started
    return {
        "sent": len(keys),
        "completed": sum(o[0] for o in outcomes),
        "failed": sum(o[1] for o in outcomes),
        "by server": [o[0] for o in outcomes],
        "stored": survey_load.count_responses() - stored_before,
        "seconds": elapsed,
    }


# --- Tasks -------------------------------------------------------------------------------------------


def make_runs_table() -> None:
    from django.db import connection

    from bench.scale_out_tasks import RUNS_TABLE

    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TABLE IF NOT EXISTS {RUNS_TABLE} (job_id bigint NOT NULL, pid integer NOT NULL)"
        )


def runs_by_job_and_pid() -> list[tuple[int, int]]:
    from django.db import connection

    from bench.scale_out_tasks import RUNS_TABLE

    with connection.cursor() as cursor:
        cursor.execute(f"SELECT job_id, pid FROM {RUNS_TABLE}")
        return list(cursor.fetchall())


def queue_tasks(count: int, wait_ms: int, label: str) -> list[int]:
    from bench.scale_out_tasks import record_run
    from outcomes.jobs.queue import start_job

    return [
        start_job(record_run, user=None, label=f"{label} {n + 1}", kind="bench", wait_ms=wait_ms).pk
        for n in range(count)
    ]


def wait_for_jobs(ids: list[int], timeout: float) -> bool:
    from outcomes.jobs.models import Job

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if Job.objects.filter(pk__in=ids, state__in=Job.FINISHED).count() == len(ids):
            return True
        time.sleep(0.1)
    return False


def run_tasks(count: int, wait_ms: int, label: str, workers: dict[int, str]) -> dict:
    """Queue ``count`` jobs, wait until all have finished, and count how often each ran and where."""
    from bench.scale_out_tasks import count_runs
    from outcomes.jobs.models import Job

    started = time.perf_counter()
    ids = queue_tasks(count, wait_ms, label)
    finished = wait_for_jobs(ids, timeout=max(120.0, count * (wait_ms / 1000 + 0.5)))
    elapsed = time.perf_counter() - started
    wanted = set(ids)
    rows = [(job, pid) for job, pid in runs_by_job_and_pid() if job in wanted]
    by_worker: dict[str, int] = {}
    for _, pid in rows:
        name = workers.get(pid, f"process {pid}")
        by_worker[name] = by_worker.get(name, 0) + 1
    return {
        "counts": count_runs(ids, [job for job, _ in rows]),
        "succeeded": Job.objects.filter(pk__in=ids, state=Job.SUCCEEDED).count(),
        "finished in time": finished,
        "by worker": by_worker,
        "seconds": elapsed,
    }


def warm_up(ports: list[int], keys: list[str], workers: dict[int, str], wait_ms: int) -> None:
    """Each server's processes read the questionnaire once and the workers take a few tasks before
    anything is timed (none of it counted in the figures)."""
    share = -(-len(keys) // max(1, len(ports)))
    for n, port in enumerate(ports):
        browser = survey_load.Browser(port)
        for key in keys[n * share : (n + 1) * share]:
            survey_load.send_one(browser, key)
    run_tasks(4 * len(workers), wait_ms, "Warm-up", workers)


def healthz(port: int) -> str:
    """What the server's /healthz says: its status and the parts that failed, if any."""
    status, _, body = survey_load.Browser(port).request("GET", "/healthz")
    failing = json.loads(body).get("failing") if body.startswith(b"{") else None
    return f"{status}" + (f" (failing: {', '.join(failing)})" if failing else "")


# --- Report ------------------------------------------------------------------------------------------


def report(
    phases: list[tuple[str, dict, dict]], cache_words: str, server_workers: int, health: list[str]
) -> bool:
    print(f"\nScale-out benchmark on PostgreSQL ({urlsplit(DATABASE_URL).path.lstrip('/')})")
    print(f"  shared cache: {cache_words}")
    print(f"  application servers: gunicorn, {server_workers} sync workers each; workers: manage.py worker")
    print(f"  machine's load average (1 min) {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"  /healthz of each server before the phases: {', '.join(health)}")
    all_equal = all(answer == "200" for answer in health)
    base_rates = None
    for title, survey, tasks in phases:
        counts = tasks["counts"]
        survey_equal = survey["stored"] == survey["completed"] == survey["sent"]
        tasks_equal = counts.exactly_once and tasks["succeeded"] == counts.queued
        all_equal &= survey_equal and tasks_equal
        rates = (survey["completed"] / survey["seconds"], counts.run / tasks["seconds"])
        base_rates = base_rates or rates
        print(f"\n{title}")
        rows = [
            (
                "questionnaires sent",
                f"{survey['sent']}  (to each server: {', '.join(map(str, survey['by server']))})",
            ),
            ("questionnaires completed", f"{survey['completed']}  ({survey['failed']} failed)"),
            (
                "responses stored",
                f"{survey['stored']}  ({'equal to' if survey_equal else 'NOT equal to'} sent)",
            ),
            ("completed per second", f"{rates[0]:.0f}  (x{rates[0] / base_rates[0]:.2f} the first)"),
            ("tasks queued", counts.queued),
            (
                "tasks run",
                f"{counts.run}: {counts.once} once, {counts.more_than_once} more than once, "
                f"{counts.never} never  ({'exactly once each' if tasks_equal else 'NOT exactly once each'})",
            ),
            (
                "tasks run by each worker",
                ", ".join(f"{name} {n}" for name, n in sorted(tasks["by worker"].items())),
            ),
            ("tasks per second", f"{rates[1]:.1f}  (x{rates[1] / base_rates[1]:.2f} the first)"),
        ]
        for label, value in rows:
            print(f"  {label:<28} {value}")
    return all_equal


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--senders", type=int, default=1500, help="questionnaires sent in each phase")
    parser.add_argument("--tasks", type=int, default=300, help="tasks queued in each phase")
    parser.add_argument("--task-ms", type=int, default=50, help="what each task waits, in ms (0: none)")
    parser.add_argument(
        "--server-workers", type=int, default=os.cpu_count() or 1, help="gunicorn workers per server"
    )
    parser.add_argument("--clients", type=int, default=24, help="pupils sending at once")
    parser.add_argument("--keep", action="store_true", help="keep the database at the end")
    args = parser.parse_args()

    cache_url, cache_words = choose_cache()
    os.environ["CACHE_URL"] = cache_url
    survey_load.make_database(reuse=False)
    fleet = Fleet()
    try:
        if cache_url.startswith("db://"):
            manage("createcachetable", quiet=True)
        import django

        django.setup()
        make_runs_table()
        warm_keys = survey_load.prepare_senders(16 * args.server_workers, seed=1)
        one_keys = survey_load.prepare_senders(args.senders, seed=2)
        two_keys = survey_load.prepare_senders(args.senders, seed=3)
        ports = [fleet.start_server(args.server_workers) for _ in range(2)]
        first = fleet.start_worker("worker-1")
        workers = {first.pid: "worker 1"}
        warm_up(ports, warm_keys, workers, args.task_ms)
        health = [healthz(port) for port in ports]
        phases = [
            (
                "1. One application server, one worker",
                send_questionnaires(ports[:1], one_keys, args.clients),
                run_tasks(args.tasks, args.task_ms, "One worker", workers),
            )
        ]
        second = fleet.start_worker("worker-2")
        workers[second.pid] = "worker 2"
        warm_up([], [], {second.pid: "worker 2"}, args.task_ms)
        phases.append(
            (
                "2. Two application servers, two workers",
                send_questionnaires(ports, two_keys, args.clients),
                run_tasks(args.tasks, args.task_ms, "Two workers", workers),
            )
        )
    finally:
        fleet.stop()
        from django.db import connections

        connections.close_all()
        if not args.keep:
            drop_database()
    if not report(phases, cache_words, args.server_workers, health):
        raise SystemExit(1)


if __name__ == "__main__":
    main()
