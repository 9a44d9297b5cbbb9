"""Survey results (views/results.py): the borough report, participation and each school's report,
each as a page, an Excel workbook, Word and a tagged PDF."""

from django.urls import path

from outcomes.surveys.views import results

E = "surveys/<slug:slug>"
urlpatterns = [
    path("surveys/results/", results.index, name="results"),
    path(f"{E}/results/", results.borough_report, name="borough_report"),
    path(f"{E}/results.xlsx", results.borough_report_xlsx, name="borough_report_xlsx"),
    path(f"{E}/results.pdf", results.borough_report_document, {"fmt": "pdf"}, name="borough_report_pdf"),
    path(f"{E}/results.docx", results.borough_report_document, {"fmt": "docx"}, name="borough_report_docx"),
    path(f"{E}/participation/", results.participation, name="participation"),
    path(f"{E}/participation.xlsx", results.participation_xlsx, name="participation_xlsx"),
    path(
        f"{E}/participation.pdf",
        results.participation_document_download,
        {"fmt": "pdf"},
        name="participation_pdf",
    ),
    path(
        f"{E}/participation.docx",
        results.participation_document_download,
        {"fmt": "docx"},
        name="participation_docx",
    ),
    path(f"{E}/results/<slug:code>/", results.school_report, name="school_report"),
    path(f"{E}/results/<slug:code>.xlsx", results.school_report_xlsx, name="school_report_xlsx"),
    path(
        f"{E}/results/<slug:code>.pdf",
        results.school_report_document,
        {"fmt": "pdf"},
        name="school_report_pdf",
    ),
    path(
        f"{E}/results/<slug:code>.docx",
        results.school_report_document,
        {"fmt": "docx"},
        name="school_report_docx",
    ),
    path(f"{E}/school-reports/", results.school_reports_zip, name="school_reports_zip"),
    path(f"{E}/feed-indicators/", results.feed_indicators, name="feed_indicators"),
    path(f"{E}/releases/", results.release_list, name="releases"),
    path(f"{E}/releases/new/", results.publish_release, name="publish_release"),
]
