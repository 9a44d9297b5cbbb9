from django.contrib import admin

from outcomes.core.models import ScheduledJob


@admin.register(ScheduledJob)
class ScheduledJobAdmin(admin.ModelAdmin):
    """The scheduled jobs' last runs, for administrators (what `run_scheduled --list` prints): read
    only, since the runner alone writes them."""

    list_display = ("name", "last_state", "last_started_at", "last_finished_at", "next_due", "lease_until")
    list_filter = ("last_state",)
    readonly_fields = [field.name for field in ScheduledJob._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
