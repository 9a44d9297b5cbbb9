"""The inspections' list and pages, an inspection added and changed, the recommendations page with
the two figures as at a date, its downloads, and the monthly snapshots. Views are thin: access.py
decides who, services.py and snapshots.py change, report.py computes."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from outcomes.core import downloads
from outcomes.core.confirm import Confirmation, confirm_first
from outcomes.core.forms import error_list
from outcomes.documents import publications
from outcomes.documents.render import render_html
from outcomes.inspections import access, outputs, register_job, report, services, snapshots
from outcomes.inspections.forms import DocumentForm, InspectionForm, new_slug
from outcomes.inspections.history import inspection_history
from outcomes.inspections.models import Inspection
from outcomes.inspections.view_steps import SECTION, as_at_of, form_page
from outcomes.jobs.queue import start_job

STATUS_FILTERS = [
    ("", "Any status"),
    ("open", "Open"),
    ("complete", "Complete"),
    ("superseded", "Superseded"),
]


@login_required
def inspection_list(request: HttpRequest) -> HttpResponse:
    access.require_reader(request.user)
    inspections = Inspection.objects.prefetch_related("judgements", "recommendations")
    return render(
        request,
        "inspections/list.html",
        {"section": SECTION, "inspections": inspections, "manages": access.manages(request.user)},
    )


@login_required
def inspection_detail(request: HttpRequest, slug: str) -> HttpResponse:
    inspection = access.get_inspection_for_user(request.user, slug)
    as_at, form = as_at_of(request, timezone.localdate())
    built = report.build(as_at, inspection)
    return render(
        request,
        "inspections/inspection.html",
        {
            "section": SECTION,
            "inspection": inspection,
            "report": built,
            "form": form,
            "errors": error_list(form),
            "manages": access.manages(request.user),
            "history": inspection_history(inspection),
        },
    )


def _inspection_values(inspection: Inspection) -> dict:
    return {
        "title": inspection.title,
        "inspectorate": inspection.inspectorate,
        "kind": inspection.kind,
        "starts_on": inspection.starts_on,
        "ends_on": inspection.ends_on,
        "published_on": inspection.published_on,
        "judgements": "\n".join(f"{j.area}: {j.grade}" for j in inspection.judgements.all()),
        "notes": inspection.notes,
    }


@login_required
@require_http_methods(["GET", "POST"])
def inspection_form(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    if slug is None:
        access.require_manager(request.user)
        inspection = None
    else:
        inspection = access.get_inspection_to_manage(request.user, slug)
    form = InspectionForm(
        request.POST or None, initial=_inspection_values(inspection) if inspection else None
    )

    def act(data: dict) -> HttpResponse:
        judgements = data.pop("judgements")
        if inspection is None:
            saved = services.create_inspection(
                user=request.user,
                slug=new_slug(data["title"], data["starts_on"]),
                judgements=judgements,
                **data,
            )
            messages.success(request, f"{saved.title} added. Add its recommendations next.")
        else:
            saved = services.edit_inspection(
                user=request.user, inspection=inspection, judgements=judgements, **data
            )
            messages.success(request, "The inspection's details are saved.")
        return redirect("inspections:inspection", saved.slug)

    return form_page(
        request,
        form,
        act,
        heading="Change the inspection" if inspection else "Add an inspection",
        caption=inspection.title if inspection else "",
        button="Save the inspection" if inspection else "Add the inspection",
        cancel=reverse("inspections:inspection", args=[inspection.slug])
        if inspection
        else reverse("inspections:list"),
    )


def _filters(request: HttpRequest):
    slug = request.GET.get("inspection", "")
    inspection = Inspection.objects.filter(slug=slug).first() if slug else None
    status = request.GET.get("status", "")
    if status not in dict(STATUS_FILTERS):
        status = ""
    return inspection, status, request.GET.get("at_risk") == "yes"


@login_required
def recommendation_list(request: HttpRequest) -> HttpResponse:
    access.require_reader(request.user)
    as_at, form = as_at_of(request, timezone.localdate())
    inspection, status, at_risk = _filters(request)
    built = report.build(as_at, inspection, status, at_risk)
    query = request.GET.copy()
    query["as_at"] = as_at.isoformat()
    for part in ("day", "month", "year"):
        query.pop(f"as_at-{part}", None)
    return render(
        request,
        "inspections/recommendations.html",
        {
            "section": SECTION,
            "report": built,
            "form": form,
            "errors": error_list(form),
            "inspections": Inspection.objects.all(),
            "chosen": inspection,
            "status": status,
            "at_risk": at_risk,
            "statuses": STATUS_FILTERS,
            "query": query.urlencode(),
            "manages": access.manages(request.user),
        },
    )


@login_required
def recommendation_download(request: HttpRequest, fmt: str) -> HttpResponse:
    access.require_reader(request.user)
    if fmt not in outputs.FORMATS:
        raise Http404("No such format")
    as_at, _ = as_at_of(request, timezone.localdate())
    inspection, status, at_risk = _filters(request)
    data = report.build(as_at, inspection, status, at_risk).as_json()
    content = outputs.render(data, fmt, outputs.titles(), inspection.title if inspection else "")
    return downloads.attachment(content, outputs.filename(data, fmt))


@login_required
@require_POST
def recommendation_document(request: HttpRequest) -> HttpResponse:
    """Word or PDF of the recommendations as shown, made as a job; its page shows the progress and
    offers the file."""
    access.require_reader(request.user)
    form = DocumentForm(request.POST)
    if not form.is_valid():
        return HttpResponse("Choose Word or PDF.", status=400)
    data = form.cleaned_data
    on = data["as_at"] or timezone.localdate()
    inspection = Inspection.objects.filter(slug=data["inspection"]).first() if data["inspection"] else None
    job = start_job(
        register_job.recommendations,
        user=request.user,
        label=register_job.label(on, data["fmt"], inspection),
        as_at=on.isoformat(),
        fmt=data["fmt"],
        inspection=inspection.slug if inspection else "",
        status=data["status"],
        at_risk=data["at_risk"],
    )
    return redirect("jobs:detail", pk=job.pk)


@login_required
def snapshot_list(request: HttpRequest) -> HttpResponse:
    access.require_reader(request.user)
    today = timezone.localdate()
    year, month = snapshots.month_before(today)
    return render(
        request,
        "inspections/snapshots.html",
        {
            "section": SECTION,
            "snapshots": snapshots.all_months(),
            "manages": access.manages(request.user),
            "last_month": f"{year:04d}-{month:02d}",
            "last_month_end": snapshots.month_end(year, month),
        },
    )


@login_required
@require_POST
def snapshot_take(request: HttpRequest) -> HttpResponse:
    access.require_manager(request.user)
    parsed = snapshots.parse_month(request.POST.get("month", ""))
    if parsed is None:
        messages.error(request, "Choose a month written YYYY-MM.")
        return redirect("inspections:snapshots")
    year, month = parsed
    end = snapshots.month_end(year, month)
    again = snapshots.taken(year, month)
    asked = confirm_first(
        request,
        Confirmation(
            title=f"Take the snapshot as at {end:%d %B %Y}?",
            consequences=[
                "Both figures and every row as they stand for that date are frozen and listed for the "
                "leadership team.",
                "A new version replaces the one before; every version stays readable."
                if again
                else "It cannot be changed afterwards, only taken again as a new version.",
            ],
            button="Take the snapshot",
            cancel_url=reverse("inspections:snapshots"),
            warning=False,
        ),
        SECTION,
    )
    if asked is not None:
        return asked
    taken = snapshots.take(user=request.user, year=year, month=month)
    messages.success(request, f"Snapshot taken: version {taken.version}.")
    return redirect(
        f"{reverse('inspections:snapshot', args=[f'{year:04d}-{month:02d}'])}?version={taken.version}"
    )


@login_required
def snapshot_detail(request: HttpRequest, month: str) -> HttpResponse:
    access.require_reader(request.user)
    parsed = snapshots.parse_month(month)
    if parsed is None:
        raise Http404("No such month")
    subject = snapshots.subject(*parsed)
    versions = publications.versions(access.SNAPSHOT_KIND, subject)
    if not versions:
        raise Http404("No snapshot of this month")
    wanted = request.GET.get("version", "")
    chosen = next((v for v in versions if str(v.version) == wanted), versions[-1])
    fmt = request.GET.get("format", "")
    if fmt in outputs.FORMATS and fmt != "html":
        content = outputs.render(chosen.content, fmt, outputs.titles(), f"Version {chosen.version}")
        return downloads.attachment(
            content, outputs.filename(chosen.content, fmt).replace(".", f"-v{chosen.version}.", 1)
        )
    document = outputs.document(chosen.content, outputs.titles(), f"Version {chosen.version}")
    return render(
        request,
        "inspections/snapshot.html",
        {
            "section": SECTION,
            "month": month,
            "publication": chosen,
            "versions": versions,
            "body": render_html(document, title=False),
            "revision": publications.revision_line(chosen),
        },
    )
