from django.urls import path

from outcomes.governance import (
    views,
    views_agendas,
    views_bodies,
    views_forward_plan,
    views_imports,
    views_meetings,
    views_minutes,
    views_resolutions,
)

app_name = "governance"

urlpatterns = [
    path("", views.body_list, name="list"),
    path("my-actions/", views.my_actions, name="my_actions"),
    path("new/", views_bodies.body_form, name="body_new"),
    path("<slug:slug>/", views.body_detail, name="body"),
    path("<slug:slug>/action-log.<str:fmt>", views.log_download, name="log_download"),
    path("<slug:slug>/owed/", views.body_owed, name="body_owed"),
    path("<slug:slug>/edit/", views_bodies.body_form, name="body_edit"),
    path("<slug:slug>/members/", views_bodies.members, name="members"),
    path("<slug:slug>/members/new/", views_bodies.seat_form, name="seat_new"),
    path("<slug:slug>/members/<int:pk>/edit/", views_bodies.seat_form, name="seat_edit"),
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
        "<slug:slug>/meetings/<str:day>/minutes/<int:number>/remove/",
        views_minutes.minute_remove,
        name="minute_remove",
    ),
    path(
        "<slug:slug>/meetings/<str:day>/minutes/<int:number>/resolutions/new/",
        views_resolutions.resolution_new,
        name="resolution_new",
    ),
    path(
        "<slug:slug>/meetings/<str:day>/minutes/<int:number>/resolutions/<int:pk>/edit/",
        views_resolutions.resolution_edit,
        name="resolution_edit",
    ),
    path(
        "<slug:slug>/meetings/<str:day>/minutes/<int:number>/resolutions/<int:pk>/remove/",
        views_resolutions.resolution_remove,
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

# --- agendas and the agenda pack (issue 15; decisions 0136-0138) -------------------------------------
A = "<slug:slug>/meetings/<str:on>/agenda"
urlpatterns += [
    path(f"{A}/", views_agendas.agenda, name="agenda"),
    path(f"{A}/items/new/", views_agendas.item_form, name="agenda_item_new"),
    path(f"{A}/items/<int:pk>/edit/", views_agendas.item_form, name="agenda_item_edit"),
    path(f"{A}/items/<int:pk>/move/", views_agendas.item_move, name="agenda_item_move"),
    path(f"{A}/items/<int:pk>/remove/", views_agendas.item_remove, name="agenda_item_remove"),
    path(f"{A}/headings/new/", views_agendas.section_form, name="agenda_section_new"),
    path(f"{A}/headings/<int:pk>/edit/", views_agendas.section_form, name="agenda_section_edit"),
    path(f"{A}/headings/<int:pk>/move/", views_agendas.section_move, name="agenda_section_move"),
    path(f"{A}/headings/<int:pk>/remove/", views_agendas.section_remove, name="agenda_section_remove"),
    path(f"{A}/standing-items/", views_agendas.add_standing, name="agenda_add_standing"),
    path(f"{A}/place/", views_agendas.place, name="agenda_place"),
    path(f"{A}/publish/", views_agendas.publish, name="agenda_publish"),
    path(f"{A}/pack/", views_agendas.pack, name="agenda_pack"),
    path(f"{A}/versions/", views_agendas.versions, name="agenda_versions"),
    path(f"{A}/versions/<int:number>/", views_agendas.version, name="agenda_version"),
    path("<slug:slug>/forward-plan/", views_forward_plan.forward_plan, name="forward_plan"),
    path("<slug:slug>/standing-items/", views_forward_plan.standing_items, name="standing_items"),
    path("<slug:slug>/standing-items/<int:pk>/edit/", views_forward_plan.standing_edit, name="standing_edit"),
    path("<slug:slug>/standing-items/<int:pk>/move/", views_forward_plan.standing_move, name="standing_move"),
    path(
        "<slug:slug>/standing-items/<int:pk>/remove/",
        views_forward_plan.standing_remove,
        name="standing_remove",
    ),
]
