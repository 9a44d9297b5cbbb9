"""A meeting of the partnership (cypfp) with an agenda for the agenda tests: apologies, the Lifestyle
Survey paper (published) for decision, an exempt item with the CYPP cover paper (a draft), and the
same draft paper again for information, with a sub-item."""

from datetime import date

from outcomes.governance import agenda_services as services
from outcomes.governance.models import AgendaItem, Body, Meeting
from outcomes.papers.models import Paper

ON = date(2014, 10, 15)
DATE = {"slug": "cypfp", "on": ON.isoformat()}
CLOSED = "Closed matter about a named child"


def make_meeting(user, on: date = ON) -> Meeting:
    body = Body.objects.get(slug="cypfp")
    meeting = Meeting.objects.create(body=body, date=on, venue="Town Hall, Moorgate Street")
    decision = services.add_section(user=user, meeting=meeting, title="For Decision")
    information = services.add_section(user=user, meeting=meeting, title="For Information")
    services.add_item(user=user, meeting=meeting, title="Apologies for absence", kind=AgendaItem.APOLOGIES)
    lifestyle = Paper.objects.get(slug="lifestyle-survey-2009")
    cypp = Paper.objects.get(slug="cypp-progress-june-2014")
    services.add_item(
        user=user,
        meeting=meeting,
        title="Lifestyle Survey 2009",
        kind=AgendaItem.PAPER,
        paper=lifestyle,
        section=decision,
        presenter="Sue Wilson",
    )
    services.add_item(
        user=user,
        meeting=meeting,
        title=CLOSED,
        kind=AgendaItem.PAPER,
        paper=cypp,
        section=decision,
        exempt=True,
        exempt_reason="Paragraph 2 of Schedule 12A",
    )
    report = services.add_item(
        user=user,
        meeting=meeting,
        title="CYPP progress report, June 2014",
        kind=AgendaItem.PAPER,
        paper=cypp,
        section=information,
        presenter="Sue Wilson",
    )
    services.add_item(
        user=user, meeting=meeting, title="Priority 6 case studies", parent=report, kind=AgendaItem.VERBAL
    )
    return meeting
