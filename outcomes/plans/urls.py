from django.urls import path

from outcomes.plans.views import plans, rounds

app_name = "plans"
R = "plans/<slug:slug>/rounds/<slug:round_slug>"
urlpatterns = [
    path("plans/", plans.plan_list, name="list"),
    path("plans/new/", plans.plan_new, name="plan_new"),
    path("plans/import/", plans.import_view, name="import"),
    path("plans/template.xlsx", plans.template_xlsx, name="template"),
    path("my-milestones/", plans.my_milestones, name="my_milestones"),
    path("plans/<slug:slug>/", plans.plan_detail, name="detail"),
    path("plans/<slug:slug>/export.json", plans.export_json, name="export_json"),
    path("plans/<slug:slug>/export.xlsx", plans.export_xlsx, name="export_xlsx"),
    path(
        "plans/<slug:slug>/priorities/<int:priority>/milestones/<int:number>/",
        plans.milestone_detail,
        name="milestone",
    ),
    path(
        "plans/<slug:slug>/priorities/<int:priority>/milestones/<int:number>/edit/",
        plans.milestone_edit,
        name="milestone_edit",
    ),
    path("plans/<slug:slug>/rounds/new/", rounds.round_new, name="round_new"),
    path(f"{R}/", rounds.round_detail, name="round"),
    path(f"{R}/updates/<int:priority>/<int:number>/", rounds.update_milestone, name="update"),
    path(f"{R}/updates/<int:priority>/<int:number>/approve/", rounds.approve, name="approve"),
    path(f"{R}/approve-all/", rounds.approve_all, name="approve_all"),
    path(f"{R}/close/", rounds.close, name="close"),
    path(f"{R}/publish/", rounds.publish, name="publish"),
    path(f"{R}/export.csv", rounds.export_csv, name="export_csv"),
]
