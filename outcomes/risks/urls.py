from django.urls import path

from outcomes.risks import views, views_risks

app_name = "risks"

R = "<slug:slug>/risks/<str:reference>"

urlpatterns = [
    path("", views.register_list, name="list"),
    path("new/", views.register_form, name="register_new"),
    path("matrix/", views.matrix_list, name="matrix"),
    path("matrix/new/", views.matrix_new, name="matrix_new"),
    path("<slug:slug>/", views.register_detail, name="register"),
    path("<slug:slug>/edit/", views.register_form, name="register_edit"),
    path("<slug:slug>/file/", views.register_file, name="register_file"),
    path("<slug:slug>/download.<str:fmt>", views.register_download, name="register_download"),
    path("<slug:slug>/heat-map/<str:which>/<int:likelihood>/<int:impact>/", views.cell, name="cell"),
    path("<slug:slug>/risks/new/", views_risks.risk_form, name="risk_new"),
    path(f"{R}/", views_risks.risk_detail, name="risk"),
    path(f"{R}/edit/", views_risks.risk_form, name="risk_edit"),
    path(f"{R}/rate/", views_risks.rate, name="rate"),
    path(f"{R}/review/", views_risks.review, name="review"),
    path(f"{R}/actions/link/", views_risks.link_action, name="link_action"),
    path(f"{R}/actions/new/", views_risks.raise_action, name="raise_action"),
    path(f"{R}/accept/", views_risks.accept, name="accept"),
    path(f"{R}/reject/", views_risks.reject, name="reject"),
    path(f"{R}/dismiss-notice/", views_risks.dismiss, name="dismiss"),
]
