"""Both demo papers in every format, opened as a reader would (LibreOffice, poppler), and
``render_paper`` (issue 14: "render_paper --paper SLUG --format docx|pdf|html|json [--as-at DATE]")."""

import json
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from outcomes.papers import services
from outcomes.papers.models import Paper
from tests.office import docx_as_text, pdf_tags, pdf_text

pytestmark = pytest.mark.django_db

DEMO_PAPERS = ["lifestyle-survey-2009", "cypp-progress-june-2014"]


@pytest.mark.slow
@pytest.mark.parametrize("slug", DEMO_PAPERS)
def test_each_demo_paper_downloads_as_word_and_pdf_that_open(client, users, tmp_path, slug):
    client.force_login(users["performance_officer"])
    docx = tmp_path / "paper.docx"
    docx.write_bytes(client.get(reverse("papers:download", args=[slug, "docx"])).content)
    pdf = client.get(reverse("papers:download", args=[slug, "pdf"])).content
    # Tagged for screen readers: section headings, figure headings below them, tables with headers.
    tags = [name for name, _ in pdf_tags(pdf)]
    assert {"H1", "H2", "H3", "Table", "TH", "TD"} <= set(tags)
    for words in (docx_as_text(docx, tmp_path), pdf_text(pdf, tmp_path)):
        assert "REPORT TO MEMBERS" in words
        assert "1. Meeting:" in words
        assert "Directorate:" in words
        assert "As at " in words
        if slug == "lifestyle-survey-2009":
            assert "11. Equality and Diversity" in words
            assert "Pupils who answered the survey 572" in words
            assert "Contact Name: Ruth Bastin" in words
        else:
            assert "Total 40 103 16 0 159" in words
            assert "Green: 40 (25%), Amber: 103 (65%), Red: 16 (10%), Blue: 0 (0%), of 159" in words
            assert "Draft: not published" in words


def render(tmp_path, *args) -> bytes:
    out = tmp_path / "out"
    call_command("render_paper", *args, "--output", str(out))
    return out.read_bytes()


def test_render_paper_gives_the_published_version_and_the_draft(tmp_path):
    published = json.loads(render(tmp_path, "--paper", "lifestyle-survey-2009", "--format", "json"))
    assert published["published"]["version"] == 1
    assert published["draft"] is False
    draft = json.loads(render(tmp_path, "--paper", "cypp-progress-june-2014", "--format", "json"))
    assert draft["draft"] is True
    assert draft["published"] is None
    html = render(tmp_path, "--paper", "cypp-progress-june-2014", "--format", "html").decode()
    assert html.startswith("<!DOCTYPE html>")
    assert "7. Proposals and Details" in html


def test_render_paper_as_at_gives_the_version_in_force_then(tmp_path, users):
    paper = Paper.objects.get(slug="lifestyle-survey-2009")
    first = services.current_publication(paper)
    services.reopen_paper(user=users["performance_officer"], paper=paper)
    services.save_paper(
        user=users["performance_officer"],
        paper=paper,
        sections={"recommendations": ("Recommendations", "That the Panel notes this report.")},
        contact={},
        expected_version=Paper.objects.get(pk=paper.pk).version,
    )
    second = services.publish_paper(user=users["performance_officer"], paper=paper)
    type(second).objects.filter(pk=second.pk).update(published_at=first.published_at + timedelta(days=2))
    day_after = (timezone.localtime(first.published_at) + timedelta(days=1)).date().isoformat()
    then = json.loads(render(tmp_path, "--paper", paper.slug, "--format", "json", "--as-at", day_after))
    now = json.loads(render(tmp_path, "--paper", paper.slug, "--format", "json"))
    assert then["published"]["version"] == 1
    assert now["published"]["version"] == 2
    assert then["sections"][1]["text"] != now["sections"][1]["text"] == "That the Panel notes this report."
    # The same version twice gives the same bytes.
    assert render(tmp_path, "--paper", paper.slug, "--format", "docx", "--as-at", day_after) == render(
        tmp_path, "--paper", paper.slug, "--format", "docx", "--as-at", day_after
    )


def test_render_paper_refuses_a_moment_before_the_first_publication_and_an_unknown_paper(tmp_path):
    with pytest.raises(
        CommandError, match="was not published by 2010-11-19: its first version was published"
    ):
        render(tmp_path, "--paper", "lifestyle-survey-2009", "--format", "json", "--as-at", "2010-11-19")
    with pytest.raises(CommandError, match="it has never been published"):
        render(tmp_path, "--paper", "cypp-progress-june-2014", "--format", "json", "--as-at", "2030-01-01")
    with pytest.raises(CommandError, match="There is no paper 'nope'"):
        render(tmp_path, "--paper", "nope", "--format", "json")
    with pytest.raises(CommandError, match="write a date as YYYY-MM-DD"):
        render(tmp_path, "--paper", "lifestyle-survey-2009", "--format", "json", "--as-at", "19/11/2010")
