from django.urls import path

from outcomes.reminders import views

app_name = "reminders"

urlpatterns = [
    path("", views.preferences, name="preferences"),
    path("due/", views.due_now, name="due"),
]
