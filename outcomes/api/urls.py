from django.urls import path

from outcomes.api import views
from outcomes.api.service import api_urls

app_name = "api"

urlpatterns = [
    path("", views.examples, name="examples"),
    path("tokens/", views.tokens, name="tokens"),
    path("tokens/<int:pk>/revoke/", views.revoke_token, name="revoke_token"),
    *api_urls(),
]
