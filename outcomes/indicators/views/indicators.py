from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from outcomes.core import downloads
from outcomes.core.confirm import Confirmation, confirm_first
from outcomes.core.forms import error_list
from outcomes.indicators import access
from outcomes.indicators.areas import home_area
from outcomes.indicators.export_cells import figure_cell, rank_cells, unit_words
from outcomes.indicators.forms import MilestoneLinkForm, unlink_milestone
from outcomes.indicators.kpi_table import GOOD_PERFORMANCE, format_figure
from outcomes.indicators.models import (
    Area,
    ExceptionRecord,
    Indicator,
    MilestoneIndicatorLink,
    Period,
    Target,
    Value,
)
from outcomes.indicators.views.common import check_format, page_links, select_items, table_download
from outcomes.indicators.views.figures import series_for

LIST_HEADERS = ["Code", "Name", "Topic", "Good performance", "Unit", "Period", "Source", "Owner"]


def _filtered(request: HttpRequest):
    indicators = Indicator.objects.select_related("owner").order_by("topic", "code")
    q = request.GET.get("q", "").strip()
    topic = request.GET.get("topic", "")
    source = request.GET.get("source", "")
    if q:
        indicators = indicators.filter(Q(code__icontains=q) | Q(name__icontains=q))
    if topic:
        indicators = indicators.filter(topic=topic)
    if source == "lait":
        indicators = indicators.filter(from_lait=True)
    elif source == "own":
        indicators = indicators.filter(from_lait=False)
    return indicators, {"q": q, "topic": topic, "source": source}


def _list_row(i: Indicator) -> list[str]:
    return [
        i.code,
        i.name,
        i.topic,
        i.get_polarity_display(),
        i.get_unit_kind_display(),
        i.get_period_type_display(),
        "DfE LAIT" if i.from_lait else (i.source or "The partnership"),
        i.owner.name if i.owner_id else "",
    ]


@login_required
def indicator_list(request: HttpRequest) -> HttpResponse:
    access.require_reader(request.user)
    indicators, filters = _filtered(request)
    page = Paginator(indicators, 100).get_page(request.GET.get("page"))
    topics = Indicator.objects.exclude(topic="").order_by("topic").values_list("topic", flat=True).distinct()
    query = urlencode({k: v for k, v in filters.items() if v})
    base = "?" + (query + "&" if query else "") + "page="
    return render(
        request,
        "indicators/indicator_list.html",
        {
            "section": "indicators",
            "page": page,
            "topic_items": select_items(list(topics), filters["topic"], "All topics"),
            "page_items": page_links(page, base) if page.paginator.num_pages > 1 else [],
            "filters": filters,
            "query": query,
            "code_slug": access.code_slug,
            "home": _home(),
            "manages": access.manages_indicators(request.user),
        },
    )


@login_required
def list_export(request: HttpRequest, fmt: str) -> HttpResponse:
    access.require_reader(request.user)
    check_format(fmt)
    indicators, _ = _filtered(request)
    return table_download(LIST_HEADERS, [_list_row(i) for i in indicators], fmt, "indicators", "Indicators")


def _home() -> Area | None:
    return home_area()


def _chosen_area(request: HttpRequest) -> Area | None:
    key = request.GET.get("area", "")
    area = access.find_area(key) if key else None
    return area or _home() or Area.objects.filter(kind=Area.ENGLAND).first()


TARGET_HEADERS = ["For", "Target", "Amber tolerance", "Area", "Note"]


def _target_rows(indicator: Indicator) -> list[list[str]]:
    """The targets table in ``TARGET_HEADERS`` order, earliest first: the page and its downloads both
    read these rows, so the two cannot disagree."""
    dated = []
    for t in Target.objects.filter(indicator=indicator).select_related("period", "area"):
        when = t.period.label if t.period_id else f"By {t.due.day} {t.due:%B %Y}"
        value = format_figure(t.value, indicator)
        if t.upper_value is not None:
            value = f"{value} to {format_figure(t.upper_value, indicator)}"
        tolerance = ""
        if t.amber_tolerance is not None:
            amount = format_figure(t.amber_tolerance, None)
            tolerance = f"{amount}%" if t.tolerance_kind == Target.PERCENT else amount
            tolerance += " of the target" if t.tolerance_kind == Target.PERCENT else " (in its units)"
        area = t.area.name if t.area_id else "The partnership's area"
        dated.append((t.period.end if t.period_id else t.due, [when, value, tolerance, area, t.note]))
    return [row for _, row in sorted(dated, key=lambda d: d[0])]


