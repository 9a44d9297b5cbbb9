from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from outcomes.indicators import access
from outcomes.indicators.areas import home_area
from outcomes.indicators.kpi_table import KpiTable, build_kpi_table
from outcomes.indicators.models import Area, Indicator, Period, Value
from outcomes.indicators.views.common import check_format, select_items, table_download

# The set the page opens with: seed 004's "Make a positive contribution" indicators.
DEFAULT_TOPIC = "Make a positive contribution"
ANNUAL = (Period.FINANCIAL_YEAR, Period.ACADEMIC_YEAR, Period.CALENDAR_YEAR)


def _codes(text: str) -> list[str]:
    return [c.strip() for c in text.replace(",", "\n").splitlines() if c.strip()]


def _choose(request: HttpRequest) -> dict:
    """The set (codes typed, or a topic), the year and the area the table is for."""
    codes_text = request.GET.get("codes", "").strip()
    own = Indicator.objects.filter(from_lait=False).exclude(topic="").order_by("topic")
    topics = list(dict.fromkeys(own.values_list("topic", flat=True)))
    topic = request.GET.get("topic") or (DEFAULT_TOPIC if DEFAULT_TOPIC in topics else (topics or [""])[0])
    unknown = []
    if codes_text:
        codes = _codes(codes_text)
        wanted = {c.lower() for c in codes}
        pks = [pk for pk, code in Indicator.objects.values_list("pk", "code") if code.lower() in wanted]
        found = {i.code.lower(): i for i in Indicator.objects.filter(pk__in=pks)}
        chosen = [found[c.lower()] for c in codes if c.lower() in found]
        indicators = list({i.pk: i for i in chosen}.values())
        unknown = [c for c in codes if c.lower() not in found]
    else:
        indicators = list(Indicator.objects.filter(topic=topic, parent__isnull=True).order_by("pk"))
    area = access.find_area(request.GET.get("area", "")) if request.GET.get("area") else None
    area = area or home_area() or Area.objects.filter(kind=Area.ENGLAND).first()
    family = indicators + [s for i in indicators for s in i.sub_indicators.all()]
    years = list(
        Period.objects.filter(kind__in=ANNUAL, values__indicator__in=family).distinct().order_by("-sort_key")
    )
    year = next((y for y in years if str(y.pk) == request.GET.get("year", "")), None)
    if year is None and years:
        with_values = Value.objects.filter(
            indicator__in=family, area=area, period__in=years, value__isnull=False
        ).order_by("-period__sort_key")
        latest = with_values.select_related("period").first()
        year = latest.period if latest else years[0]
    return {
        "codes": codes_text,
        "topics": topics,
        "topic": topic,
        "indicators": indicators,
        "unknown": unknown,
        "years": years,
        "year": year,
        "area": area,
    }


def _home():
    return home_area()


def _table(choice: dict) -> KpiTable | None:
    if not choice["indicators"] or choice["year"] is None or choice["area"] is None:
        return None
    return build_kpi_table(choice["indicators"], choice["year"], choice["area"])


@login_required
def kpi_table(request: HttpRequest) -> HttpResponse:
    access.require_reader(request.user)
    choice = _choose(request)
    areas = Area.objects.exclude(kind=Area.OTHER).filter(active=True).order_by("kind", "name")
    return render(
        request,
        "indicators/kpi_table.html",
        {
            "section": "indicators",
            **choice,
            "area_items": select_items(
                [(access.area_key(a), a.name) for a in areas],
                access.area_key(choice["area"]) if choice["area"] else "",
            ),
            "topic_items": select_items(choice["topics"], "" if choice["codes"] else choice["topic"]),
            "year_items": select_items(
                [(y.pk, y.label) for y in choice["years"]], choice["year"].pk if choice["year"] else ""
            ),
            "home": _home(),
            "table": _table(choice),
            "query": request.GET.urlencode(),
            "code_slug": access.code_slug,
        },
    )


@login_required
def kpi_table_export(request: HttpRequest, fmt: str) -> HttpResponse:
    access.require_reader(request.user)
    check_format(fmt)
    table = _table(_choose(request))
    headers = table.export_headers() if table else []
    rows = table.export_rows() if table else []
    title = f"Performance indicators – technical information: {table.area.name}" if table else ""
    return table_download(headers, rows, fmt, "kpi-technical-table", title)
