"""Writing, refusing, publishing and revising committee papers (issue 14, "Committee papers")."""

import json

import pytest
from django.urls import reverse

from outcomes.core.models import ChangeRecord
from outcomes.documents import publications
from outcomes.papers import services
from outcomes.papers.content import sections_of
from outcomes.papers.models import FigureBlock, Paper, PaperTemplate
from outcomes.plans.models import Update

pytestmark = pytest.mark.django_db

DRAFT = "cypp-progress-june-2014"
PUBLISHED = "lifestyle-survey-2009"


def edit_data(paper: Paper, **changes) -> dict:
    """The edit form as the page fills it in, with ``changes`` (field name: value) typed over it."""
    data = {"version": paper.version}
    for s in sections_of(paper):
        data[f"label_{s.template_section.key}"] = s.label
        data[f"text_{s.template_section.key}"] = s.text
    for name in ("name", "title", "telephone", "email"):
        data[f"contact_{name}"] = getattr(paper, f"contact_{name}")
    return {**data, **changes}


def confirm(client, url):
    return client.post(url, {"confirm": "yes"})


def test_a_paper_missing_a_required_section_is_refused_naming_it(client, users):
    paper = Paper.objects.get(slug=DRAFT)
    client.force_login(users["performance_officer"])
    client.post(reverse("papers:edit", args=[DRAFT]), edit_data(paper, text_finance=""))
    response = confirm(client, reverse("papers:publish", args=[DRAFT]))
    assert response.status_code == 400
    assert "The section “Finance” is required and has not been written." in response.content.decode()
    assert services.current_publication(paper) is None
    with pytest.raises(services.PaperRefused, match="Finance"):
        services.publish_paper(user=users["performance_officer"], paper=paper)


def test_a_paper_with_a_relabelled_or_empty_header_field_is_refused(client, users):
    paper = Paper.objects.get(slug=DRAFT)
    client.force_login(users["performance_officer"])
    client.post(
        reverse("papers:edit", args=[DRAFT]), edit_data(paper, label_meeting="Committee", text_date="")
    )
    page = client.get(reverse("papers:publish", args=[DRAFT])).content.decode()
    assert "Field 1 Meeting is printed as “Committee”: it must read “Meeting”." in page
    assert "Field 2 Date is empty." in page
    # The draft's page says so before anyone tries.
    assert "Field 2 Date is empty." in client.get(reverse("papers:detail", args=[DRAFT])).content.decode()


def test_a_template_whose_header_field_was_relabelled_publishes_no_paper(users):
    from outcomes.papers.models import TemplateSection

    TemplateSection.objects.filter(key="meeting").update(label="Committee")
    with pytest.raises(services.PaperRefused) as refused:
        services.publish_paper(user=users["performance_officer"], paper=Paper.objects.get(slug=DRAFT))
    assert "Field 1 must be labelled “Meeting”, not “Committee”." in refused.value.problems


def test_writing_a_paper_in_the_page_saves_every_section_and_records_who(client, users):
    client.force_login(users["performance_officer"])
    response = client.post(
        reverse("papers:new"),
        {"template": PaperTemplate.objects.get().pk, "meeting": "Scrutiny Panel", "title": "Foster carers"},
    )
    paper = Paper.objects.get(slug="foster-carers")
    assert response["Location"] == reverse("papers:edit", args=["foster-carers"])
    data = edit_data(
        paper,
        text_summary="Line one.\n- a point\n- another",
        contact_name="Sue Wilson",
        contact_email="not an address",
    )
    response = client.post(reverse("papers:edit", args=["foster-carers"]), data)
    assert "Enter an e-mail address like name@rotherham.gov.uk" in response.content.decode()
    data["contact_email"] = "sue@example.org"
    assert client.post(reverse("papers:edit", args=["foster-carers"]), data).status_code == 302
    assert paper.sections.get(template_section__key="summary").text == "Line one.\n- a point\n- another"
    page = client.get(reverse("papers:detail", args=["foster-carers"])).content.decode()
    assert "<li>a point</li>" in page
    assert "Summary set to “Line one. - a point - another”." in page  # the history, in words
    assert ChangeRecord.objects.filter(
        object_id=str(paper.pk), action="paper_saved", user=users["performance_officer"]
    ).exists()


