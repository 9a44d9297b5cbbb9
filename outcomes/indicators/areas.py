"""Which area is the partnership's own and which neighbour list is current: asked by the importer,
the derived figures, the exceptions and the pages alike, so that none of them imports another."""

from django.conf import settings

from outcomes.indicators.models import Area, StatisticalNeighbourSet


def home_area() -> Area | None:
    """The partnership's own area: settings.INDICATORS_HOME_AREA (an LA number or a name)."""
    return area_by_number_or_name(getattr(settings, "INDICATORS_HOME_AREA", "372"))


def area_by_number_or_name(text) -> Area | None:
    """An area by its LA number ("372") or its name ("Rotherham", any case); None when there is none."""
    wanted = str(text).strip()
    if wanted.isdigit():
        area = Area.objects.filter(la_number=int(wanted)).first()
        if area is not None:
            return area
    return Area.objects.filter(name__iexact=wanted).first()


def current_neighbour_set() -> StatisticalNeighbourSet | None:
    return StatisticalNeighbourSet.objects.filter(is_current=True).first()
