from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from markupsafe import Markup

from outcomes.core import downloads
from outcomes.plans import access
from outcomes.reports.document import progress_report_docx, progress_report_html, progress_report_pdf
from outcomes.reports.progress import build_progress_report, report_as_json
from outcomes.reports.render_xlsx import progress_report_xlsx


def _report(request: HttpRequest, slug: str, round_slug: str):
    round_ = access.get_round_report_for_user(request.user, slug, round_slug)
    return build_progress_report(round_)


def _filename(report, extension: str) -> str:
    return f"{report.plan.slug}-{report.round.slug}-progress-report.{extension}"


@login_required
def progress_html(request: HttpRequest, slug: str, round_slug: str) -> HttpResponse:
    report = _report(request, slug, round_slug)
    return render(
        request,
        "reports/progress.html",
        {
            "section": "plans" if access.can_view_plan(request.user, report.plan) else "home",
            "report": report,
            "body": Markup(progress_report_html(report)),
            "can_see_plan": access.can_view_plan(request.user, report.plan),
        },
    )


@login_required
def progress_docx(request: HttpRequest, slug: str, round_slug: str) -> HttpResponse:
    report = _report(request, slug, round_slug)
    return downloads.attachment(progress_report_docx(report), _filename(report, "docx"))


@login_required
def progress_pdf(request: HttpRequest, slug: str, round_slug: str) -> HttpResponse:
    report = _report(request, slug, round_slug)
    return downloads.attachment(progress_report_pdf(report), _filename(report, "pdf"))


@login_required
def progress_xlsx(request: HttpRequest, slug: str, round_slug: str) -> HttpResponse:
    report = _report(request, slug, round_slug)
    return downloads.attachment(progress_report_xlsx(report), _filename(report, "xlsx"))


@login_required
def progress_json(request: HttpRequest, slug: str, round_slug: str) -> HttpResponse:
    report = _report(request, slug, round_slug)
    return JsonResponse(report_as_json(report), json_dumps_params={"ensure_ascii": False, "indent": 1})
