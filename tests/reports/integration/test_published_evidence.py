"""Evidence files are kept with what is published (issue 14, decision 0103): a viewer opens a file a
publication lists, and only such a file; the publication's link keeps working after the file is
taken off the update."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from outcomes.plans.evidence import attach_evidence, check_upload, remove_evidence
from outcomes.plans.models import Update
from outcomes.reports.publishing import publish_report

pytestmark = pytest.mark.django_db


def _attach(update, name, content):
    return attach_evidence(user=None, update=update, checked=check_upload(SimpleUploadedFile(name, content)))


def test_a_viewer_opens_only_the_files_a_publication_lists(client, users, demo_round):
    update = Update.objects.get(round=demo_round, milestone__priority__number=1, milestone__number=26)
    study = _attach(update, "case-study.pdf", b"%PDF-1.4 the case study as published")
    publish_report(user=users["performance_officer"], round_=demo_round, interim=True)
    later = _attach(update, "draft.pdf", b"%PDF-1.4 added after publishing")
    remove_evidence(user=None, update=update, ids=[study.pk])

    client.force_login(users["viewer"])
    published = reverse("plans:evidence", args=[demo_round.plan.slug, demo_round.slug, study.pk])
    report = client.get(reverse("reports:progress", args=[demo_round.plan.slug, demo_round.slug]))
    assert f'href="{published}"' in report.content.decode()
    opened = client.get(published)
    assert b"".join(opened.streaming_content) == b"%PDF-1.4 the case study as published"
    unpublished = reverse("plans:evidence", args=[demo_round.plan.slug, demo_round.slug, later.pk])
    assert client.get(unpublished).status_code == 404