def test_a_second_writer_saving_an_older_form_keeps_their_text_and_is_told(client, users):
    paper = Paper.objects.get(slug=DRAFT)
    opened = edit_data(paper, text_summary="Mine")
    services.save_paper(
        user=users["administrator"],
        paper=paper,
        sections={"summary": ("Summary", "Theirs")},
        contact={},
        expected_version=paper.version,
    )
    client.force_login(users["performance_officer"])
    response = client.post(reverse("papers:edit", args=[DRAFT]), opened)
    assert response.status_code == 200
    assert "while you were editing it" in response.content.decode()
    assert ">Mine</textarea>" in response.content.decode()
    assert "What System Administrator saved" in response.content.decode()
    assert "Theirs" in response.content.decode()
    assert paper.sections.get(template_section__key="summary").text == "Theirs"


def test_publishing_freezes_the_figures_and_a_new_version_shows_what_changed(client, users):
    paper = Paper.objects.get(slug=DRAFT)
    client.force_login(users["performance_officer"])
    assert confirm(client, reverse("papers:publish", args=[DRAFT])).status_code == 302
    first = services.current_publication(paper)
    overview = next(b for b in first.content["sections"][2]["blocks"] if b["kind"] == "round_overview")
    assert overview["figures"]["Total – Amber"] == "103"

    # The data change afterwards: an Amber milestone turns Red.
    update = Update.objects.filter(round__slug="june-2014", weights={"amber": "1"}).first()
    Update.objects.filter(pk=update.pk).update(weights={"red": "1"})

    client.force_login(users["viewer"])
    page = client.get(reverse("papers:detail", args=[DRAFT])).content.decode()
    assert "Version 1, published" in page
    published = json.loads(client.get(reverse("papers:download", args=[DRAFT, "json"])).content)
    assert published["sections"][2]["blocks"][0]["figures"]["Total – Amber"] == "103"

    client.force_login(users["performance_officer"])
    # The writer sees what the data now say beside the frozen version, then opens a new version.
    page = client.get(reverse("papers:detail", args=[DRAFT])).content.decode()
    assert "Overview: Update June 2014: Total – Amber was 103, now 102." in page
    assert client.post(reverse("papers:reopen", args=[DRAFT])).status_code == 302
    page = client.get(reverse("papers:detail", args=[DRAFT])).content.decode()
    assert "Changed since version 1" in page
    assert "Total – Red was 16, now 17." in page
    draft = json.loads(client.get(reverse("papers:download", args=[DRAFT, "json"])).content)
    assert draft["draft"] is True
    assert draft["sections"][2]["blocks"][0]["figures"]["Total – Amber"] == "102"

    assert confirm(client, reverse("papers:publish", args=[DRAFT])).status_code == 302
    second = services.current_publication(paper)
    assert second.version == 2
    assert second.replaces == first
    assert "Overview: Update June 2014: Total – Amber was 103, now 102." in second.changes
    # Both versions stay readable at their own addresses, each as published.
    client.force_login(users["viewer"])
    v1 = json.loads(client.get(reverse("papers:version_download", args=[DRAFT, 1, "json"])).content)
    v2 = json.loads(client.get(reverse("papers:version_download", args=[DRAFT, 2, "json"])).content)
    assert v1["sections"][2]["blocks"][0]["figures"]["Total – Amber"] == "103"
    assert v2["sections"][2]["blocks"][0]["figures"]["Total – Amber"] == "102"
    assert "Revised on" in client.get(reverse("papers:version", args=[DRAFT, 2])).content.decode()


def test_a_published_paper_cannot_be_changed_until_it_is_opened_again(users):
    paper = Paper.objects.get(slug=PUBLISHED)
    with pytest.raises(services.NotEditable):
        services.save_paper(
            user=users["performance_officer"],
            paper=paper,
            sections={},
            contact={},
            expected_version=paper.version,
        )
    with pytest.raises(services.NotEditable):
        services.add_block(
            user=users["performance_officer"],
            section=paper.sections.first(),
            kind=FigureBlock.OPEN_EXCEPTIONS,
        )


def test_every_block_says_the_date_its_figures_stand_at(client, users):
    client.force_login(users["performance_officer"])
    page = client.get(reverse("papers:detail", args=[DRAFT])).content.decode()
    assert page.count("As at ") == 3


