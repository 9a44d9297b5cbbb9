from django.urls import path

from outcomes.core import data_quality, health

app_name = "core"
urlpatterns = [
    path("data-quality/", data_quality.data_quality, name="data_quality"),
    path("data-quality/<slug:rule>/<path:key>/", data_quality.explain, name="data_quality_explain"),
    # No trailing slash: what proxies and monitors are usually told to ask.
    path("healthz", health.healthz, name="healthz"),
]
