from django.urls import path

from outcomes.inspections import views_inspections as views
from outcomes.inspections import views_recommendations as recs

app_name = "inspections"

REC = "<slug:slug>/<int:number>/"

urlpatterns = [
    path("", views.inspection_list, name="list"),
    path("new/", views.inspection_form, name="inspection_new"),
    path("recommendations/", views.recommendation_list, name="recommendations"),
    path("recommendations/document/", views.recommendation_document, name="document"),
    path("recommendations/download/<str:fmt>/", views.recommendation_download, name="download"),
    path("snapshots/", views.snapshot_list, name="snapshots"),
    path("snapshots/take/", views.snapshot_take, name="snapshot_take"),
    path("snapshots/<str:month>/", views.snapshot_detail, name="snapshot"),
    path("<slug:slug>/", views.inspection_detail, name="inspection"),
    path("<slug:slug>/edit/", views.inspection_form, name="inspection_edit"),
    path("<slug:slug>/recommendations/new/", recs.recommendation_new, name="recommendation_new"),
    path(REC, recs.recommendation_detail, name="recommendation"),
    path(REC + "edit/", recs.recommendation_edit, name="recommendation_edit"),
    path(REC + "original-due/", recs.original_due, name="original_due"),
    path(REC + "revise/", recs.revise, name="revise"),
    path(REC + "progress/", recs.progress, name="progress"),
    path(REC + "complete/", recs.complete, name="complete"),
    path(REC + "supersede/", recs.supersede, name="supersede"),
    path(REC + "actions/link/", recs.link_action, name="link_action"),
    path(REC + "actions/raise/", recs.raise_action, name="raise_action"),
    path(REC + "actions/<int:pk>/unlink/", recs.unlink_action, name="unlink_action"),
]