def test_a_figure_is_added_in_the_page_and_its_subject_is_asked_for(client, users):
    client.force_login(users["performance_officer"])
    url = reverse("papers:figure_add", args=[DRAFT])
    response = client.post(url, {"section": "risks", "kind": "indicator_latest"})
    assert "Enter the code of the indicator the figure is of, like NI 59" in response.content.decode()
    response = client.post(url, {"section": "risks", "kind": "indicator_latest", "indicator": "NI 999"})
    assert "There is no indicator with the code NI 999" in response.content.decode()
    for kind in ("indicator_latest", "indicator_chart", "open_exceptions"):
        assert client.post(url, {"section": "risks", "kind": kind, "indicator": "ni 59"}).status_code == 302
    page = client.get(reverse("papers:detail", args=[DRAFT])).content.decode()
    assert "NI 59" in page
    assert "data:image/svg+xml" in page or "<svg" in page
    assert "Direction of travel" in page


def test_a_survey_figure_shows_the_published_release_with_small_numbers_suppressed(users):
    from outcomes.papers.blocks import live_content
    from outcomes.surveys.models import Edition

    block = FigureBlock(
        kind=FigureBlock.SURVEY_QUESTION, edition=Edition.objects.get(slug="primary-2009"), question="q3"
    )
    content = live_content(block, __import__("datetime").date(2014, 7, 1))
    assert "[c]" in {c["text"] for row in content["table"]["rows"] for c in row}
    assert content["source"].startswith("Interim release 1")


def test_removing_a_figure_asks_first(client, users):
    client.force_login(users["performance_officer"])
    block = FigureBlock.objects.filter(section__paper__slug=DRAFT).first()
    url = reverse("papers:figure_remove", args=[DRAFT, block.pk])
    assert "Remove the figure" in client.post(url).content.decode()
    assert FigureBlock.objects.filter(pk=block.pk).exists()
    assert confirm(client, url).status_code == 302
    assert not FigureBlock.objects.filter(pk=block.pk).exists()


def test_a_section_added_to_the_template_reaches_every_paper_and_numbers_follow(client, users):
    client.force_login(users["performance_officer"])
    url = reverse("papers:template", args=["report-to-members"])
    response = client.post(url, {"label": "Climate Impact", "required": "yes", "after": "finance"})
    assert response.status_code == 302
    paper = Paper.objects.get(slug=DRAFT)
    page = client.get(reverse("papers:publish", args=[DRAFT])).content.decode()
    assert "The section “Climate Impact” is required and has not been written." in page
    client.post(reverse("papers:edit", args=[DRAFT]), edit_data(paper, text_climate_impact="None."))
    content = json.loads(client.get(reverse("papers:download", args=[DRAFT, "json"])).content)
    assert [(s["number"], s["label"]) for s in content["sections"]][3:6] == [
        (8, "Finance"),
        (9, "Climate Impact"),
        (10, "Risks and Uncertainties"),
    ]


def test_the_demo_lifestyle_paper_numbers_equality_and_diversity_11_and_background_12(client, users):
    client.force_login(users["viewer"])
    content = json.loads(client.get(reverse("papers:download", args=[PUBLISHED, "json"])).content)
    assert [(s["number"], s["label"]) for s in content["sections"]][-2:] == [
        (11, "Equality and Diversity"),
        (12, "Background Papers and Consultation"),
    ]
    assert content["published"]["version"] == 1
    assert publications.current("paper", Paper.objects.get(slug=PUBLISHED).subject_key).title.startswith(
        "Primary School Lifestyle Survey 2009"
    )


def test_the_home_page_lists_the_papers_each_person_may_read(client, users):
    client.force_login(users["viewer"])
    page = client.get(reverse("home:home")).content.decode()
    assert "Primary School Lifestyle Survey 2009" in page
    assert "Review of the CYPP" not in page  # a draft is not theirs to read
    client.force_login(users["performance_officer"])
    page = client.get(reverse("home:home")).content.decode()
    assert "Review of the CYPP" in page
    assert "draft" in page
    client.force_login(users["school"])
    assert "Committee papers" not in client.get(reverse("home:home")).content.decode()
