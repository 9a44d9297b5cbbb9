from django.urls import path

from outcomes.jobs import views

app_name = "jobs"

urlpatterns = [
    path("", views.job_list, name="list"),
    path("<int:pk>/", views.job_detail, name="detail"),
    path("<int:pk>/files/<int:file_pk>/", views.job_file, name="file"),
]
