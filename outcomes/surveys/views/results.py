"""Survey results: the borough report, each school's report against the borough, and participation,
each as a page, an Excel workbook, Word and a tagged PDF (SPEC §3; docs/decisions/0030-0034, 0095)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from outcomes.core import downloads
from outcomes.jobs.queue import start_job
from outcomes.surveys import access, feeds, releases, school_reports, schools
from outcomes.surveys.models import Edition, Release, Response
from outcomes.surveys.results_document import (
    borough_document,
    participation_document,
    rendered,
    school_document,
)
from outcomes.surveys.results_export import (
    legend,
    participation_tables,
    question_tables,
    release_note,
    results_workbook,
)
from outcomes.surveys.results_summary import layout


@login_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    user = request.user
    rows = []
    for edition in access.result_editions_for(user):
        release = access.release_for_user(user, edition)
        schools = []
        if release is not None and access.is_school_account(user):
            schools = list(access.schools_of(user))
        elif release is not None and access.manages_surveys(user):
            schools = [r.school for r in release.reports.exclude(school=None).select_related("school")]
            schools.sort(key=lambda s: s.name)
        rows.append(
            {
                "edition": edition,
                "release": release,
                "borough": release is not None and access.can_read_borough_results(user, edition),
                "schools": schools,
                "can_publish": access.manages_surveys(user),
            }
        )
    return render(request, "surveys/results/index.html", {"section": "results", "rows": rows})


def _release(request: HttpRequest, edition: Edition) -> Release | None:
    """The release asked for (``?release=N``) or the latest the user may read."""
    number = request.GET.get("release", "")
    release = access.release_for_user(request.user, edition, number=int(number) if number.isdigit() else None)
    if release is None and number:
        raise Http404("No such release")
    return release


def _not_released(request: HttpRequest, edition: Edition, school=None, release=None) -> HttpResponse:
    return render(
        request,
        "surveys/results/not_released.html",
        {
            "section": "results",
            "edition": edition,
            "school": school,
            "release": release,
            "can_publish": access.manages_surveys(request.user),
        },
    )


def _borough(request: HttpRequest, slug: str, *, download: bool = False):
    edition = access.get_borough_results_for_user(request.user, slug)
    release = _release(request, edition)
    if release is None:
        if download:
            raise Http404("No results have been released")
        return edition, None, None, None
    results, taking_part, _ = releases.borough_of(release)
    return edition, release, results, taking_part


def _release_context(release: Release) -> dict:
    return {"release": release, "release_note": release_note(release)}


@login_required
@require_GET
def borough_report(request: HttpRequest, slug: str) -> HttpResponse:
    edition, release, results, _ = _borough(request, slug)
    if release is None:
        return _not_released(request, edition)
    feeding = feeds.feeds_of(edition) if access.manages_surveys(request.user) else []
    return render(
        request,
        "surveys/results/report.html",
        {
            "section": "results",
            "edition": edition,
            "results": results,
            "layout": layout(results, question_tables(results)),
            "legend": legend(results.threshold),
            "feeding": feeding,
            "can_feed": access.manages_surveys(request.user) and bool(feeding),
            "can_zip_schools": access.reads_every_school_report(request.user),
            **_release_context(release),
        },
    )


@login_required
@require_GET
def borough_report_xlsx(request: HttpRequest, slug: str) -> HttpResponse:
    edition, _unused, results, _ = _borough(request, slug, download=True)
    return downloads.attachment(results_workbook(results), f"{edition.slug}-results.xlsx")


@login_required
@require_GET
def borough_report_document(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    """The borough report as Word or a tagged PDF."""
    edition, release, _, _ = _borough(request, slug, download=True)
    return downloads.attachment(rendered(borough_document(release), fmt), f"{edition.slug}-results.{fmt}")


@login_required
@require_GET
def participation(request: HttpRequest, slug: str) -> HttpResponse:
    edition, release, results, taking_part = _borough(request, slug)
    if release is None:
        return _not_released(request, edition)
    return render(
        request,
        "surveys/results/participation.html",
        {
            "section": "results",
            "edition": edition,
            "participation": taking_part,
            "school_count": schools.school_count(edition),
            "tables": participation_tables(taking_part, None),
            "legend": legend(results.threshold),
            **_release_context(release),
        },
    )


@login_required
@require_GET
def participation_xlsx(request: HttpRequest, slug: str) -> HttpResponse:
    edition, _unused, results, taking_part = _borough(request, slug, download=True)
    content = results_workbook(results, taking_part, frequencies=False)
    return downloads.attachment(content, f"{edition.slug}-participation.xlsx")


@login_required
@require_GET
def participation_document_download(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    edition, release, _, _ = _borough(request, slug, download=True)
    content = rendered(participation_document(release), fmt)
    return downloads.attachment(content, f"{edition.slug}-participation.{fmt}")


def _school(request: HttpRequest, slug: str, code: str, *, download: bool = False):
    edition, school = access.get_school_report_for_user(request.user, slug, code)
    release = _release(request, edition)
    found = releases.school_of(release, school) if release is not None else None
    if found is None and download:
        raise Http404("No school report has been released")
    results, own, _ = found if found is not None else (None, None, None)
    return edition, school, release, results, own


@login_required
@require_GET
def school_report(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    edition, school, release, results, own = _school(request, slug, code)
    if results is None:
        return _not_released(request, edition, school, release)
    return render(
        request,
        "surveys/results/report.html",
        {
            "section": "results",
            "edition": edition,
            "school": school,
            "results": results,
            "own": participation_tables(None, own)[0],
            "layout": layout(results, question_tables(results)),
            "legend": legend(results.threshold),
            **_release_context(release),
        },
    )


@login_required
@require_GET
def school_report_xlsx(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    edition, school, _unused, results, own = _school(request, slug, code, download=True)
    return downloads.attachment(
        results_workbook(results, None, own),
        f"{edition.slug}-{school.code}-report.xlsx",
    )


@login_required
@require_GET
def school_report_document(request: HttpRequest, slug: str, code: str, fmt: str) -> HttpResponse:
    edition, school, release, _, _ = _school(request, slug, code, download=True)
    document = school_document(release, school)
    if document is None:
        raise Http404("No school report has been released")
    return downloads.attachment(rendered(document, fmt), f"{edition.slug}-{school.code}-report.{fmt}")


@login_required
@require_POST
def school_reports_zip(request: HttpRequest, slug: str) -> HttpResponse:
    """Every school's report of the release shown (the form's ``release``) made as PDFs in one .zip by
    a job, whose page shows its progress and then the download (decision 0114). Starting it changes
    nothing, so there is no confirm page."""
    number = request.POST.get("release", "")
    release = access.get_release_for_every_school_report(
        request.user, slug, int(number) if number.isdigit() else None
    )
    job = start_job(
        school_reports.school_reports_zip,
        user=request.user,
        label=(
            f"Every school's report as PDFs: {release.edition.title}, "
            f"{release.get_kind_display().lower()} release {release.number}"
        ),
        release=release.pk,
    )
    return redirect("jobs:detail", pk=job.pk)


@login_required
@require_GET
def release_list(request: HttpRequest, slug: str) -> HttpResponse:
    edition = access.get_edition_to_manage(request.user, slug)
    return render(
        request,
        "surveys/results/releases.html",
        {
            "section": "results",
            "edition": edition,
            "releases": edition.releases.select_related("published_by", "publication").order_by("-number"),
            "problem": releases.release_problem(edition),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def publish_release(request: HttpRequest, slug: str) -> HttpResponse:
    """A confirm page (no JavaScript) before results go out; POST publishes."""
    edition = access.get_edition_to_manage(request.user, slug)
    problem = releases.release_problem(edition)
    if request.method == "POST" and problem is None:
        release = releases.publish(edition, user=request.user)
        messages.success(
            request,
            f"Published {release.get_kind_display().lower()} release {release.number} of {edition.title}: "
            f"{release.respondents} responses.",
        )
        return redirect("surveys:borough_report", slug=edition.slug)
    last = releases.latest(edition)
    return render(
        request,
        "surveys/results/publish.html",
        {
            "section": "results",
            "edition": edition,
            "problem": problem,
            "last": last,
            "threshold": releases.next_threshold(edition),
            "kind": "final" if edition.state == Edition.CLOSED else "interim",
            "responses": Response.objects.filter(edition=edition).count(),
        },
        status=409 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def feed_indicators(request: HttpRequest, slug: str) -> HttpResponse:
    edition = access.get_edition_to_manage(request.user, slug)
    if edition.state == Edition.DRAFT:
        messages.error(request, "A draft edition has no results to send to indicators.")
        return redirect("surveys:results")
    try:
        written = feeds.feed_indicators(edition, user=request.user)
    except (feeds.NoHomeArea, feeds.NoRelease) as problem:
        messages.error(request, str(problem))
        return redirect("surveys:borough_report", slug=edition.slug)
    if written:
        listed = "; ".join(
            f"{w.indicator} {w.value}%" if w.value is not None else f"{w.indicator} suppressed"
            for w in written
        )
        messages.success(request, f"Indicator values written for {edition.title}: {listed}.")
    else:
        messages.info(request, "No question of this edition feeds an indicator.")
    return redirect("surveys:borough_report", slug=edition.slug)
