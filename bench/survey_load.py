"""Benchmark: pupils completing the Lifestyle Survey through the production server.

Creates a throwaway PostgreSQL database (outcomes_bench), migrates it and loads the demo, starts
gunicorn on loopback, and drives it with a load generator (processes of threads using http.client)
on the same two cores. It measures two things (docs/decisions/0036-survey-load-benchmark.md):

1. Sending: pupils who have answered every page press "Send my answers" together, as a class does
   at the end of a lesson. Each virtual pupil holds a session with a whole questionnaire in it (put
   in the session store beforehand, so that thousands are ready at once), posts the send page with
   its CSRF token and reads the end page. This is the issue's "completed questionnaires per
   second", and the count of responses stored must equal the count the generator saw accepted.
2. Whole questionnaires: each virtual pupil does everything a browser does: opens the school's
   link, starts, and for each page reads it and sends its answers, then sends the questionnaire and
   reads the end page. This shows what the pages cost (about 37 requests a questionnaire).

    .venv/bin/python bench/survey_load.py [--senders 3000] [--seconds 20] [--max-questionnaires 20000]
        [--workers 4] [--worker-class sync] [--clients 24] [--posts-only] [--reuse]

The server runs as gunicorn.conf.py says (sync workers, two per core) unless told otherwise.

BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/outcomes_bench) names the database;
it is dropped and created again unless --reuse is given. Traffic goes only to 127.0.0.1, and every
loop is bounded by --seconds and --max-questionnaires. The rate limits are raised for the run
through the SURVEY_* settings (outcomes/settings.py), so that they do not cap the figure.
"""

import argparse
import http.client
import multiprocessing
import os
import random
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "outcomes.settings")
os.environ.setdefault("SECRET_KEY", "outcomes-benchmark-key-on-loopback-only")
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/outcomes_bench"
DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL)
os.environ["DATABASE_URL"] = DATABASE_URL
HOST = "127.0.0.1"
EDITION = "primary-2009"
# High enough that the bench measures the server, not the limits (ratelimit.py).
LIMITS = {
    "SURVEY_STARTS_PER_MINUTE": "10000000",
    "SURVEY_COMPLETIONS_PER_MINUTE": "10000000",
    "SURVEY_ROLL_MULTIPLE": "100000",
    "SURVEY_FAILED_CODES_PER_MINUTE": "100",
}
TOKEN_FIELD = b'name="csrfmiddlewaretoken" value="'


def csrf_token(html: bytes) -> str | None:
    """The CSRF token in a page, found without a regular expression (the generator shares the cores)."""
    at = html.find(TOKEN_FIELD)
    if at < 0:
        return None
    start = at + len(TOKEN_FIELD)
    end = html.find(b'"', start)
    return html[start:end].decode("ascii") if end > start else None


def run(*args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, check=True, env=os.environ)


def make_database(reuse: bool) -> None:
    import psycopg

    parts = urlsplit(DATABASE_URL)
    name = parts.path.lstrip("/")
    if not re.fullmatch(r"[a-z_][a-z0-9_]*", name) or "bench" not in name:
        raise SystemExit(f"refusing to use the database {name!r}: its name must contain 'bench'")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists and reuse:
            print(f"Reusing the database {name}")
            return
        if exists:
            conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    print(f"Created the database {name}; migrating and loading the demo (a minute or two)...")
    run("migrate", "--noinput", "-v0")
    with open(os.devnull, "w") as quiet:
        subprocess.run(
            [sys.executable, "manage.py", "load_demo"], cwd=ROOT, check=True, env=os.environ, stdout=quiet
        )


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def start_gunicorn(port: int, workers: int, threads: int, worker_class: str) -> subprocess.Popen:
    # No request log: it would print every request of the run here (decision 0126).
    env = {**os.environ, **LIMITS, "DEBUG": "false", "LOG_REQUESTS": "0"}
    command = [
        str(Path(sys.executable).parent / "gunicorn"),
        "outcomes.wsgi",
        "--bind",
        f"{HOST}:{port}",
        "--workers",
        str(workers),
        "--worker-class",
        worker_class,
        "--threads",
        str(threads),
        "--keep-alive",
        "5",
        "--log-level",
        "warning",
        # No access log: it would write each pupil's address and time (docs/decisions/0026).
    ]
    server = subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True)
    for _ in range(200):
        try:
            with socket.create_connection((HOST, port), timeout=0.2):
                return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit("gunicorn did not start")


