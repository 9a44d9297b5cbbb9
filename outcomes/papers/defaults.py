"""The council's "Report to Members" template as seed 002 (L57-123, L1287-1414) and seed 003
(L270-333) print it: fields 1-4, sections 5-11, then the contact. Loaded by a data migration so that
every installation has it; a partnership adds its own sections in the page (services)."""

TEMPLATE = {
    "name": "Report to Members",
    "slug": "report-to-members",
    "heading": "ROTHERHAM BOROUGH COUNCIL – REPORT TO MEMBERS",
}
# key, label, kind, required, hint
SECTIONS = [
    (
        "meeting",
        "Meeting",
        "field",
        True,
        "The body the paper goes to, e.g. Children and Young People's Scrutiny Panel.",
    ),
    ("date", "Date", "field", True, "The date of the meeting, e.g. Friday 19th November 2010."),
    ("title", "Title", "field", True, "A second line can name an appendix."),
    ("directorate", "Directorate", "field", True, "Or print it as “Programme Area”."),
    ("summary", "Summary", "text", True, ""),
    ("recommendations", "Recommendations", "text", True, "Start each one on its own line: (i) That ..."),
    ("proposals", "Proposals and Details", "text", True, ""),
    ("finance", "Finance", "text", True, ""),
    ("risks", "Risks and Uncertainties", "text", True, ""),
    ("policy", "Policy and Performance Agenda Implications", "text", True, ""),
    ("background", "Background Papers and Consultation", "text", True, ""),
]


def ensure_default_template(PaperTemplate, TemplateSection):
    """The template and its sections, made once (models given, so a migration can call it)."""
    template, made = PaperTemplate.objects.get_or_create(slug=TEMPLATE["slug"], defaults=TEMPLATE)
    if made:
        TemplateSection.objects.bulk_create(
            TemplateSection(
                template=template,
                position=10 * n,
                key=key,
                label=label,
                kind=kind,
                required=required,
                hint=hint,
            )
            for n, (key, label, kind, required, hint) in enumerate(SECTIONS, start=1)
        )
    return template
