from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from outcomes.core import downloads
from outcomes.plans import access, rules
from outcomes.reports.progress import build_progress_report, report_as_json, weights_label
from outcomes.reports.render_docx import progress_report_docx
from outcomes.reports.render_xlsx import progress_report_xlsx


def _report(request: HttpRequest, slug: str, round_slug: str):
    round_ = access.get_round_report_for_user(request.user, slug, round_slug)
    return build_progress_report(round_)


@login_required
def progress_html(request: HttpRequest, slug: str, round_slug: str) -> HttpResponse:
    report = _report(request, slug, round_slug)
    return render(
        request,
        "reports/progress.html",
        {
            "section": "plans" if access.can_view_plan(request.user, report.plan) else "home",
            "report": report,
            "statuses": {s.key: s for s in report.statuses},
            "label": lambda weights: weights_label(report, weights),
            "can_see_plan": access.can_view_plan(request.user, report.plan),
            "no_red_text": rules.NO_RED_MILESTONES_TEXT,
        },
    )


@login_required
def progress_docx(request: HttpRequest, slug: str, round_slug: str) -> HttpResponse:
    report = _report(request, slug, round_slug)
    content = progress_report_docx(report)
    return downloads.attachment(content, f"{report.plan.slug}-{report.round.slug}-progress-report.docx")


@login_required
def progress_xlsx(request: HttpRequest, slug: str, round_slug: str) -> HttpResponse:
    report = _report(request, slug, round_slug)
    content = progress_report_xlsx(report)
    return downloads.attachment(content, f"{report.plan.slug}-{report.round.slug}-progress-report.xlsx")


@login_required
def progress_json(request: HttpRequest, slug: str, round_slug: str) -> HttpResponse:
    report = _report(request, slug, round_slug)
    return JsonResponse(report_as_json(report), json_dumps_params={"ensure_ascii": False, "indent": 1})
