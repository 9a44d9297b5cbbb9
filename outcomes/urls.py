from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Outcomes administration"
admin.site.site_title = "Outcomes"

urlpatterns = [
    path("", include("outcomes.home.urls")),
    path("", include("outcomes.core.urls")),
    path("accounts/", include("outcomes.accounts.urls")),
    path("", include("outcomes.plans.urls")),
    path("", include("outcomes.reports.urls")),
    path("indicators/", include("outcomes.indicators.urls")),
    path("", include("outcomes.surveys.urls")),
    path("", include("outcomes.documents.urls")),
    path("jobs/", include("outcomes.jobs.urls")),
    path("papers/", include("outcomes.papers.urls")),
    path("governance/", include("outcomes.governance.urls")),
    path("risks/", include("outcomes.risks.urls")),
    path("api/", include("outcomes.api.urls")),
    path("reminders/", include("outcomes.reminders.urls")),
    path("inspections/", include("outcomes.inspections.urls")),
    path("admin/", admin.site.urls),
]

handler500 = "outcomes.core.errors.server_error"