def _target_export(indicator: Indicator) -> tuple[list[str], list[list]]:
    """The targets for CSV and Excel, in the page's order: the figures as numbers, a band's upper
    end and the tolerance's kind in columns of their own (decision 0067)."""
    unit = f" ({unit_words(indicator)})" if unit_words(indicator) else ""
    headers = [
        "For",
        f"Target{unit}",
        f"Upper end of the target band{unit}",
        "Amber tolerance",
        "Amber tolerance is",
        "Area",
        "Note",
    ]
    dated = []
    for t in Target.objects.filter(indicator=indicator).select_related("period", "area"):
        when = t.period.label if t.period_id else f"By {t.due.day} {t.due:%B %Y}"
        tolerance, kind = None, ""
        if t.amber_tolerance is not None:
            if t.tolerance_kind == Target.PERCENT:
                tolerance, kind = (
                    downloads.percent(t.amber_tolerance.normalize()),
                    "a percentage of the target",
                )
            else:
                tolerance, kind = figure_cell(t.amber_tolerance, indicator), "in the measure's units"
        row = [
            when,
            figure_cell(t.value, indicator),
            figure_cell(t.upper_value, indicator),
            tolerance,
            kind,
            t.area.name if t.area_id else "The partnership's area",
            t.note,
        ]
        dated.append((t.period.end if t.period_id else t.due, row))
    return headers, [row for _, row in sorted(dated, key=lambda d: d[0])]


@login_required
def indicator_detail(request: HttpRequest, code: str) -> HttpResponse:
    indicator = access.get_indicator_for_user(request.user, code)
    area = _chosen_area(request)
    series = series_for(indicator, area) if area else []
    exceptions = (
        ExceptionRecord.objects.filter(indicator=indicator, closed_at__isnull=True)
        .select_related("area", "period")
        .prefetch_related("clinics")
    )
    areas = Area.objects.exclude(kind=Area.OTHER).filter(active=True).order_by("kind", "name")
    return render(
        request,
        "indicators/indicator_detail.html",
        {
            "section": "indicators",
            "indicator": indicator,
            "slug": access.code_slug(indicator.code),
            "code_slug": access.code_slug,
            "area": area,
            "area_key": access.area_key(area) if area else "",
            "area_items": select_items(
                [(access.area_key(a), a.name) for a in areas], access.area_key(area) if area else ""
            ),
            "home": _home(),
            "series": series,
            "targets": _target_rows(indicator),
            "good": GOOD_PERFORMANCE.get(indicator.polarity, "No judgement"),
            "exceptions": exceptions,
            "clinics": indicator.clinics.all() if access.can_read_clinics(request.user) else [],
            "links": indicator.milestone_links.select_related("milestone__priority__plan"),
            "subs": indicator.sub_indicators.order_by("sub_label", "code"),
            "manages": access.manages_indicators(request.user),
        },
    )


@login_required
def indicator_export(request: HttpRequest, code: str, fmt: str) -> HttpResponse:
    indicator = access.get_indicator_for_user(request.user, code)
    check_format(fmt)
    area = _chosen_area(request)
    unit = f" ({unit_words(indicator)})" if unit_words(indicator) else ""
    headers = [
        "Period",
        "Period type",
        f"Value{unit}",
        "Not available because",
        "Status",
        "Numerator",
        "Denominator",
        "95% confidence interval: lower",
        "95% confidence interval: upper",
        f"Target{unit}",
        "On target",
        "RAG",
        "Direction of travel",
        f"Statistical neighbours' average{unit}",
        f"England{unit}",
        "Rank",
        "Rank of (authorities)",
        "Quartile band",
        "SPC",
        "Recent trend",
    ]
    rows = []
    for s in series_for(indicator, area) if area else []:
        for r in s.rows:
            v, fig = r.value, r.fig
            shown = v is not None and v.value is not None
            rows.append(
                [
                    r.period.label,
                    s.kind_label,
                    figure_cell(v.value, indicator) if shown else None,
                    None if shown else r.text,
                    v.get_status_display() if v else "",
                    v.numerator if v else None,
                    v.denominator if v else None,
                    figure_cell(fig.ci_lower, indicator) if fig else None,
                    figure_cell(fig.ci_upper, indicator) if fig else None,
                    figure_cell(fig.target_value, indicator) if fig else None,
                    str(r.on_target),
                    r.rag,
                    str(r.dot),
                    figure_cell(fig.sn_average, indicator) if fig else None,
                    figure_cell(fig.england_value, indicator) if fig else None,
                    *(rank_cells(fig.rank, fig.rank_of) if fig else [None, None]),
                    r.band,
                    r.spc,
                    r.trend,
                ]
            )
    name = f"{access.code_slug(indicator.code)}-{access.area_key(area) if area else 'none'}"
    return table_download(headers, rows, fmt, name, f"{indicator.code} {indicator.name}: {area}")