# --- The load generator -------------------------------------------------------------------------------


class Plan:
    """What the pupils answer: the pages of the questionnaire, read once from the database."""

    def __init__(self):
        import django

        django.setup()
        from outcomes.surveys import questionnaire as questionnaires
        from outcomes.surveys.answer_forms import pages
        from outcomes.surveys.models import AccessLink, Edition

        edition = Edition.objects.get(slug=EDITION)
        self.q = questionnaires.load(edition)
        self.pages = pages(self.q)
        self.tokens = list(
            AccessLink.objects.filter(edition=edition, active=True, school__is_group=False).values_list(
                "token", flat=True
            )
        )

    def answers(self, rng: random.Random) -> dict:
        answers: dict = {}
        for item in self.q.items:
            choices = [c.name for c in item.choices if not c.exclusive]
            if item.type in {"select_one", "yes_no_dk"}:
                answers[item.name] = rng.choice(choices)
            elif item.type == "grid":
                answers[item.name] = {row: rng.choice(choices) for row in item.row_names}
            elif item.type == "select_multiple":
                answers[item.name] = rng.sample(choices, rng.randint(1, min(3, len(choices))))
            elif item.type == "text" and rng.random() < 0.3:
                answers[item.name] = "More parks and a youth club"
        return answers

    def steps(self, answers: dict) -> list[tuple[str, str]]:
        """(page path, form body) for each page this pupil is shown."""
        from outcomes.surveys.answer_forms import shown_items

        seen = self.q.visibility(answers)
        out = []
        for page in self.pages:
            items = shown_items(page, seen)
            if not items:
                continue
            fields: list[tuple[str, str]] = []
            for item in items:
                value = answers.get(item.name)
                if isinstance(value, dict):
                    fields += [
                        (f"{item.name}-{row}", v) for row, v in value.items() if row in seen.rows[item.name]
                    ]
                elif isinstance(value, list):
                    fields += [(item.name, v) for v in value]
                elif value:
                    fields.append((item.name, value))
            out.append((f"/s/page/{page.number}/", urlencode(fields)))
        return out


