from django.urls import path

from outcomes.plans.views import plans, rounds, structure

app_name = "plans"
R = "plans/<slug:slug>/rounds/<slug:round_slug>"
P = "plans/<slug:slug>/priorities/<int:priority>"
A = f"{P}/actions/<str:label>"
M = f"{P}/milestones/<int:number>"
urlpatterns = [
    path("plans/", plans.plan_list, name="list"),
    path("plans/new/", plans.plan_new, name="plan_new"),
    path("plans/import/", plans.import_view, name="import"),
    path("plans/template.xlsx", plans.template_xlsx, name="template"),
    path("my-milestones/", plans.my_milestones, name="my_milestones"),
    path("plans/<slug:slug>/", plans.plan_detail, name="detail"),
    path("plans/<slug:slug>/settings/", rounds.round_settings, name="settings"),
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
    path(f"{R}/export.csv", rounds.export_csv, name="export_csv"),
    path(f"{R}/evidence/<int:pk>/", rounds.evidence_file, name="evidence"),
    # Changing the plan's shape in place (structure.py, decision 0100).
    path("plans/<slug:slug>/edit/", structure.plan_edit, name="plan_edit"),
    path("plans/<slug:slug>/delete/", structure.plan_delete, name="plan_delete"),
    path(f"{R}/edit/", structure.round_edit, name="round_edit"),
    path(f"{R}/delete/", structure.round_delete, name="round_delete"),
    path("plans/<slug:slug>/priorities/new/", structure.priority_new, name="priority_new"),
    path(f"{P}/", structure.priority_detail, name="priority"),
    path(f"{P}/edit/", structure.priority_edit, name="priority_edit"),
    path(f"{P}/retire/", structure.priority_retire, name="priority_retire"),
    path(f"{P}/delete/", structure.priority_delete, name="priority_delete"),
    path(f"{P}/actions/new/", structure.action_new, name="action_new"),
    path(f"{A}/edit/", structure.action_edit, name="action_edit"),
    path(f"{A}/move/", structure.action_move, name="action_move"),
    path(f"{A}/retire/", structure.action_retire, name="action_retire"),
    path(f"{A}/delete/", structure.action_delete, name="action_delete"),
    path("plans/<slug:slug>/milestones/new/", structure.milestone_new, name="milestone_new"),
    path(f"{M}/retire/", structure.milestone_retire, name="milestone_retire"),
    path(f"{M}/delete/", structure.milestone_delete, name="milestone_delete"),
]
