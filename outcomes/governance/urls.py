from django.urls import path

from outcomes.governance import views, views_meetings, views_minutes

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
    # Meetings: scheduled, attendance, state (views_meetings.py).
    path("<slug:slug>/meetings/", views_meetings.meeting_list, name="meetings"),
    path("<slug:slug>/meetings/new/", views_meetings.meeting_new, name="meeting_new"),
    path("<slug:slug>/meetings/<str:day>/", views_meetings.meeting_detail, name="meeting"),
    path("<slug:slug>/meetings/<str:day>/attendance/", views_meetings.attendance, name="meeting_attendance"),
    path("<slug:slug>/meetings/<str:day>/advance/", views_meetings.advance, name="meeting_advance"),
    path("<slug:slug>/meetings/<str:day>/cancel/", views_meetings.cancel, name="meeting_cancel"),
    # --- minutes: the minutes of a meeting, approval, publication, the log as at the meeting ---
    path("<slug:slug>/meetings/<str:day>/minutes/", views_minutes.minutes_page, name="minutes"),
    path(
        "<slug:slug>/meetings/<str:day>/minutes.<str:fmt>",
        views_minutes.minutes_download,
        name="minutes_download",
    ),
    path("<slug:slug>/meetings/<str:day>/minutes/new/", views_minutes.minute_new, name="minute_new"),
    path(
        "<slug:slug>/meetings/<str:day>/minutes/<int:number>/edit/",
        views_minutes.minute_edit,
        name="minute_edit",
    ),
    path(
        "<slug:slug>/meetings/<str:day>/minutes/<int:number>/resolutions/new/",
        views_minutes.resolution_new,
        name="resolution_new",
    ),
    path(
        "<slug:slug>/meetings/<str:day>/minutes/<int:number>/resolutions/<int:pk>/remove/",
        views_minutes.resolution_remove,
        name="resolution_remove",
    ),
    path(
        "<slug:slug>/meetings/<str:day>/minutes/circulate/",
        views_minutes.minutes_circulate,
        name="minutes_circulate",
    ),
    path(
        "<slug:slug>/meetings/<str:day>/minutes/approve/",
        views_minutes.minutes_approve,
        name="minutes_approve",
    ),
    path(
        "<slug:slug>/meetings/<str:day>/minutes/publish/",
        views_minutes.minutes_publish,
        name="minutes_publish",
    ),
    path("<slug:slug>/meetings/<str:day>/action-log/", views_minutes.meeting_log, name="meeting_log"),
    path(
        "<slug:slug>/meetings/<str:day>/action-log.<str:fmt>",
        views_minutes.meeting_log_download,
        name="meeting_log_download",
    ),
    path(
        "<slug:slug>/actions/<int:number>/discharge-by-item/",
        views_minutes.action_discharge_by_item,
        name="action_discharge_by_item",
    ),
]
