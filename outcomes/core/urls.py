from django.urls import path

from outcomes.core import data_quality

app_name = "core"
urlpatterns = [
    path("data-quality/", data_quality.data_quality, name="data_quality"),
    path("data-quality/<slug:rule>/<path:key>/", data_quality.explain, name="data_quality_explain"),
]
