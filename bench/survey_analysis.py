"""Benchmark: the Lifestyle Survey results on PostgreSQL at 100,000 responses (issue 4: "every
borough-wide frequency with its gender and ethnic splits within 5 s, each school report within 1 s").

Creates a throwaway database (outcomes_bench_analysis on 127.0.0.1:5432, user postgres, or
BENCH_POSTGRES_URL), loads the demo, adds synthetic responses to primary-2009 with the survey
generator until there are --n of them, then times, from a cold cache each time:

- the borough analysis: every question and grid row, all pupils and each gender and ethnic group,
  read in one query, counted with numpy and suppressed;
- each school's report (its own analysis; the borough figures it is compared with are computed
  once, as the server keeps them between requests).

Run: .venv/bin/python bench/survey_analysis.py [--n 100000] [--keep] [--reuse]
The database is dropped at the end unless --keep is given (--reuse then skips making it again).
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

DB_NAME = "outcomes_bench_analysis"
SERVER = os.environ.get("BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432")


def admin(sql: str) -> None:
    import psycopg

    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as conn:
        conn.execute(sql)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="responses in all (default 100,000)")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument("--reuse", action="store_true", help="use the database a --keep run left")
    args = parser.parse_args()

    if not args.reuse:
        admin(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')
        admin(f'CREATE DATABASE "{DB_NAME}"')
    os.environ["DATABASE_URL"] = f"{SERVER}/{DB_NAME}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "outcomes.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    try:
        with open(os.devnull, "w") as quiet:
            call_command("migrate", verbosity=0, stdout=quiet)
            call_command("load_demo", stdout=quiet)
        from outcomes.surveys import analysis, generator
        from outcomes.surveys.models import Edition, Response, School

        edition = Edition.objects.get(slug="primary-2009")
        missing = args.n - Response.objects.filter(edition=edition).count()
        started = time.perf_counter()
        if missing > 0:
            generator.generate(edition, missing, seed=2024, days=(edition.opens, edition.opens))
        made = time.perf_counter() - started
        total = Response.objects.filter(edition=edition).count()
        questions = sum(1 for item in analysis.questionnaires.load(edition).items if item.number)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

        def cold_borough() -> float:
            analysis._CACHE.clear()
            start = time.perf_counter()
            results = analysis.borough_results(edition)
            elapsed = time.perf_counter() - start
            assert results.respondents.value == total
            return elapsed

        borough = [cold_borough() for _ in range(3)]
        analysis.borough_results(edition)  # kept, as between requests
        schools = list(School.objects.filter(responses__edition=edition).distinct().order_by("name"))
        by_school = {}
        for school in schools:
            analysis._CACHE.pop(next((k for k in analysis._CACHE if k[2] == school.pk), None), None)
            start = time.perf_counter()
            analysis.school_results(edition, school)
            by_school[school.name] = time.perf_counter() - start
        print(f"Survey analysis benchmark on {connection.vendor} ({connection.settings_dict['NAME']})")
        print(f"  responses to {edition.slug}: {total:,} ({questions} questions); generated in {made:.1f} s")
        print(
            f"  borough analysis, every question with gender and ethnic splits (median of 3): "
            f"{statistics.median(borough):.3f} s  [target 5 s]"
        )
        print(
            f"  school reports ({len(by_school)}): median {statistics.median(by_school.values()):.3f} s, "
            f"slowest {max(by_school.values()):.3f} s  [target 1 s each]"
        )
        for name, seconds in by_school.items():
            print(f"    {name:<36} {seconds:.3f} s")
    finally:
        connection.close()
        if not args.keep:
            admin(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')


if __name__ == "__main__":
    main()
