from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from outcomes.indicators import access
from outcomes.indicators.areas import home_area
from outcomes.indicators.models import ExceptionRecord
from outcomes.indicators.views.common import check_format, select_items, table_download

STATUSES = [("open", "Open"), ("closed", "Closed"), ("all", "Open and closed")]
HEADERS = ["Indicator", "Name", "Area", "Period", "Exception", "Detail", "Opened", "Closed", "Clinics"]


def _filtered(request: HttpRequest):
    status = request.GET.get("status") or "open"
    kind = request.GET.get("kind", "")
    topic = request.GET.get("topic", "")
    q = request.GET.get("q", "").strip()
    records = ExceptionRecord.objects.select_related("indicator", "area", "period")
    records = records.prefetch_related("clinics")
    if status == "open":
        records = records.filter(closed_at__isnull=True)
    elif status == "closed":
        records = records.filter(closed_at__isnull=False)
    if kind:
        records = records.filter(kind=kind)
    if topic:
        records = records.filter(indicator__topic=topic)
    if q:
        records = records.filter(Q(indicator__code__icontains=q) | Q(indicator__name__icontains=q))
    records = records.order_by("closed_at", "indicator__topic", "indicator__code", "kind", "-opened_at")
    return records, {"status": status, "kind": kind, "topic": topic, "q": q}


@login_required
def exception_list(request: HttpRequest) -> HttpResponse:
    access.require_reader(request.user)
    records, filters = _filtered(request)
    topics = (
        ExceptionRecord.objects.exclude(indicator__topic="")
        .order_by("indicator__topic")
        .values_list("indicator__topic", flat=True)
        .distinct()
    )
    return render(
        request,
        "indicators/exception_list.html",
        {
            "section": "exceptions",
            "records": records,
            "filters": filters,
            "status_items": select_items(STATUSES, filters["status"]),
            "kind_items": select_items(ExceptionRecord.KINDS, filters["kind"], "Every kind"),
            "topic_items": select_items(list(topics), filters["topic"], "All topics"),
            "home": home_area(),
            "query": request.GET.urlencode(),
            "code_slug": access.code_slug,
            "area_key": access.area_key,
            "clinic_reader": access.can_read_clinics(request.user),
            "manages": access.manages_indicators(request.user),
        },
    )


@login_required
def exceptions_export(request: HttpRequest, fmt: str) -> HttpResponse:
    access.require_reader(request.user)
    check_format(fmt)
    records, _ = _filtered(request)
    clinics = access.can_read_clinics(request.user)
    rows = [
        [
            r.indicator.code,
            r.indicator.name,
            r.area.name,
            r.period.label,
            r.get_kind_display(),
            r.detail,
            # Local date and time as a date-time cell, so the list sorts by when (decision 0067).
            timezone.localtime(r.opened_at) if r.opened_at else None,
            timezone.localtime(r.closed_at) if r.closed_at else None,
            "; ".join(c.title for c in r.clinics.all()) if clinics else "",
        ]
        for r in records
    ]
    return table_download(HEADERS, rows, fmt, "exceptions", "Exceptions")
