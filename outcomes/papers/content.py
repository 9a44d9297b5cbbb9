"""A paper as one JSON document: the header fields, the numbered sections with their blocks and the
contact. The draft builds it from the rows with live blocks; a publication stores it as it was, and
every output (page, Word, PDF, HTML, JSON) is made from it, so a published paper reads the same in
every format and for ever.
"""

from datetime import date

from outcomes.papers import blocks, rules
from outcomes.papers.models import Paper, PaperSection


def sections_of(paper: Paper) -> list[PaperSection]:
    """The paper's sections in the template's order, one per template section: a section the
    template gained after the paper was started comes empty (unsaved until the paper is saved)."""
    held = {s.template_section_id: s for s in paper.sections.select_related("template_section")}
    for ts in paper.template.sections.all():
        if ts.pk not in held:
            held[ts.pk] = PaperSection(paper=paper, template_section=ts, label=ts.label)
    return sorted(held.values(), key=lambda s: (s.template_section.position, s.template_section.pk))


def parts_of(sections: list[PaperSection]) -> list[rules.Part]:
    return [
        rules.Part(
            key=s.template_section.key,
            label=s.label,
            text=s.text,
            required=s.template_section.required,
            is_field=s.template_section.kind == s.template_section.FIELD,
            template_label=s.template_section.label,
        )
        for s in sections
    ]


def publication_problems(paper: Paper) -> list[str]:
    """Why the paper cannot be published, each naming the field or section; empty when it can."""
    parts = parts_of(sections_of(paper))
    template = [(ts.key, ts.label, ts.required, ts.kind == ts.FIELD) for ts in paper.template.sections.all()]
    return (
        rules.template_problems(template)
        + rules.header_fields(parts)
        + rules.required_sections(parts)
        + rules.contact(paper.contact_name, paper.contact_telephone, paper.contact_email)
    )


def paper_content(paper: Paper, as_at: date) -> dict:
    """The paper as the data stand now, every block computed "as at" ``as_at``."""
    sections = sections_of(paper)
    parts = parts_of(sections)
    numbers = rules.numbering(parts)
    header, body = [], []
    for section, part, number in zip(sections, parts, numbers, strict=True):
        if part.is_field:
            header.append({"number": number, "key": part.key, "label": part.label, "text": part.text.strip()})
            continue
        if number is None:
            continue  # an optional section left empty is not printed
        body.append(
            {
                "number": number,
                "key": part.key,
                "label": part.label,
                "text": part.text.strip(),
                "blocks": [
                    blocks.live_content(b, as_at) for b in (section.blocks.all() if section.pk else [])
                ],
            }
        )
    return {
        "paper": paper.slug,
        "heading": paper.template.heading,
        "title": next((h["text"] for h in header if h["key"] == "title"), paper.slug),
        "as_at": as_at.isoformat(),
        "header": header,
        "sections": body,
        "contact": {
            "name": paper.contact_name,
            "title": paper.contact_title,
            "telephone": paper.contact_telephone,
            "email": paper.contact_email,
        },
    }


def all_blocks(content: dict) -> list[dict]:
    return [b for s in content["sections"] for b in s["blocks"]]


def changes_between(before: dict, after: dict) -> list[str]:
    """What a new version changes from the one it replaces, one sentence each: fields, sections
    and contact rewritten, then every figure that moved."""
    found = []
    old_header = {h["key"]: h for h in before["header"]}
    for h in after["header"]:
        was = old_header.get(h["key"])
        if was is None or (was["label"], was["text"]) != (h["label"], h["text"]):
            found.append(f"Field {h['number']} {h['label']} changed to “{h['text']}”.")
    old_sections = {s["key"]: s for s in before["sections"]}
    new_keys = {s["key"] for s in after["sections"]}
    for s in after["sections"]:
        was = old_sections.get(s["key"])
        if was is None:
            found.append(f"Section {s['number']} {s['label']} added.")
        elif (was["label"], was["text"]) != (s["label"], s["text"]):
            found.append(f"Section {s['number']} {s['label']} rewritten.")
    found += [f"Section {s['label']} removed." for key, s in old_sections.items() if key not in new_keys]
    if before["contact"] != after["contact"]:
        found.append("The contact changed.")
    return found + blocks.changed_figures(all_blocks(before), all_blocks(after))
