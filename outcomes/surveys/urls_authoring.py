"""The performance officer's survey pages (views/authoring.py), all under surveys/manage/."""

from django.urls import path

from outcomes.surveys.views import authoring

M = "surveys/manage"
urlpatterns = [
    path(f"{M}/", authoring.manage, name="manage"),
    path(f"{M}/upload/", authoring.upload, name="upload"),
    path(f"{M}/template.xlsx", authoring.template, name="template"),
    path(f"{M}/schools/", authoring.school_list, name="schools"),
    path(f"{M}/schools/import/", authoring.school_import, name="school_import"),
    path(f"{M}/schools/template.xlsx", authoring.school_template, name="school_template"),
    path(f"{M}/schools/schools.xlsx", authoring.school_export, name="school_export"),
    path(f"{M}/schools/<slug:code>/staff/", authoring.school_staff, name="school_staff"),
    path(f"{M}/<slug:slug>/", authoring.edition, name="edition"),
    path(f"{M}/<slug:slug>/workbook.xlsx", authoring.workbook, name="workbook"),
    path(f"{M}/<slug:slug>/copy/", authoring.copy, name="copy"),
    path(f"{M}/<slug:slug>/extend/", authoring.extend, name="extend"),
    path(f"{M}/<slug:slug>/suppression/", authoring.suppression, name="suppression"),
    path(f"{M}/<slug:slug>/state/", authoring.state, name="state"),
    path(f"{M}/<slug:slug>/links/", authoring.links, name="links"),
    path(f"{M}/<slug:slug>/links.xlsx", authoring.links_xlsx, name="links_xlsx"),
    path(f"{M}/<slug:slug>/links/<slug:code>/", authoring.link_action, name="link_action"),
]
