from django.urls import path

from outcomes.governance import views, views_imports, views_meetings

app_name = "governance"

urlpatterns = [
    path("", views.body_list, name="list"),
    path("my-actions/", views.my_actions, name="my_actions"),
    path("<slug:slug>/", views.body_detail, name="body"),
    path("<slug:slug>/action-log.<str:fmt>", views.log_download, name="log_download"),
    path("<slug:slug>/actions/new/", views.action_new, name="action_new"),
    path("<slug:slug>/actions/<int:number>/", views.action_detail, name="action"),
    path("<slug:slug>/actions/<int:number>/edit/", views.action_edit, name="action_edit"),
    path("<slug:slug>/actions/<int:number>/update/", views.action_update, name="action_update"),
    path("<slug:slug>/actions/<int:number>/discharge/", views.action_discharge, name="action_discharge"),
    # Bulk entry of members and an existing action log (decision 0143).
    path("<slug:slug>/import/members/", views_imports.members_import, name="members_import"),
    path(
        "<slug:slug>/import/members-template.<str:fmt>",
        views_imports.members_template,
        name="members_template",
    ),
    path("<slug:slug>/import/action-log/", views_imports.log_import, name="log_import"),
    path("<slug:slug>/import/action-log-template.<str:fmt>", views_imports.log_template, name="log_template"),
    # Meetings: scheduled, attendance, state (views_meetings.py).
    path("<slug:slug>/meetings/", views_meetings.meeting_list, name="meetings"),
    path("<slug:slug>/meetings/new/", views_meetings.meeting_new, name="meeting_new"),
    path("<slug:slug>/meetings/<str:day>/", views_meetings.meeting_detail, name="meeting"),
    path("<slug:slug>/meetings/<str:day>/attendance/", views_meetings.attendance, name="meeting_attendance"),
    path("<slug:slug>/meetings/<str:day>/advance/", views_meetings.advance, name="meeting_advance"),
    path("<slug:slug>/meetings/<str:day>/cancel/", views_meetings.cancel, name="meeting_cancel"),
]
