from django.urls import path

from outcomes.reports import views

app_name = "reports"
R = "plans/<slug:slug>/rounds/<slug:round_slug>/report"
urlpatterns = [
    path(f"{R}/", views.progress_html, name="progress"),
    path(f"{R}.docx", views.progress_docx, name="progress_docx"),
    path(f"{R}.pdf", views.progress_pdf, name="progress_pdf"),
    path(f"{R}.xlsx", views.progress_xlsx, name="progress_xlsx"),
    path(f"{R}.json", views.progress_json, name="progress_json"),
]
