"""The rules of the Report to Members template (outcomes/papers/rules.py), one by one."""

from outcomes.papers.rules import (
    HEADER_FIELDS,
    Part,
    contact,
    header_fields,
    numbering,
    required_sections,
    template_problems,
)


def header(**texts) -> list[Part]:
    labels = {"meeting": "Meeting", "date": "Date", "title": "Title", "directorate": "Directorate"}
    given = {
        "meeting": "Scrutiny Panel",
        "date": "19 November 2010",
        "title": "A title",
        "directorate": "CYPS",
    }
    given.update(texts)
    return [Part(key, labels[key], given[key], True, is_field=True) for key, _ in HEADER_FIELDS]


def section(key, text="", required=True, label=None) -> Part:
    return Part(key, label or key.title(), text, required, template_label=label or key.title())


def test_complete_header_fields_pass():
    assert header_fields(header()) == []


def test_an_empty_header_field_is_named_by_number_and_label():
    # Seed 003 L273-276: the LACC paper's fields 1-4 are blank.
    parts = header(meeting="", date=" ", title="", directorate="")
    assert header_fields(parts) == [
        "Field 1 Meeting is empty.",
        "Field 2 Date is empty.",
        "Field 3 Title is empty.",
        "Field 4 Directorate is empty.",
    ]


def test_a_relabelled_header_field_is_refused_naming_what_it_must_read():
    parts = header()
    parts[0] = Part("meeting", "Committee", "Scrutiny Panel", True, is_field=True)
    assert header_fields(parts) == ["Field 1 Meeting is printed as “Committee”: it must read “Meeting”."]


def test_field_4_may_read_programme_area_as_seed_003_prints_it():
    parts = header()
    parts[3] = Part("directorate", "Programme Area:", "Integrated Youth Support Service", True, is_field=True)
    assert header_fields(parts) == []
    parts[3] = Part("directorate", "Department", "CYPS", True, is_field=True)
    assert header_fields(parts) == [
        "Field 4 Directorate is printed as “Department”: it must read “Directorate” or “Programme Area”."
    ]


def test_a_missing_header_field_is_named():
    assert header_fields(header()[:3]) == ["Field 4 Directorate is missing from the paper."]


def test_header_fields_out_of_order_are_refused():
    parts = header()
    parts[0], parts[1] = parts[1], parts[0]
    assert header_fields(parts) == [
        "Fields 1-4 must come first, in the order Meeting, Date, Title, Directorate."
    ]


def test_a_required_section_left_empty_is_named_by_the_template():
    # Seed 002 L99: the Lifestyle paper lost its "8. Finance" heading.
    parts = [
        *header(),
        section("summary", "Text"),
        section("finance", "  ", label="Finance"),
        section("equality", "", required=False, label="Equality and Diversity"),
    ]
    assert required_sections(parts) == ["The section “Finance” is required and has not been written."]


def test_a_retitled_section_is_still_named_as_the_template_names_it():
    part = Part(
        "proposals", "Strategy Proposal and Details", "", True, template_label="Proposals and Details"
    )
    assert required_sections([part]) == [
        "The section “Proposals and Details” is required and has not been written."
    ]


def test_the_contact_needs_a_name_and_a_way_to_reach_them():
    assert contact("Ruth Bastin", "01709 822359", "") == []
    assert contact("Ruth Bastin", "", "ruth.bastin@rotherham.gov.uk") == []
    assert contact("", "", "") == [
        "The contact name is empty.",
        "The contact needs a telephone number or an e-mail address.",
    ]


def test_numbering_skips_an_optional_section_left_empty():
    parts = [
        *header(),
        section("summary", "x"),
        section("equality", "", required=False),
        section("background", "y"),
    ]
    assert numbering(parts) == [1, 2, 3, 4, 5, None, 6]


def test_numbering_counts_an_optional_section_written():
    # Seed 002: Equality and Diversity is 11, Background Papers 12.
    parts = [
        *header(),
        section("summary", "x"),
        section("equality", "z", required=False),
        section("background", "y"),
    ]
    assert numbering(parts) == [1, 2, 3, 4, 5, 6, 7]


def test_a_template_keeps_the_four_header_fields_first():
    good = [
        ("meeting", "Meeting", True, True),
        ("date", "Date", True, True),
        ("title", "Title", True, True),
        ("directorate", "Directorate", True, True),
        ("summary", "Summary", True, False),
    ]
    assert template_problems(good) == []
    relabelled = [("meeting", "Committee", True, True), *good[1:]]
    assert template_problems(relabelled) == ["Field 1 must be labelled “Meeting”, not “Committee”."]
    optional = [*good[:2], ("title", "Title", False, True), *good[3:]]
    assert template_problems(optional) == ["Field 3 “Title” is a required one-line field."]
    assert template_problems(good[1:]) == [
        "Field 1 must be “Meeting”.",
        "Field 2 must be “Date”.",
        "Field 3 must be “Title”.",
        "Field 4 must be “Directorate”.",
    ]
    extra = [*good, ("venue", "Venue", True, True)]
    assert template_problems(extra) == ["“Venue” cannot be a header field: only fields 1-4 are."]