@login_required
def targets_export(request: HttpRequest, code: str, fmt: str) -> HttpResponse:
    indicator = access.get_indicator_for_user(request.user, code)
    check_format(fmt)
    headers, rows = _target_export(indicator)
    return table_download(
        headers,
        rows,
        fmt,
        f"{access.code_slug(indicator.code)}-targets",
        f"Targets of {indicator.code}",
    )


@login_required
@require_http_methods(["GET", "POST"])
def milestone_links(request: HttpRequest, code: str) -> HttpResponse:
    indicator = access.get_indicator_to_manage(request.user, code)
    slug = access.code_slug(indicator.code)
    ids = set(Value.objects.filter(indicator=indicator).values_list("period_id", flat=True))
    targeted = Target.objects.filter(indicator=indicator, period__isnull=False)
    ids |= set(targeted.values_list("period_id", flat=True))
    periods = list(Period.objects.filter(pk__in=ids).order_by("sort_key"))
    form = MilestoneLinkForm(request.POST if request.POST.get("action") == "link" else None, periods=periods)
    if request.method == "POST":
        if request.POST.get("action") == "unlink":
            link = (
                MilestoneIndicatorLink.objects.filter(indicator=indicator, pk=request.POST.get("link") or 0)
                .select_related("milestone__priority")
                .first()
            )
            if link is not None:
                asked = confirm_first(
                    request,
                    Confirmation(
                        title=f"Unlink {link.milestone.reference} from {indicator.code}?",
                        consequences=[
                            f"The milestone's page will no longer show {indicator.code}'s baseline, "
                            "target and actual."
                        ],
                        button="Unlink",
                        cancel_url=reverse("indicators:milestone_links", args=[slug]),
                    ),
                    section="indicators",
                )
                if asked is not None:
                    return asked
                unlink_milestone(request.user, link)
                messages.success(request, f"Unlinked {link.milestone.reference} from {indicator.code}.")
            return redirect("indicators:milestone_links", slug)
        if form.is_valid():
            link = form.save(request.user, indicator)
            messages.success(request, f"Linked {link.milestone.reference} to {indicator.code}.")
            return redirect("indicators:milestone_links", slug)
    return render(
        request,
        "indicators/milestone_links.html",
        {
            "section": "indicators",
            "indicator": indicator,
            "slug": slug,
            "form": form,
            "errors": error_list(form),
            "links": _link_rows(indicator),
        },
    )


LINK_HEADERS = ["Milestone", "Plan", "Milestone text", "Baseline period", "Target period"]


def _link_rows(indicator: Indicator) -> list[tuple[MilestoneIndicatorLink, list[str]]]:
    """Each milestone link with its row in ``LINK_HEADERS`` order, shared by the page and its downloads."""
    links = indicator.milestone_links.select_related(
        "milestone__priority__plan", "baseline_period", "target_period"
    ).order_by("milestone__priority__plan__title", "milestone__priority__number", "milestone__number")
    rows = []
    for link in links:
        m = link.milestone
        rows.append(
            (
                link,
                [
                    m.reference,
                    m.priority.plan.title,
                    m.text.splitlines()[0] if m.text else "",
                    link.baseline_period.label if link.baseline_period_id else "Earliest value",
                    link.target_period.label if link.target_period_id else "Latest target",
                ],
            )
        )
    return rows


@login_required
def milestone_links_export(request: HttpRequest, code: str, fmt: str) -> HttpResponse:
    indicator = access.get_indicator_to_manage(request.user, code)
    check_format(fmt)
    rows = [row for _, row in _link_rows(indicator)]
    slug = access.code_slug(indicator.code)
    return table_download(
        LINK_HEADERS, rows, fmt, f"{slug}-milestones", f"Milestones measured by {indicator.code}"
    )
