from django.urls import path

from outcomes.reports import views

app_name = "reports"
R = "plans/<slug:slug>/rounds/<slug:round_slug>/report"
V = f"{R}/versions/<int:version>"
urlpatterns = [
    path(f"{R}/", views.progress_html, name="progress"),
    path(f"{R}.docx", views.progress_docx, name="progress_docx"),
    path(f"{R}.pdf", views.progress_pdf, name="progress_pdf"),
    path(f"{R}.xlsx", views.progress_xlsx, name="progress_xlsx"),
    path(f"{R}.json", views.progress_json, name="progress_json"),
    path(f"{R}/publish/", views.publish, name="publish"),
    path(f"{V}/", views.version_html, name="version"),
    path(f"{V}.docx", views.version_docx, name="version_docx"),
    path(f"{V}.pdf", views.version_pdf, name="version_pdf"),
    path(f"{V}.xlsx", views.version_xlsx, name="version_xlsx"),
    path(f"{V}.json", views.version_json, name="version_json"),
]
