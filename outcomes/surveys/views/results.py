"""Survey results: the borough report, each school's report against the borough, and participation,
each as a page, an Excel workbook and a PDF (SPEC §3; docs/decisions/0030-0034)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from outcomes.core import downloads
from outcomes.surveys import access, feeds
from outcomes.surveys.models import Edition
from outcomes.surveys.results import reports
from outcomes.surveys.results.figures import suppression_threshold
from outcomes.surveys.results.participation import participation as participation_of
from outcomes.surveys.results.participation import school_participation
from outcomes.surveys.results_export import (
    legend,
    participation_tables,
    question_tables,
    results_workbook,
)
from outcomes.surveys.results_pdf import report_pdf
from outcomes.surveys.services import respondents_by_school


@login_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    user = request.user
    rows = []
    for edition in access.result_editions_for(user):
        schools = access.schools_of(user) if access.is_school_account(user) else None
        if access.manages_surveys(user):
            answered = respondents_by_school(edition)
            schools = [s for s in edition.links.select_related("school") if s.school_id in answered]
            schools = [link.school for link in schools]
        rows.append(
            {
                "edition": edition,
                "borough": access.can_read_borough_results(user, edition),
                "schools": list(schools) if schools is not None else [],
            }
        )
    return render(request, "surveys/results/index.html", {"section": "results", "rows": rows})


def _borough(request: HttpRequest, slug: str):
    edition = access.get_borough_results_for_user(request.user, slug)
    return edition, reports.borough_results(edition)


@login_required
@require_GET
def borough_report(request: HttpRequest, slug: str) -> HttpResponse:
    edition, results = _borough(request, slug)
    feeding = feeds.feeds_of(edition) if access.manages_surveys(request.user) else []
    return render(
        request,
        "surveys/results/report.html",
        {
            "section": "results",
            "edition": edition,
            "results": results,
            "tables": question_tables(results),
            "legend": legend(results.threshold),
            "feeding": feeding,
            "can_feed": access.manages_surveys(request.user) and bool(feeding),
        },
    )


@login_required
@require_GET
def borough_report_xlsx(request: HttpRequest, slug: str) -> HttpResponse:
    edition, results = _borough(request, slug)
    return downloads.attachment(results_workbook(results), f"{edition.slug}-results.xlsx")


@login_required
@require_GET
def borough_report_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    edition, results = _borough(request, slug)
    content = report_pdf(
        edition.title, "Borough report", [legend(results.threshold)], question_tables(results)
    )
    return downloads.attachment(content, f"{edition.slug}-results.pdf")


@login_required
@require_GET
def participation(request: HttpRequest, slug: str) -> HttpResponse:
    edition = access.get_borough_results_for_user(request.user, slug)
    taking_part = participation_of(edition)
    return render(
        request,
        "surveys/results/participation.html",
        {
            "section": "results",
            "edition": edition,
            "participation": taking_part,
            "tables": participation_tables(taking_part, None),
            "legend": legend(suppression_threshold(edition)),
        },
    )


@login_required
@require_GET
def participation_xlsx(request: HttpRequest, slug: str) -> HttpResponse:
    edition = access.get_borough_results_for_user(request.user, slug)
    taking_part = participation_of(edition)
    results = reports.borough_results(edition)
    content = results_workbook(results, taking_part, frequencies=False)
    return downloads.attachment(content, f"{edition.slug}-participation.xlsx")


@login_required
@require_GET
def participation_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    edition = access.get_borough_results_for_user(request.user, slug)
    taking_part = participation_of(edition)
    content = report_pdf(
        edition.title,
        "Participation by school and by area",
        [legend(suppression_threshold(edition))],
        participation_tables(taking_part, None),
    )
    return downloads.attachment(content, f"{edition.slug}-participation.pdf")


def _school(request: HttpRequest, slug: str, code: str):
    edition, school = access.get_school_report_for_user(request.user, slug, code)
    results = reports.school_results(edition, school)
    return edition, school, results, school_participation(results)


@login_required
@require_GET
def school_report(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    edition, school, results, own = _school(request, slug, code)
    return render(
        request,
        "surveys/results/report.html",
        {
            "section": "results",
            "edition": edition,
            "school": school,
            "results": results,
            "own": participation_tables(None, own)[0],
            "tables": question_tables(results),
            "legend": legend(results.threshold),
        },
    )


@login_required
@require_GET
def school_report_xlsx(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    edition, school, results, own = _school(request, slug, code)
    return downloads.attachment(
        results_workbook(results, None, own), f"{edition.slug}-{school.code}-report.xlsx"
    )


@login_required
@require_GET
def school_report_pdf(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    edition, school, results, own = _school(request, slug, code)
    content = report_pdf(
        edition.title,
        f"School report: {school.name}, against the borough",
        [legend(results.threshold)],
        participation_tables(None, own) + question_tables(results),
    )
    return downloads.attachment(content, f"{edition.slug}-{school.code}-report.pdf")


@login_required
@require_POST
def feed_indicators(request: HttpRequest, slug: str) -> HttpResponse:
    edition = access.get_edition_to_manage(request.user, slug)
    if edition.state == Edition.DRAFT:
        messages.error(request, "A draft edition has no results to send to indicators.")
        return redirect("surveys:results")
    try:
        written = feeds.feed_indicators(edition, user=request.user)
    except feeds.NoHomeArea as problem:
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
