from django.urls import path

from outcomes.indicators.views import areas, clinics, exceptions, indicators, kpi, setup, uploads

app_name = "indicators"
M = "measures/<slug:code>"
A = "areas/<str:area>"
C = "clinics/<slug:slug>"
urlpatterns = [
    path("", indicators.indicator_list, name="list"),
    path("export.<str:fmt>", indicators.list_export, name="list_export"),
    path("new/", setup.indicator_new, name="indicator_new"),
    path("definitions/upload/", setup.definitions_upload, name="definitions_upload"),
    path("definitions/template.<str:fmt>", setup.definitions_template, name="definitions_template"),
    path("definitions/export.<str:fmt>", setup.definitions_export, name="definitions_export"),
    path(f"{M}/", indicators.indicator_detail, name="indicator"),
    path(f"{M}/edit/", setup.indicator_edit, name="indicator_edit"),
    path(f"{M}/history/", setup.indicator_history, name="indicator_history"),
    path(f"{M}/history.<str:fmt>", setup.indicator_history_export, name="indicator_history_export"),
    path(f"{M}/targets/", setup.targets, name="targets"),
    path(f"{M}/targets/new/", setup.target_new, name="target_new"),
    path(f"{M}/targets/<int:pk>/edit/", setup.target_edit, name="target_edit"),
    path(f"{M}/targets/<int:pk>/remove/", setup.target_remove, name="target_remove"),
    path(f"{M}/export.<str:fmt>", indicators.indicator_export, name="indicator_export"),
    path(f"{M}/targets.<str:fmt>", indicators.targets_export, name="targets_export"),
    path(f"{M}/milestones/", indicators.milestone_links, name="milestone_links"),
    path(f"{M}/milestones.<str:fmt>", indicators.milestone_links_export, name="milestone_links_export"),
    path("areas/", areas.area_list, name="areas"),
    path(f"{A}/", areas.area_scorecard, name="scorecard"),
    path(f"{A}/export.<str:fmt>", areas.scorecard_export, name="scorecard_export"),
    path(f"{A}/{M}/neighbours/", areas.neighbours, name="neighbours"),
    path(f"{A}/{M}/neighbours/export.<str:fmt>", areas.neighbours_export, name="neighbours_export"),
    path("kpi-table/", kpi.kpi_table, name="kpi_table"),
    path("kpi-table/export.<str:fmt>", kpi.kpi_table_export, name="kpi_table_export"),
    path("exceptions/", exceptions.exception_list, name="exceptions"),
    path("exceptions/export.<str:fmt>", exceptions.exceptions_export, name="exceptions_export"),
    path("clinics/", clinics.clinic_list, name="clinics"),
    path("clinics/export.<str:fmt>", clinics.clinics_export, name="clinics_export"),
    path("clinics/new/", clinics.clinic_new, name="clinic_new"),
    path(f"{C}/", clinics.clinic_detail, name="clinic"),
    path(f"{C}/edit/", clinics.clinic_edit, name="clinic_edit"),
    path(f"{C}/actions.<str:fmt>", clinics.clinic_export, name="clinic_export"),
    path(f"{C}/history.<str:fmt>", clinics.clinic_history_export, name="clinic_history_export"),
    path(f"{C}/actions/new/", clinics.action_new, name="action_new"),
    path(f"{C}/actions/<int:number>/edit/", clinics.action_edit, name="action_edit"),
    path("upload/", uploads.upload, name="upload"),
    path("lait/upload/", uploads.lait_upload, name="lait_upload"),
    path("template.<str:fmt>", uploads.blank_template, name="template"),
]
