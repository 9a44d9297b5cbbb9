from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST
from markupsafe import Markup

from outcomes.core import downloads
from outcomes.core.confirm import Confirmation, confirm_first
from outcomes.documents import publications
from outcomes.documents.publications import Publication, PublicationConflict
from outcomes.plans import access
from outcomes.plans.models import Round
from outcomes.reports import publishing
from outcomes.reports.document import progress_report_docx, progress_report_html, progress_report_pdf
from outcomes.reports.progress import ProgressReport, build_progress_report, report_as_json
from outcomes.reports.render_xlsx import progress_report_xlsx


def _report(request: HttpRequest, slug: str, round_slug: str) -> tuple[Round, ProgressReport]:
    """Viewers read the current publication; everyone else the round's working report."""
    round_ = access.get_round_report_for_user(request.user, slug, round_slug)
    return round_, publishing.report_for_reader(request.user, round_)


def _version(request: HttpRequest, slug: str, round_slug: str, version: int):
    round_ = access.get_round_report_for_user(request.user, slug, round_slug)
    publication = publications.version(publishing.KIND, publishing.subject(round_), version)
    if publication is None:
        raise Http404("No such version")
    return round_, publication, publishing.published_report(publication)


def _page(request: HttpRequest, round_: Round, report: ProgressReport, links: list, working: bool):
    can_see_plan = access.can_view_plan(request.user, round_.plan)
    return render(
        request,
        "reports/progress.html",
        {
            "section": "plans" if can_see_plan else "home",
            "report": report,
            "round": round_,
            "body": Markup(progress_report_html(report)),
            "can_see_plan": can_see_plan,
            "download_links": links,
            "working": working,
            "versions": publishing.versions(round_),
            "manages": access.manages_plans(request.user),
        },
    )


def _links(name: str, *args) -> list[tuple[str, str]]:
    return [
        ("Word document (.docx)", reverse(f"reports:{name}_docx", args=args)),
        ("PDF", reverse(f"reports:{name}_pdf", args=args)),
        ("Excel workbook (.xlsx)", reverse(f"reports:{name}_xlsx", args=args)),
        ("JSON", reverse(f"reports:{name}_json", args=args)),
    ]


def _filename(report: ProgressReport, extension: str) -> str:
    version = f"-version-{report.stamp.version}" if report.stamp else ""
    return f"{report.plan.slug}-{report.round.slug}-progress-report{version}.{extension}"


def _json(report: ProgressReport) -> JsonResponse:
    return JsonResponse(report_as_json(report), json_dumps_params={"ensure_ascii": False, "indent": 1})


@login_required
def progress_html(request: HttpRequest, slug: str, round_slug: str) -> HttpResponse:
    round_, report = _report(request, slug, round_slug)
    return _page(request, round_, report, _links("progress", slug, round_slug), working=report.stamp is None)


@login_required
def progress_docx(request: HttpRequest, slug: str, round_slug: str) -> HttpResponse:
    _, report = _report(request, slug, round_slug)
    return downloads.attachment(progress_report_docx(report), _filename(report, "docx"))


@login_required
def progress_pdf(request: HttpRequest, slug: str, round_slug: str) -> HttpResponse:
    _, report = _report(request, slug, round_slug)
    return downloads.attachment(progress_report_pdf(report), _filename(report, "pdf"))


@login_required
def progress_xlsx(request: HttpRequest, slug: str, round_slug: str) -> HttpResponse:
    _, report = _report(request, slug, round_slug)
    return downloads.attachment(progress_report_xlsx(report), _filename(report, "xlsx"))


@login_required
def progress_json(request: HttpRequest, slug: str, round_slug: str) -> HttpResponse:
    return _json(_report(request, slug, round_slug)[1])


@login_required
def version_html(request: HttpRequest, slug: str, round_slug: str, version: int) -> HttpResponse:
    round_, _, report = _version(request, slug, round_slug, version)
    return _page(request, round_, report, _links("version", slug, round_slug, version), working=False)


@login_required
def version_docx(request: HttpRequest, slug: str, round_slug: str, version: int) -> HttpResponse:
    report = _version(request, slug, round_slug, version)[2]
    return downloads.attachment(progress_report_docx(report), _filename(report, "docx"))


@login_required
def version_pdf(request: HttpRequest, slug: str, round_slug: str, version: int) -> HttpResponse:
    report = _version(request, slug, round_slug, version)[2]
    return downloads.attachment(progress_report_pdf(report), _filename(report, "pdf"))


@login_required
def version_xlsx(request: HttpRequest, slug: str, round_slug: str, version: int) -> HttpResponse:
    report = _version(request, slug, round_slug, version)[2]
    return downloads.attachment(progress_report_xlsx(report), _filename(report, "xlsx"))


@login_required
def version_json(request: HttpRequest, slug: str, round_slug: str, version: int) -> HttpResponse:
    return _json(_version(request, slug, round_slug, version)[2])


def _question(round_: Round, interim: bool, versions: list[Publication]) -> Confirmation:
    what = "an interim report" if interim else "the report"
    consequences = [
        "Viewers (board, scrutiny and panel members) will read the report exactly as it is now, and "
        "download it as Word, Excel and JSON. Later changes to the round do not change what they read.",
    ]
    if interim:
        consequences.append(
            "The round is still open: the report will say on every page and document that it is interim."
        )
    if versions:
        consequences.append(
            f"It becomes version {len(versions) + 1}, replacing version {versions[-1].version}, with a list "
            "of what changed. Every earlier version stays readable."
        )
    return Confirmation(
        title=f"Publish {what} for {round_.title}?",
        consequences=consequences,
        button=f"Publish {what}",
        cancel_url=reverse("plans:round", args=[round_.plan.slug, round_.slug]),
        warning=False,
        caption=round_.plan.title,
    )


@login_required
@require_POST
def publish(request: HttpRequest, slug: str, round_slug: str) -> HttpResponse:
    round_ = access.get_round_to_manage(request.user, slug, round_slug)
    back = reverse("plans:round", args=[slug, round_slug])
    interim = not round_.is_closed
    posted = request.POST.get("interim")
    if posted is not None and posted != ("1" if interim else "0"):
        # The page was opened before the round closed (or the other way round): ask again from it.
        messages.error(request, "The round has closed or reopened since that page was opened: look again.")
        return redirect(back)
    content = report_as_json(build_progress_report(round_))
    problem = publishing.publish_problem(round_, interim=interim, content=content)
    if problem:
        messages.error(request, problem)
        return redirect(back)
    asked = confirm_first(request, _question(round_, interim, publishing.versions(round_)), section="plans")
    if asked is not None:
        return asked
    try:
        publication = publishing.publish_report(user=request.user, round_=round_, interim=interim)
    except (publishing.PublishRefused, PublicationConflict) as exc:
        messages.error(request, str(exc))
        return redirect(back)
    messages.success(
        request,
        f"Version {publication.version} of the report for '{round_.title}' is published"
        f"{' as an interim report' if interim else ''}.",
    )
    return redirect("reports:version", slug, round_slug, publication.version)


def register_pages() -> None:
    """A published version opens at its own address for whoever may read the round's report."""

    def version_url(user, publication: Publication) -> str | None:
        round_id = publication.subject.removeprefix("round:")
        round_ = Round.objects.filter(pk=int(round_id)).select_related("plan").first()
        if round_ is None or not access.can_read_report(user, round_):
            return None
        return reverse("reports:version", args=[round_.plan.slug, round_.slug, publication.version])

    publications.register_kind(publishing.KIND, name="progress report", url=version_url)
