"""Who may see and change what in indicators (SPEC "Users and what they may do"; decision 0016).

Indicators, scorecards, comparisons, the KPI table and the exceptions list are dashboards: every
staff role reads them (viewers included), school accounts do not. Clinics and their agreed
actions are working records of the performance team and the officers they hold to account:
administrators and performance officers manage them, lead officers read them. Uploads and
milestone links are for administrators and performance officers. Views call these helpers and
nothing else decides access; a refusal is 403 (the pages exist, the role may not use them) and a
missing object is 404.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.text import slugify

from outcomes.accounts.roles import Role, is_manager
from outcomes.indicators.models import Area, Clinic, Indicator, Target

READERS = {Role.ADMINISTRATOR, Role.PERFORMANCE_OFFICER, Role.LEAD_OFFICER, Role.VIEWER}
CLINIC_READERS = {Role.ADMINISTRATOR, Role.PERFORMANCE_OFFICER, Role.LEAD_OFFICER}


def _active(user) -> bool:
    return bool(user.is_authenticated and user.is_active)


def can_read_indicators(user) -> bool:
    return _active(user) and (user.is_superuser or user.role in READERS)


def can_read_clinics(user) -> bool:
    return _active(user) and (user.is_superuser or user.role in CLINIC_READERS)


def manages_indicators(user) -> bool:
    return is_manager(user)


def require_reader(user) -> None:
    if not can_read_indicators(user):
        raise PermissionDenied("Indicators are for the partnership's staff.")


def require_clinic_reader(user) -> None:
    if not can_read_clinics(user):
        raise PermissionDenied("Performance clinics are for performance and lead officers.")


def require_manager(user) -> None:
    if not manages_indicators(user):
        raise PermissionDenied("Only performance officers and administrators may do this.")


def code_slug(code: str) -> str:
    """An indicator code as it appears in a link: "NI 59" -> "ni-59", "LAC%_Adopt" -> "lac-pct_adopt".
    The signs are spelt out so that codes differing only by them stay distinct."""
    spelt = code.replace("%", " pct ").replace("&", " and ").replace("<", " lt ").replace("/", " ")
    return slugify(spelt)


def find_indicator(slug: str) -> Indicator | None:
    for pk, code in Indicator.objects.values_list("pk", "code"):
        if code_slug(code) == slug:
            return Indicator.objects.select_related("owner", "parent").get(pk=pk)
    return None


def get_indicator_for_user(user, slug: str) -> Indicator:
    require_reader(user)
    indicator = find_indicator(slug)
    if indicator is None:
        raise Http404("No such indicator")
    return indicator


def get_indicator_to_manage(user, slug: str) -> Indicator:
    indicator = get_indicator_for_user(user, slug)
    require_manager(user)
    return indicator


def get_target_to_manage(user, slug: str, pk: int) -> Target:
    indicator = get_indicator_to_manage(user, slug)
    target = (
        Target.objects.filter(indicator=indicator, pk=pk)
        .select_related("indicator", "period", "area")
        .first()
    )
    if target is None:
        raise Http404("No such target")
    return target


def area_key(area: Area) -> str:
    """An area as it appears in a link: its LA number, or its name as a slug for regions and England."""
    return str(area.la_number) if area.la_number else slugify(area.name)


def find_area(key: str) -> Area | None:
    if key.isdigit():
        return Area.objects.filter(la_number=int(key)).first()
    for area in Area.objects.all():
        if slugify(area.name) == key:
            return area
    return None


def get_area_for_user(user, key: str) -> Area:
    require_reader(user)
    area = find_area(key)
    if area is None:
        raise Http404("No such area")
    return area


def get_clinic_for_user(user, slug: str) -> Clinic:
    require_clinic_reader(user)
    clinic = Clinic.objects.filter(slug=slug).first()
    if clinic is None:
        raise Http404("No such clinic")
    return clinic


def get_clinic_to_manage(user, slug: str) -> Clinic:
    clinic = get_clinic_for_user(user, slug)
    require_manager(user)
    return clinic
