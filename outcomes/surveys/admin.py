"""Survey reference data for administrators: area assemblies (with their former names) and surveys.
Schools, editions and links are managed on the survey pages, where every change is recorded;
responses are not browsable one by one anywhere."""

from django.contrib import admin

from outcomes.surveys.models import Area, Survey


@admin.register(Area)
class AreaAdmin(admin.ModelAdmin):
    list_display = ("name", "order")
    ordering = ("order", "name")


@admin.register(Survey)
class SurveyAdmin(admin.ModelAdmin):
    list_display = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}
