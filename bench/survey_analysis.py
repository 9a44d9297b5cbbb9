"""Benchmark: the Lifestyle Survey results on PostgreSQL at 100,000 responses (issue 4: "every
borough-wide frequency with its gender and ethnic splits within 5 s, each school report within 1 s").

Creates a throwaway database (outcomes_bench_analysis on 127.0.0.1:5432, user postgres, or
BENCH_POSTGRES_URL), loads the demo, adds synthetic responses to primary-2009 with the survey
generator until there are --n of them, then times, each the median of 3:

- the borough analysis from cold (nothing kept in the process): every question and grid row, all
  pupils and each gender and ethnic group, read in one query, counted with numpy, suppressed and
  compared with earlier editions;
- publishing a release (decision 0055): every school's report and the borough's, protected
  together and against the demo's earlier release, stored (timed once);
- each school's report page read from the release, requested as a performance officer through
  Django's test client, with nothing kept in the process (its first request) and with the release
  kept (every request after);
- the slowest school's report as `survey_report --school` prints it (JSON).

Run: .venv/bin/python bench/survey_analysis.py [--n 100000] [--keep] [--reuse]
The database is dropped at the end unless --keep is given (--reuse then skips making it again).
"""

import argparse
import io
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

DB_NAME = "outcomes_bench_analysis"
SERVER = os.environ.get("BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432")
BOROUGH_TARGET, SCHOOL_TARGET = 5.0, 1.0
REPEATS = 3


def admin(sql: str) -> None:
    import psycopg

    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as conn:
        conn.execute(sql)


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f}, {five:.2f}, {fifteen:.2f}"


def verdict(seconds: float, target: float) -> str:
    return f"[target {target:g} s: {'met' if seconds <= target else 'NOT met'}]"


def median_of(timed, repeats: int = REPEATS) -> float:
    return statistics.median(timed() for _ in range(repeats))


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
    os.environ.setdefault("SECRET_KEY", "outcomes-benchmark-key-on-loopback-only")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    try:
        with open(os.devnull, "w") as quiet:
            call_command("migrate", verbosity=0, stdout=quiet)
            call_command("load_demo", stdout=quiet)
        from outcomes.accounts.models import User
        from outcomes.accounts.roles import Role
        from outcomes.surveys import generator, releases, suppression
        from outcomes.surveys import questionnaire as questionnaires
        from outcomes.surveys.models import Edition, Response
        from outcomes.surveys.results import kept, reports, stored

        edition = Edition.objects.get(slug="primary-2009")
        missing = args.n - Response.objects.filter(edition=edition).count()
        started = time.perf_counter()
        if missing > 0:
            generator.generate(edition, missing, seed=2024, days=(edition.opens, edition.opens))
        made = time.perf_counter() - started
        total = Response.objects.filter(edition=edition).count()
        questions = sum(1 for item in questionnaires.load(edition).items if item.number)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

        def forget_everything() -> None:
            kept._CACHE.clear()
            kept._ANSWERS.clear()
            stored._KEPT.clear()
            suppression.forget_decompositions()

        def cold_borough() -> float:
            forget_everything()
            start = time.perf_counter()
            results = reports.borough_results(edition)
            elapsed = time.perf_counter() - start
            assert results.respondents.value == total
            return elapsed

        officer, _ = User.objects.get_or_create(
            username="bench-performance-officer", defaults={"role": Role.PERFORMANCE_OFFICER}
        )
        client = Client()
        client.force_login(officer)

        def page(school) -> float:
            """GET the school's report page: what a request does, from the view to the HTML."""
            start = time.perf_counter()
            response = client.get(f"/surveys/{edition.slug}/results/{school.code}/")
            elapsed = time.perf_counter() - start
            assert response.status_code == 200, response.status_code
            return elapsed

        def nothing_kept_page(school) -> float:
            forget_everything()
            return page(school)

        def command(school) -> float:
            forget_everything()
            out = io.StringIO()
            start = time.perf_counter()
            call_command("survey_report", edition=edition.slug, school=school.code, stdout=out)
            elapsed = time.perf_counter() - start
            assert out.getvalue().startswith("{")
            return elapsed

        load_before = load()
        borough = median_of(cold_borough)
        forget_everything()
        started = time.perf_counter()
        release = releases.publish(edition)
        published = time.perf_counter() - started
        schools = [r.school for r in release.reports.exclude(school=None).select_related("school")]
        cold = {school.name: median_of(lambda school=school: nothing_kept_page(school)) for school in schools}
        warm = {school.name: median_of(lambda school=school: page(school)) for school in schools}
        slowest_name = max(cold, key=cold.get)
        slowest_school = next(s for s in schools if s.name == slowest_name)
        as_json = median_of(lambda: command(slowest_school))
        load_after = load()

        print(f"Survey analysis benchmark on {connection.vendor} ({connection.settings_dict['NAME']})")
        print(f"  responses to {edition.slug}: {total:,} ({questions} questions); generated in {made:.1f} s")
        print(
            f"  {load_before} before timing, {load_after} after "
            f"({os.cpu_count()} cores, shared; medians of {REPEATS})"
        )
        print(
            f"  borough analysis from cold, every question with gender and ethnic splits: "
            f"{borough:.3f} s  {verdict(borough, BOROUGH_TARGET)}"
        )
        print(
            f"  publishing a release (every report, protected together; once per release): {published:.1f} s"
        )
        print(
            f"  school report pages read from the release ({len(cold)}), nothing kept in the process: "
            f"median {statistics.median(cold.values()):.3f} s, slowest {cold[slowest_name]:.3f} s "
            f"({slowest_name})  {verdict(cold[slowest_name], SCHOOL_TARGET)}"
        )
        print(
            f"  the same pages, the release kept: median {statistics.median(warm.values()):.3f} s, "
            f"slowest {max(warm.values()):.3f} s"
        )
        print(
            f"  {slowest_name} as survey_report --school prints it (JSON): {as_json:.3f} s  "
            f"{verdict(as_json, SCHOOL_TARGET)}"
        )
        print(f"    {'school':<36} {'cold':>7} {'kept':>7}")
        for name, seconds in cold.items():
            print(f"    {name:<36} {seconds:6.3f}s {warm[name]:6.3f}s")
    finally:
        connection.close()
        if not args.keep:
            admin(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')


if __name__ == "__main__":
    main()
