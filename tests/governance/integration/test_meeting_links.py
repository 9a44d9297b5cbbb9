"""Found walking the journeys: the meeting's page led nowhere near its agenda or minutes pages. It
links both; the agenda only where the reader may open it (a viewer once it is published)."""

import pytest
from django.urls import reverse

DAY = ["rlscb", "2014-09-04"]


@pytest.mark.django_db
def test_the_meeting_page_links_its_agenda_and_minutes(client, users):
    agenda = reverse("governance:agenda", args=DAY)
    minutes = reverse("governance:minutes", args=DAY)
    client.force_login(users["performance_officer"])
    page = client.get(reverse("governance:meeting", args=DAY)).content.decode()
    assert f'href="{agenda}"' in page
    assert f'href="{minutes}"' in page
    # The September agenda is not published: a viewer is not led to a page that would say 404.
    client.force_login(users["viewer"])
    page = client.get(reverse("governance:meeting", args=DAY)).content.decode()
    assert f'href="{agenda}"' not in page
    assert client.get(agenda).status_code == 404
    assert f'href="{minutes}"' in page
