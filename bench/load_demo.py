"""Benchmark: how long the demo plan takes to load, and the progress report to build and render.

Run with `make bench` (SQLite by default; set DATABASE_URL for PostgreSQL). Each figure is the
median of several runs into a fresh database, printed in seconds.
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "outcomes.settings")
os.environ.setdefault("SECRET_KEY", "outcomes-benchmark-key-on-loopback-only")

import django

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.test.utils import setup_databases, teardown_databases  # noqa: E402

RUNS = 5


class Rollback(Exception):
    pass


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    from outcomes.reports.render_docx import progress_report_docx

    from outcomes.plans.demo import load_demo_plan
    from outcomes.plans.models import Round
    from outcomes.reports.progress import build_progress_report, report_as_json
    from outcomes.reports.render_xlsx import progress_report_xlsx

    old = setup_databases(verbosity=0, interactive=False)
    try:
        loads = []
        for _ in range(RUNS):
            try:
                with transaction.atomic():
                    loads.append(timed(load_demo_plan))
                    raise Rollback
            except Rollback:
                pass
        load_demo_plan()
        round_ = Round.objects.get(plan__slug="cypp-2013-16", slug="june-2014")
        figures = {
            "load the demo plan (159 milestones, 159 updates)": loads,
            "build the progress report": [timed(lambda: build_progress_report(round_)) for _ in range(RUNS)],
            "report as JSON": [
                timed(lambda: report_as_json(build_progress_report(round_))) for _ in range(RUNS)
            ],
            "report as Word (.docx)": [
                timed(lambda: progress_report_docx(build_progress_report(round_))) for _ in range(RUNS)
            ],
            "report as Excel (.xlsx)": [
                timed(lambda: progress_report_xlsx(build_progress_report(round_))) for _ in range(RUNS)
            ],
        }
        print(f"Outcomes benchmark on {connection.vendor}, median of {RUNS} runs")
        for name, values in figures.items():
            print(f"  {name:<52} {statistics.median(values):7.3f} s")
    finally:
        teardown_databases(old, verbosity=0)


if __name__ == "__main__":
    main()
