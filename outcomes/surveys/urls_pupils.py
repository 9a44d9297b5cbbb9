"""Pupils' pages (no account: a school's link or code is the way in) and paper entry by staff."""

from django.urls import path

from outcomes.surveys.views import paper, pupils

urlpatterns = [
    path("s/", pupils.start, name="pupil_start"),
    path("s/page/<int:number>/", pupils.page, name="pupil_page"),
    path("s/send/", pupils.send, name="pupil_send"),
    path("s/start-again/", pupils.start_again, name="pupil_start_again"),
    path("s/thank-you/<slug:slug>/", pupils.done, name="pupil_done"),
    # Last, so that the fixed paths above are never read as a link's token.
    path("s/<str:token>/", pupils.link, name="pupil_link"),
    path("surveys/<slug:slug>/paper/", paper.schools, name="paper_schools"),
    path("surveys/<slug:slug>/paper/<slug:code>/", paper.entry, name="paper_entry"),
]
