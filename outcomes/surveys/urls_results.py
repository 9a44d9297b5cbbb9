"""Survey results (views/results.py): the borough report, participation and each school's report,
each as a page, an Excel workbook and a PDF."""

from django.urls import path

from outcomes.surveys.views import results

E = "surveys/<slug:slug>"
urlpatterns = [
    path("surveys/results/", results.index, name="results"),
    path(f"{E}/results/", results.borough_report, name="borough_report"),
    path(f"{E}/results.xlsx", results.borough_report_xlsx, name="borough_report_xlsx"),
    path(f"{E}/results.pdf", results.borough_report_pdf, name="borough_report_pdf"),
    path(f"{E}/participation/", results.participation, name="participation"),
    path(f"{E}/participation.xlsx", results.participation_xlsx, name="participation_xlsx"),
    path(f"{E}/participation.pdf", results.participation_pdf, name="participation_pdf"),
    path(f"{E}/results/<slug:code>/", results.school_report, name="school_report"),
    path(f"{E}/results/<slug:code>.xlsx", results.school_report_xlsx, name="school_report_xlsx"),
    path(f"{E}/results/<slug:code>.pdf", results.school_report_pdf, name="school_report_pdf"),
    path(f"{E}/feed-indicators/", results.feed_indicators, name="feed_indicators"),
    path(f"{E}/releases/", results.release_list, name="releases"),
    path(f"{E}/releases/new/", results.publish_release, name="publish_release"),
]