class Browser:
    """One pupil's browser: a keep-alive connection and the cookies the server sets."""

    def __init__(self, port: int):
        self.conn = http.client.HTTPConnection(HOST, port, timeout=30)
        self.cookies: dict[str, str] = {}
        self.requests = 0

    def request(self, method: str, path: str, body: str | None = None) -> tuple[int, str, bytes]:
        headers = {"Host": f"{HOST}"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        for attempt in range(2):
            try:
                self.conn.request(method, path, body=body, headers=headers)
                response = self.conn.getresponse()
                content = response.read()
                self.requests += 1
                break
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.conn.close()
                if attempt:
                    raise
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        return response.status, response.getheader("Location", ""), content


def one_questionnaire(
    browser: Browser, plan: Plan, rng: random.Random, posts_only: bool, timings: list
) -> bool:
    browser.cookies.clear()
    token = rng.choice(plan.tokens)
    link = f"/s/{token}/"
    answers = plan.answers(rng)
    start = time.perf_counter()
    status, _, html = browser.request("GET", link)
    token = csrf_token(html)
    if status != 200 or not token:
        return False
    csrf = "csrfmiddlewaretoken=" + token
    status, location, _ = browser.request("POST", link, csrf)
    if status != 302:
        return False
    for path, body in plan.steps(answers):
        if location != path:
            return False
        if not posts_only:
            status, _, _ = browser.request("GET", path)
            if status != 200:
                return False
        status, location, _ = browser.request("POST", path, f"{csrf}&{body}" if body else csrf)
        if status != 302:
            return False
    if location != "/s/send/":
        return False
    if not posts_only:
        browser.request("GET", location)
    status, location, _ = browser.request("POST", "/s/send/", csrf)
    if status != 302 or not location.startswith("/s/thank-you/"):
        return False
    if not posts_only:
        browser.request("GET", location)
    timings.append(time.perf_counter() - start)
    return True


def generator_process(port, clients, deadline, budget, posts_only, seed, results):
    from django.db import connections

    connections.close_all()  # never share the parent's connection after fork
    plan = Plan()
    lock = threading.Lock()
    counts = {"done": 0, "failed": 0, "requests": 0}
    timings: list[float] = []

    def client(n: int):
        rng = random.Random(seed * 1000 + n)
        browser = Browser(port)
        while time.time() < deadline:
            with lock:
                if counts["done"] + counts["failed"] >= budget:
                    return
            sent = browser.requests
            try:
                ok = one_questionnaire(browser, plan, rng, posts_only, timings)
            except (OSError, http.client.HTTPException):
                ok = False
                browser = Browser(port)
                sent = 0
            with lock:
                counts["done" if ok else "failed"] += 1
                counts["requests"] += browser.requests - sent

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    results.put((counts["done"], counts["failed"], timings, counts["requests"]))


# --- Sending: a class pressing "Send" together ---------------------------------------------------------

CSRF_SECRET = "benchmarkcsrfsecret0123456789abc"  # 32 letters and digits, as Django makes them


def prepare_senders(n: int, seed: int) -> list[str]:
    """n sessions, each holding a whole questionnaire as the pupils' pages leave it after the last
    page (views/pupils.py, STATE), made with the generator's plausible answers; their keys."""
    import django

    django.setup()
    from datetime import timedelta

    from django.contrib.sessions.backends.db import SessionStore
    from django.contrib.sessions.models import Session
    from django.utils import timezone
    from django.utils.crypto import get_random_string

    from outcomes.surveys import questionnaire as questionnaires
    from outcomes.surveys.answer_forms import pages, shown_items
    from outcomes.surveys.generator import _Model
    from outcomes.surveys.models import AccessLink, Edition
    from outcomes.surveys.services import prepare_response
    from outcomes.surveys.views.pupils import STATE

    edition = Edition.objects.get(slug=EDITION)
    q = questionnaires.load(edition)
    links = list(
        AccessLink.objects.filter(edition=edition, active=True, school__is_group=False).select_related(
            "school"
        )
    )
    model = _Model(q, random.Random(f"{edition.slug}-weights"))
    rng = random.Random(seed)
    store = SessionStore()
    expires = timezone.now() + timedelta(hours=2)
    keys, rows = [], []
    for _ in range(n):
        link = rng.choice(links)
        answers = model.answers(rng)
        prepare_response(
            edition, link.school, answers, questionnaire=q
        )  # raises if a pupil could not send it
        seen = q.visibility(answers)
        done = [page.number for page in pages(q) if shown_items(page, seen)]
        state = {"link": link.token, "rev": edition.revision, "answers": answers, "done": done}
        key = get_random_string(32, "abcdefghijklmnopqrstuvwxyz0123456789")
        data = {STATE: state, "_session_expiry": 0}
        rows.append(Session(session_key=key, session_data=store.encode(data), expire_date=expires))
        keys.append(key)
    Session.objects.bulk_create(rows, batch_size=1000)
    return keys


def send_one(browser: "Browser", key: str) -> bool:
    """One pupil sends their answers and reads the end page."""
    browser.cookies = {"sessionid": key, "csrftoken": CSRF_SECRET}
    status, location, _ = browser.request("POST", "/s/send/", "csrfmiddlewaretoken=" + CSRF_SECRET)
    if status != 302 or not location.startswith("/s/thank-you/"):
        return False
    status, _, _ = browser.request("GET", location)
    return status == 200


def sender_process(port, threads, keys, results):
    """Threads that share out keys and send them as fast as the server takes them."""
    lock = threading.Lock()
    queue = list(reversed(keys))
    counts = {"done": 0, "failed": 0}
    timings: list[float] = []

    def sender():
        browser = Browser(port)
        while True:
            with lock:
                if not queue:
                    return
                key = queue.pop()
            start = time.perf_counter()
            try:
                ok = send_one(browser, key)
            except (OSError, http.client.HTTPException):
                ok = False
                browser = Browser(port)
            with lock:
                counts["done" if ok else "failed"] += 1
                if ok:
                    timings.append(time.perf_counter() - start)

    pool = [threading.Thread(target=sender) for _ in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    results.put((counts["done"], counts["failed"], timings))


TICKS = os.sysconf("SC_CLK_TCK")


def cpu_by_process(match) -> dict[int, float]:
    """CPU seconds (user + system) of the running processes for which match(pid, ppid, name) holds."""
    out = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        name = stat[stat.index("(") + 1 : stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2 :].split()
        pid, ppid = int(entry.name), int(fields[1])
        if match(pid, ppid, name):
            out[pid] = (int(fields[11]) + int(fields[12])) / TICKS
    return out


def cpu_used(before: dict[int, float], after: dict[int, float]) -> float:
    return sum(seconds - before.get(pid, 0.0) for pid, seconds in after.items())


def count_responses() -> int:
    import django

    django.setup()
    from django.db import connection

    from outcomes.surveys.models import Response

    connection.close()
    return Response.objects.filter(edition__slug=EDITION).count()


class Meter:
    """CPU seconds used by gunicorn, PostgreSQL and the load generator's processes between start and stop."""

    def __init__(self, server: subprocess.Popen):
        self.server = server

    def _server(self):
        return cpu_by_process(lambda pid, ppid, name: ppid == self.server.pid)

    @staticmethod
    def _database():
        return cpu_by_process(lambda pid, ppid, name: name.startswith("postgres"))

    def start(self):
        from django.db import connections

        connections.close_all()  # never share a connection with the forked generator
        self.marks = (self._server(), self._database(), os.times(), time.time())

    def stop(self) -> dict:
        server, database, times, started = self.marks
        ended = os.times()
        return {
            "elapsed": time.time() - started,
            "gunicorn": cpu_used(server, self._server()),
            "PostgreSQL": cpu_used(database, self._database()),
            "load generator": (ended.children_user + ended.children_system)
            - (times.children_user + times.children_system),
        }


def run_processes(count: int, target, args_for) -> list:
    results: multiprocessing.Queue = multiprocessing.Queue()
    procs = [multiprocessing.Process(target=target, args=(*args_for(n), results)) for n in range(count)]
    for p in procs:
        p.start()
    outcomes = [results.get(timeout=900) for _ in procs]
    for p in procs:
        p.join()
    return outcomes


def cpu_figures(used: dict, done: int) -> list[tuple[str, object]]:
    if not done:
        return []
    per = {name: 1000 * used[name] / done for name in ("gunicorn", "PostgreSQL", "load generator")}
    serving = per["gunicorn"] + per["PostgreSQL"]
    return [
        ("CPU per questionnaire", ", ".join(f"{name} {ms:.1f} ms" for name, ms in per.items())),
        ("serving capacity per free core", f"{1000 / serving:.0f} questionnaires per second"),
    ]


def percentile(timings: list[float], p: int) -> str:
    if not timings:
        return "-"
    seconds = timings[round(p / 100 * (len(timings) - 1))]
    return f"{1000 * seconds:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def print_figures(title: str, figures: list) -> None:
    print(f"\n{title}")
    for label, value in figures:
        print(f"  {label:<34} {value}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--senders", type=int, default=3000, help="pupils pressing Send (0: skip)")
    parser.add_argument(
        "--seconds", type=float, default=20, help="run time of whole questionnaires (0: skip)"
    )
    parser.add_argument("--max-questionnaires", type=int, default=20000)
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1), help="gunicorn workers")
    parser.add_argument("--threads", type=int, default=1, help="threads per gunicorn worker (gthread)")
    parser.add_argument("--worker-class", default="sync", help="gunicorn worker class: sync or gthread")
    parser.add_argument("--clients", type=int, default=24, help="pupils answering (or sending) at once")
    parser.add_argument("--processes", type=int, default=2, help="load generator processes")
    parser.add_argument("--posts-only", action="store_true", help="send each page without reading it first")
    parser.add_argument("--reuse", action="store_true", help="keep the bench database if it is there")
    args = parser.parse_args()

    make_database(args.reuse)
    before = count_responses()
    port = free_port()
    keys = prepare_senders(args.senders, seed=7) if args.senders else []
    server = start_gunicorn(port, args.workers, args.threads, args.worker_class)
    sending = journeys = None
    try:
        # Warm up: each worker reads the questionnaire once.
        warm = Browser(port)
        plan = Plan()
        for _ in range(args.workers * 3):
            one_questionnaire(warm, plan, random.Random(0), args.posts_only, [])
        meter = Meter(server)
        if keys:
            stored_before = count_responses()
            meter.start()
            share = -(-len(keys) // args.processes)
            outcomes = run_processes(
                args.processes,
                sender_process,
                lambda n: (port, max(1, args.clients // args.processes), keys[n * share : (n + 1) * share]),
            )
            used = meter.stop()
            sending = (outcomes, used, count_responses() - stored_before)
        if args.seconds:
            stored_before = count_responses()
            meter.start()
            deadline = time.time() + args.seconds
            budget = max(1, args.max_questionnaires // args.processes)
            per_process = max(1, args.clients // args.processes)
            outcomes = run_processes(
                args.processes,
                generator_process,
                lambda n: (port, per_process, deadline, budget, args.posts_only, n + 1),
            )
            used = meter.stop()
            journeys = (outcomes, used, count_responses() - stored_before)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)

    server_text = f"gunicorn {args.worker_class}, {args.workers} workers x {args.threads} threads"
    print(f"\nLifestyle Survey load benchmark ({server_text}) on PostgreSQL")
    print(f"  database {urlsplit(DATABASE_URL).path.lstrip('/')} ({before} responses before)")
    print(f"  machine's load average (1 min) {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    at_once = max(1, args.clients // args.processes) * args.processes
    equal = True
    for title, measured in [
        ("1. Sending: pupils with every page answered press Send together", sending),
        ("2. Whole questionnaires: every page read and answered, then sent", journeys),
    ]:
        if not measured:
            continue
        outcomes, used, stored = measured
        done = sum(o[0] for o in outcomes)
        timings = sorted(t for o in outcomes for t in o[2])
        rate = done / used["elapsed"]
        equal &= stored == done
        figures: list = [("run time", f"{used['elapsed']:.1f} s")]
        if measured is sending:
            target = "met" if rate >= 100 else "NOT met"
            figures += [
                ("pupils sending", f"{len(keys)}, {at_once} at a time"),
                ("completed per second", f"{rate:.0f}  (target >= 100: {target})"),
                ("send and end page (median, 95th)", f"{percentile(timings, 50)}, {percentile(timings, 95)}"),
            ]
        else:
            requests = sum(o[3] for o in outcomes)
            pages_sent = "POST" if args.posts_only else "GET and POST"
            figures += [
                ("pupils answering at once", at_once),
                ("each questionnaire", f"{pages_sent} of up to {len(plan.pages)} pages"),
                ("completed per second", f"{rate:.1f}"),
                ("page requests per second", f"{requests / used['elapsed']:.0f}  ({requests} requests)"),
                ("time to complete one (median)", percentile(timings, 50)),
            ]
        verdict = "equal to" if stored == done else "NOT equal to"
        figures += [
            ("questionnaires completed", done),
            ("questionnaires failed", sum(o[1] for o in outcomes)),
            ("responses stored", f"{stored}  ({verdict} completed)"),
            *cpu_figures(used, done),
        ]
        print_figures(title, figures)
    if not equal:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
