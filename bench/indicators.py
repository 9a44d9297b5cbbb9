"""Benchmark: the LAIT import, the recompute of every derived figure and an area's scorecard, on
SQLite files in a fresh temporary folder, all measured in the same run.

    .venv/bin/python bench/indicators.py [LAIT folder]   (default data/lait, the copy in the repository)

Figures printed in seconds:
- baseline: a plain bulk load of the same 641,070 rows (seven text/number columns, no index) into a
  fresh SQLite table with sqlite3's executemany, after reading the parquet file with pyarrow;
- the LAIT import with its recompute and the exceptions, as the page and `import_lait` run it: a job
  (outcomes/jobs) whose work reads the files, writes areas, neighbour lists, dictionary and values,
  recomputes every derived figure and refreshes the exceptions, reporting its progress; and its ratio
  to the baseline (issue 17: within 3 times);
- a second import (it must change nothing);
- recomputing every derived figure for every area, then refreshing the exceptions from them;
- the indicator_report rows and the scorecard page for Rotherham (bench/scorecard.py).
Targets: the import with its recompute within 3x the baseline; recompute within 5 s; scorecard
within 300 ms.
"""

import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
FOLDER = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "data" / "lait"
WORK = Path(tempfile.mkdtemp(prefix="outcomes-bench-"))
os.environ["DATABASE_URL"] = f"sqlite:///{WORK / 'outcomes.sqlite3'}"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "outcomes.settings")
os.environ.setdefault("SECRET_KEY", "outcomes-benchmark-key-on-loopback-only")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402


def timed(fn):
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def timed_both(fn):
    """Seconds on the clock and of this process's processor time: on a shared machine the second
    says what the work costs, whatever else runs beside it."""
    start, cpu = time.perf_counter(), time.process_time()
    result = fn()
    return time.perf_counter() - start, time.process_time() - cpu, result


def baseline() -> tuple[float, float, int, float]:
    """Seconds to read the parquet file into rows, and to bulk-load them into a plain table."""
    import pyarrow.parquet as pq

    def read():
        table = pq.read_table(FOLDER / "bds_long_0.parquet")
        return list(zip(*(table[name].to_pylist() for name in table.column_names), strict=True))

    read_time, read_cpu, rows = timed_both(read)
    connection = sqlite3.connect(WORK / "baseline.sqlite3")
    connection.execute(
        "CREATE TABLE bds (short_desc TEXT, data_item TEXT, years TEXT, area TEXT, value TEXT, "
        "la_number REAL, region TEXT)"
    )

    def load():
        with connection:
            connection.executemany("INSERT INTO bds VALUES (?, ?, ?, ?, ?, ?, ?)", rows)

    load_time, load_cpu, _ = timed_both(load)
    connection.close()
    return read_time, load_time, len(rows), read_cpu + load_cpu


def main() -> None:
    from outcomes.indicators.derive import recompute
    from outcomes.indicators.lait import import_lait
    from outcomes.indicators.lait_release import import_lait_folder
    from outcomes.indicators.report import find_area, rows_for_area
    from outcomes.jobs.queue import run_here, start_job

    print(f"SQLite files in {WORK}; LAIT data from {FOLDER}")
    call_command("migrate", verbosity=0)

    read_time, load_time, rows, plain_cpu = baseline()
    plain = read_time + load_time
    print(
        f"baseline: read {rows:,} rows {read_time:.2f} s + bulk load {load_time:.2f} s = {plain:.2f} s "
        f"(processor time {plain_cpu:.2f} s)"
    )

    def as_the_page_runs_it():
        job = start_job(import_lait_folder, user=None, label="Benchmark", queue=False, folder=str(FOLDER))
        return run_here(import_lait_folder, job, folder=str(FOLDER))

    total, total_cpu, job = timed_both(as_the_page_runs_it)
    assert job.state == job.SUCCEEDED, job.error
    values = next(line for line in job.result["lines"] if line.startswith("Values:"))
    print(
        f"LAIT import with its recompute and exceptions, as a job ({values}): "
        f"{total:.2f} s = {total / plain:.2f} x baseline (target: within 3 x); "
        f"processor time {total_cpu:.2f} s = {total_cpu / plain_cpu:.2f} x the baseline's"
    )

    again_time, again = timed(lambda: import_lait(FOLDER))
    print(f"second import (values {again.values}; recomputed {again.recomputed}): {again_time:.2f} s")

    derive_again, _ = timed(lambda: recompute(refresh_exceptions=False))
    print(f"recompute every derived figure again: {derive_again:.2f} s")

    rotherham = find_area("Rotherham")
    rows_for_area(rotherham)
    report_time, report = timed(lambda: rows_for_area(rotherham))
    print(f"indicator_report rows for Rotherham ({len(report)} measures): {report_time * 1000:.0f} ms")
    try:
        from bench.scorecard import measure
    except ImportError:
        print("scorecard page: bench/scorecard.py is not there yet")
    else:
        print(f"scorecard page for Rotherham (server time): {measure(rotherham) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
