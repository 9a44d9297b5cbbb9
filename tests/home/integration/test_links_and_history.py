"""No dead ends and no raw internals (issue 11 item 8): links only to pages the reader may open, a
navigation item only when there is something behind it, and histories written in words."""

import re
from html import unescape

import pytest
from django.urls import reverse

from outcomes.governance.clinic_forms import ClinicActionForm
from outcomes.governance.models import Action
from outcomes.plans import services
from outcomes.plans.models import Milestone, Update
from outcomes.surveys import releases
from outcomes.surveys.models import Edition

pytestmark = pytest.mark.django_db
MILESTONE_6 = reverse("plans:milestone", args=["cypp-2013-16", 1, 6])
# Any stored data shown as it is stored: a dict or list repr, or a field name with an arrow.
RAW = re.compile(r"\{'|\['|: – →|\w+_\w+: ")


def test_a_viewer_reads_bf_init_without_a_link_to_a_milestone_they_cannot_open(client, users):
    client.force_login(users["viewer"])
    assert client.get(MILESTONE_6).status_code == 404
    html = client.get(reverse("indicators:indicator", args=["bf-init"])).content.decode()
    assert "P1 M6" in html
    assert MILESTONE_6 not in html

    client.force_login(users["performance_officer"])
    html = client.get(reverse("indicators:indicator", args=["bf-init"])).content.decode()
    assert f'href="{MILESTONE_6}">P1 M6</a>' in html


def _nav(client) -> str:
    html = client.get(reverse("home:home")).content.decode()
    return html[
        html.index('class="govuk-service-navigation') : html.index(
            "</nav>", html.index("govuk-service-navigation")
        )
    ]


def test_survey_results_are_in_the_navigation_only_when_there_are_some_to_read(client, users):
    client.force_login(users["viewer"])
    results = reverse("surveys:results")
    assert Edition.objects.filter(state=Edition.CLOSED).count() == 0
    assert results not in _nav(client)
    edition = Edition.objects.get(slug="primary-2009")
    edition.state = Edition.CLOSED
    edition.save()
    # An interim release is for the performance team; the final one, once the edition has closed,
    # is for viewers too (decision 0055).
    assert results not in _nav(client)
    releases.publish(edition)
    assert results in _nav(client)

    client.force_login(users["performance_officer"])
    assert results in _nav(client)


def test_a_milestones_history_says_what_changed_in_words(client, users, demo_round):
    milestone = Milestone.objects.get(priority__plan=demo_round.plan, priority__number=1, number=26)
    current = Update.objects.get(round=demo_round, milestone=milestone)
    before = current.exact_weights()
    assert before == {"amber": 1}
    services.save_update(
        user=users["lead_officer"],
        round_=demo_round,
        milestone=milestone,
        text="Menus agreed with every school",
        weights={"green": "1/2", "amber": "1/2"},
        expected_version=current.version,
    )
    client.force_login(users["performance_officer"])
    html = unescape(client.get(reverse("plans:milestone", args=["cypp-2013-16", 1, 26])).content.decode())
    history = html[html.index("History of changes") :]
    assert "Status changed from Amber to 1/2 Green, 1/2 Amber." in history
    assert "Text changed from “" in history
    assert "to “Menus agreed with every school”." in history
    assert "State changed from Approved to Awaiting approval." in history
    assert not RAW.search(history), RAW.search(history)


def test_a_clinics_history_says_what_changed_in_words(client, users):
    clinic = "2014-06-30-breastfeeding-performance-clinic"
    action = Action.objects.filter(clinic__slug=clinic).select_related("clinic").order_by("number").first()
    client.force_login(users["performance_officer"])
    fields = ClinicActionForm.initial_for(action)
    fields.update({"status": ClinicActionForm.DONE, "due": "2014-10-31", "follow_up": "Visits done."})
    url = reverse("indicators:action_edit", args=[action.clinic.slug, action.number])
    assert client.post(url, fields).status_code == 302
    html = unescape(client.get(reverse("indicators:clinic", args=[action.clinic.slug])).content.decode())
    history = html[html.index("History of changes") :]
    assert "Status changed from Ongoing to Discharged." in history
    assert "Due date changed from 30 September 2014 to 31 October 2014." in history
    assert "kind: clinic" not in history
    assert not RAW.search(history), RAW.search(history)
