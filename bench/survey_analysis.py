"""Benchmark: the Lifestyle Survey results on PostgreSQL at 100,000 responses (issue 4: "every
borough-wide frequency with its gender and ethnic splits within 5 s, each school report within 1 s").

Creates a throwaway database (outcomes_bench_analysis on 127.0.0.1:5432, user postgres, or
BENCH_POSTGRES_URL), loads the demo, adds synthetic responses to primary-2009 with the survey
generator until there are --n of them, then times, each the median of 3:

- the borough analysis from cold (nothing kept in the process): every question and grid row, all
  pupils and each gender and ethnic group, read in one query, counted with numpy, suppressed and
  compared with earlier editions;
- each school's report page, requested as a performance officer through Django's test client (the
  view's analysis, participation, tables and template), with the school's figures not kept and the
  borough's kept, as a server process keeps them between requests; the suppression's kept
  decompositions are dropped before each, so that a school gains nothing from the one timed before;
- the slowest school's page with nothing kept: the first request of a process, or the first after a
  new response (the borough's figures are then counted as well);
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
        from outcomes.surveys import generator, suppression
        from outcomes.surveys import questionnaire as questionnaires
        from outcomes.surveys.models import Edition, Response, School
        from outcomes.surveys.results import kept, reports

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
            suppression.forget_decompositions()

        def forget_school_figures() -> None:
            """Keep only what a process keeps between requests for the borough."""
            borough = reports.borough_results(edition, compare=False)
            for key in [k for k, found in kept._CACHE.items() if found is not borough]:
                del kept._CACHE[key]
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

        # The part of each page that is the school's figures (school_results, which is what this
        # benchmark timed before it timed whole pages), measured inside the same requests.
        in_analysis: list[float] = []
        school_results = reports.school_results

        def timed_school_results(*args, **kwargs):
            start = time.perf_counter()
            try:
                return school_results(*args, **kwargs)
            finally:
                in_analysis.append(time.perf_counter() - start)

        def page(school) -> float:
            """GET the school's report page: what a request does, from the view to the HTML."""
            start = time.perf_counter()
            response = client.get(f"/surveys/{edition.slug}/results/{school.code}/")
            elapsed = time.perf_counter() - start
            assert response.status_code == 200, response.status_code
            return elapsed

        def kept_borough_page(school) -> float:
            forget_school_figures()
            return page(school)

        def school_pages(school) -> tuple[float, float]:
            """The page's median of REPEATS, and that of the school_results part of the same requests."""
            in_analysis.clear()
            reports.school_results = timed_school_results
            try:
                pages = [kept_borough_page(school) for _ in range(REPEATS)]
            finally:
                reports.school_results = school_results
            return statistics.median(pages), statistics.median(in_analysis)

        def nothing_kept_page(school) -> float:
            forget_everything()
            return page(school)

        def command(school) -> float:
            forget_school_figures()
            out = io.StringIO()
            start = time.perf_counter()
            call_command("survey_report", edition=edition.slug, school=school.code, stdout=out)
            elapsed = time.perf_counter() - start
            assert out.getvalue().startswith("{")
            return elapsed

        schools = list(School.objects.filter(responses__edition=edition).distinct().order_by("name"))
        load_before = load()
        borough = median_of(cold_borough)
        timed = {school.name: school_pages(school) for school in schools}
        by_school = {name: pages for name, (pages, _) in timed.items()}
        analysed = {name: part for name, (_, part) in timed.items()}
        slowest_name = max(by_school, key=by_school.get)
        slowest = by_school[slowest_name]
        slowest_school = next(s for s in schools if s.name == slowest_name)
        cold_school = median_of(lambda: nothing_kept_page(slowest_school))
        as_json = median_of(lambda: command(slowest_school))
        load_after = load()
        school_median = statistics.median(by_school.values())

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
            f"  school report pages ({len(by_school)}, borough kept): "
            f"median {school_median:.3f} s, slowest {slowest:.3f} s ({slowest_name})  "
            f"{verdict(slowest, SCHOOL_TARGET)}"
        )
        print(
            f"    of which the school's figures (school_results, as this benchmark timed reports before): "
            f"median {statistics.median(analysed.values()):.3f} s, slowest {max(analysed.values()):.3f} s"
        )
        print(
            f"  {slowest_name}'s page with nothing kept (a process's first request, or the first "
            f"after a new response): {cold_school:.3f} s  {verdict(cold_school, SCHOOL_TARGET)}"
        )
        print(
            f"  {slowest_name} as survey_report --school prints it (JSON, borough kept): {as_json:.3f} s  "
            f"{verdict(as_json, SCHOOL_TARGET)}"
        )
        print(f"    {'school':<36} {'page':>7} {'figures':>8}")
        for name, seconds in by_school.items():
            print(f"    {name:<36} {seconds:6.3f}s {analysed[name]:7.3f}s")
    finally:
        connection.close()
        if not args.keep:
            admin(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')


if __name__ == "__main__":
    main()
