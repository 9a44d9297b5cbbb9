from django.urls import path

from outcomes.papers import views

app_name = "papers"

urlpatterns = [
    path("", views.paper_list, name="list"),
    path("new/", views.paper_new, name="new"),
    path("templates/<slug:slug>/", views.template_detail, name="template"),
    path("<slug:slug>/", views.paper_detail, name="detail"),
    path("<slug:slug>/edit/", views.paper_edit, name="edit"),
    path("<slug:slug>/figures/new/", views.figure_add, name="figure_add"),
    path("<slug:slug>/figures/<int:pk>/remove/", views.figure_remove, name="figure_remove"),
    path("<slug:slug>/publish/", views.paper_publish, name="publish"),
    path("<slug:slug>/reopen/", views.paper_reopen, name="reopen"),
    path("<slug:slug>/paper.<str:fmt>", views.paper_download, name="download"),
    path("<slug:slug>/versions/<int:number>/", views.version_detail, name="version"),
    path(
        "<slug:slug>/versions/<int:number>/paper.<str:fmt>", views.version_download, name="version_download"
    ),
]
