"""Benchmark: the LAIT import, the recompute of every derived figure and an area's scorecard, on
SQLite files in a fresh temporary folder, all measured in the same run.

    .venv/bin/python bench/indicators.py [LAIT folder]   (default data/lait, the copy in the repository)

Figures printed in seconds:
- baseline: a plain bulk load of the same 641,070 rows (seven text/number columns, no index) into a
  fresh SQLite table with sqlite3's executemany, after reading the parquet file with pyarrow;
- the LAIT import (files read, areas, neighbour lists, dictionary and values written), its ratio to
  the baseline, and with the recompute of the derived figures that the command runs after it;
- a second import (it must change nothing);
- recomputing every derived figure for every area, then refreshing the exceptions from them;
- the indicator_report rows and the scorecard page for Rotherham (bench/scorecard.py).
Targets (the issue): import within 3x the baseline; recompute within 5 s; scorecard within 300 ms.
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


def baseline() -> tuple[float, float, int]:
    """Seconds to read the parquet file into rows, and to bulk-load them into a plain table."""
    import pyarrow.parquet as pq

    def read():
        table = pq.read_table(FOLDER / "bds_long_0.parquet")
        return list(zip(*(table[name].to_pylist() for name in table.column_names), strict=True))

    read_time, rows = timed(read)
    connection = sqlite3.connect(WORK / "baseline.sqlite3")
    connection.execute(
        "CREATE TABLE bds (short_desc TEXT, data_item TEXT, years TEXT, area TEXT, value TEXT, "
        "la_number REAL, region TEXT)"
    )

    def load():
        with connection:
            connection.executemany("INSERT INTO bds VALUES (?, ?, ?, ?, ?, ?, ?)", rows)

    load_time, _ = timed(load)
    connection.close()
    return read_time, load_time, len(rows)


def main() -> None:
    from outcomes.indicators.derive import recompute
    from outcomes.indicators.exceptions import refresh_exceptions
    from outcomes.indicators.lait import import_lait
    from outcomes.indicators.report import find_area, rows_for_area

    print(f"SQLite files in {WORK}; LAIT data from {FOLDER}")
    call_command("migrate", verbosity=0)

    read_time, load_time, rows = baseline()
    plain = read_time + load_time
    print(f"baseline: read {rows:,} rows {read_time:.2f} s + bulk load {load_time:.2f} s = {plain:.2f} s")

    import_time, result = timed(lambda: import_lait(FOLDER, recompute=False))
    print(f"LAIT import (values {result.values}): {import_time:.2f} s = {import_time / plain:.2f} x baseline")
    derive_time, written = timed(lambda: recompute(refresh_exceptions=False))
    print(f"recompute every derived figure ({written:,} rows): {derive_time:.2f} s")
    total = import_time + derive_time
    print(f"import with its recompute (as the command runs): {total:.2f} s = {total / plain:.2f} x baseline")
    refresh_time, counts = timed(lambda: refresh_exceptions(None))
    print(f"refresh the exceptions from them ({counts}): {refresh_time:.2f} s")

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
