from django.contrib import admin

from outcomes.plans.models import Plan, RagStatus


class RagStatusInline(admin.TabularInline):
    model = RagStatus
    extra = 0


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    """Administrators keep a plan's reference data (its RAG vocabulary) here."""

    list_display = ("title", "slug", "start", "end")
    inlines = [RagStatusInline]
