"""Survey releases are publications (issue 14, "one mechanism for everything frozen"; decision 0093):
each release's borough results are stored as a Publication of kind "survey-release", version = the
release's number, and every output reads them from there."""

import io
import json

import pytest
from django.core.management import call_command
from django.urls import reverse

from outcomes.core import links
from outcomes.documents import publications
from outcomes.surveys import releases
from outcomes.surveys.generator import synthetic_responses
from outcomes.surveys.models import Edition, ReleasedReport, School
from outcomes.surveys.services import record_responses

pytestmark = pytest.mark.django_db
SLUG = "primary-2009"


def _send(edition, code, pupils, seed):
    school = School.objects.get(code=code)
    record_responses(
        edition, synthetic_responses(edition, [(school, pupils)], seed=seed, days=(edition.opens,) * 2)
    )


def test_each_release_is_a_publication_read_by_every_output():
    edition = Edition.objects.get(slug=SLUG)
    first = releases.latest(edition)
    publication = first.publication
    assert (publication.kind, publication.subject) == ("survey-release", f"edition:{edition.pk}")
    assert (publication.version, publication.interim) == (first.number, True)
    assert publication.published_at == first.published_at
    # The borough's results are stored once, in the publication, and survey_report prints them.
    assert not ReleasedReport.objects.filter(release=first, school=None).exists()
    out = io.StringIO()
    call_command("survey_report", "--edition", SLUG, stdout=out)
    printed = json.loads(out.getvalue())
    assert printed["release"] == publication.content["release"]
    assert printed["respondents"] == publication.content["respondents"]


def test_a_later_release_is_the_next_version_and_says_what_changed(users):
    edition = Edition.objects.get(slug=SLUG)
    _send(edition, "swinton-brookfield", 6, seed=901)
    _send(edition, "kiveton-park-meadows", 5, seed=902)
    second = releases.publish(edition, user=users["performance_officer"])
    versions = publications.versions("survey-release", f"edition:{edition.pk}")
    assert [p.version for p in versions] == [1, 2]
    assert second.publication == versions[-1]
    assert second.publication.replaces == versions[0]
    assert second.publication.changes == ["Responses: 572 → 583."]


def test_a_release_links_to_its_report_only_for_its_readers(users):
    edition = Edition.objects.get(slug=SLUG)
    publication = releases.latest(edition).publication
    url = reverse("surveys:borough_report", args=[SLUG]) + "?release=1"
    assert links.url_for(users["performance_officer"], publication) == url
    # Viewers read final releases only (decision 0055): release 1 is interim.
    assert links.url_for(users["viewer"], publication) is None
    assert links.url_for(users["school"], publication) is None
