"""Reference data for administrators: areas, statistical-neighbour lists, indicator definitions and
their targets. Values arrive through imports only, so they are read-only here. Every change is
recorded and the derived figures it affects are recomputed."""

from django.contrib import admin
from django.forms.models import model_to_dict

from outcomes.core.models import record_change
from outcomes.indicators.models import (
    Area,
    ImportRun,
    Indicator,
    StatisticalNeighbour,
    StatisticalNeighbourSet,
    Target,
    Value,
)


def _plain(obj) -> dict:
    return {
        k: (str(v) if v is not None and not isinstance(v, bool | int | str) else v)
        for k, v in model_to_dict(obj).items()
    }


class _Recorded(admin.ModelAdmin):
    """Records each change and recomputes what it affects (``affected`` returns indicator ids or
    None for all)."""

    def affected(self, obj) -> list[int] | None:
        return None

    def save_model(self, request, obj, form, change):
        before = _plain(type(obj).objects.get(pk=obj.pk)) if change else None
        super().save_model(request, obj, form, change)
        record_change(
            user=request.user,
            obj=obj,
            action="change" if change else "create",
            summary=f"{obj._meta.verbose_name.capitalize()} {obj} {'changed' if change else 'added'} "
            "by an administrator",
            before=before,
            after=_plain(obj),
        )

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        from outcomes.indicators.derive import recompute

        recompute(self.affected(form.instance))

    def delete_model(self, request, obj):
        affected = self.affected(obj)
        record_change(
            user=request.user,
            obj=obj,
            action="delete",
            summary=f"{obj} deleted by an administrator",
            before=_plain(obj),
        )
        super().delete_model(request, obj)
        from outcomes.indicators.derive import recompute

        recompute(affected)


@admin.register(Area)
class AreaAdmin(_Recorded):
    list_display = ["name", "la_number", "kind", "region", "la_type", "active"]
    list_filter = ["kind", "active"]
    search_fields = ["name", "la_number", "ons_code"]


class NeighbourInline(admin.TabularInline):
    model = StatisticalNeighbour
    fk_name = "neighbour_set"
    extra = 0
    fields = ["area", "position", "neighbour", "closeness"]
    raw_id_fields = ["area", "neighbour"]


@admin.register(StatisticalNeighbourSet)
class StatisticalNeighbourSetAdmin(_Recorded):
    list_display = ["name", "published", "is_current"]
    inlines = [NeighbourInline]


class TargetInline(admin.TabularInline):
    model = Target
    extra = 1
    fields = ["area", "period", "due", "value", "upper_value", "amber_tolerance", "tolerance_kind", "note"]
    raw_id_fields = ["area", "period"]


@admin.register(Indicator)
class IndicatorAdmin(_Recorded):
    list_display = ["code", "name", "polarity", "unit_kind", "period_type", "decimal_places", "from_lait"]
    list_filter = ["from_lait", "polarity", "period_type", "topic"]
    search_fields = ["code", "name", "lait_measure_code"]
    raw_id_fields = ["owner", "parent"]
    inlines = [TargetInline]

    def affected(self, obj) -> list[int] | None:
        return [obj.pk]


@admin.register(Value)
class ValueAdmin(admin.ModelAdmin):
    list_display = ["indicator", "area", "period", "value", "missing_reason", "status", "published_label"]
    list_select_related = ["indicator", "area", "period"]
    search_fields = ["indicator__code", "area__name"]
    readonly_fields = [f.name for f in Value._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ImportRun)
class ImportRunAdmin(admin.ModelAdmin):
    list_display = ["started_at", "kind", "source", "created", "updated", "unchanged", "user"]
    readonly_fields = [f.name for f in ImportRun._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
