"""Every change to a paper goes through here: started, written, figures placed and removed,
published (frozen as a Publication of kind "paper"), opened again for a new version. Each change
is recorded in words (core history)."""

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify

from outcomes.core.conflicts import SaveConflict
from outcomes.core.models import record_change
from outcomes.documents import publications
from outcomes.papers import content, rules, signals
from outcomes.papers.models import FigureBlock, Paper, PaperSection, PaperTemplate, TemplateSection

KIND = "paper"


class PaperRefused(Exception):
    """The paper cannot be published: ``problems`` name each field or section."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__(" ".join(problems))


class NotEditable(Exception):
    pass


def current_publication(paper: Paper):
    return publications.current(KIND, paper.subject_key)


def versions(paper: Paper) -> list:
    return publications.versions(KIND, paper.subject_key)


def is_published(paper: Paper) -> bool:
    return current_publication(paper) is not None


def is_editable(paper: Paper) -> bool:
    """A draft, or a published paper opened again for its next version."""
    return paper.reopened or not is_published(paper)


def unique_slug(text: str) -> str:
    base = slugify(text)[:70] or "paper"
    slug, n = base, 2
    while Paper.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def start_paper(*, user, template: PaperTemplate, meeting: str, title: str, slug: str = "") -> Paper:
    paper = Paper.objects.create(slug=slug or unique_slug(title), template=template, created_by=user)
    given = {"meeting": meeting, "title": title}
    PaperSection.objects.bulk_create(
        PaperSection(paper=paper, template_section=ts, label=ts.label, text=given.get(ts.key, ""))
        for ts in template.sections.all()
    )
    record_change(
        user=user, obj=paper, action="paper_started", summary=f"Started the paper “{title}”", after=given
    )
    return paper


@transaction.atomic
def save_paper(
    *,
    user,
    paper: Paper,
    sections: dict[str, tuple[str, str]],
    contact: dict,
    expected_version: int,
    significant_risks: bool | None = None,
):
    """Write the paper: ``sections`` maps a template section's key to (label, text). Refused when
    someone saved since the form was opened (core/conflicts.py) or the paper is published."""
    paper = Paper.objects.select_for_update(of=("self",)).get(pk=paper.pk)
    if not is_editable(paper):
        raise NotEditable("This paper has been published: open it for a new version to change it.")
    if paper.version != expected_version:
        raise SaveConflict("this paper", paper)
    before, after = {}, {}
    for section in content.sections_of(paper):
        key = section.template_section.key
        if key not in sections:
            continue
        label, text = sections[key]
        label = " ".join(label.split()) or section.template_section.label
        if (section.label, section.text) != (label, text) or section.pk is None:
            before[section.label] = section.text
            after[label] = text
            section.label, section.text = label, text
            section.save()
        if key == "risks" and significant_risks is not None and section.significant != significant_risks:
            before["Risks marked significant"] = "yes" if section.significant else "no"
            after["Risks marked significant"] = "yes" if significant_risks else "no"
            section.significant = significant_risks
            section.save()
    for name, value in contact.items():
        old = getattr(paper, f"contact_{name}")
        if old != value:
            before[f"Contact {name}"], after[f"Contact {name}"] = old, value
            setattr(paper, f"contact_{name}", value)
    paper.version += 1
    paper.save()
    if after:
        record_change(
            user=user, obj=paper, action="paper_saved", summary=f"Saved {paper}", before=before, after=after
        )
    return paper


def _require_editable(paper: Paper) -> None:
    if not is_editable(paper):
        raise NotEditable("This paper has been published: open it for a new version to change it.")


@transaction.atomic
def add_block(*, user, section: PaperSection, kind: str, **subject) -> FigureBlock:
    _require_editable(section.paper)
    if section.pk is None:
        section.save()
    last = section.blocks.aggregate(m=Max("position"))["m"] or 0
    block = FigureBlock.objects.create(section=section, position=last + 1, kind=kind, **subject)
    record_change(
        user=user,
        obj=section.paper,
        action="paper_figure_added",
        summary=f"Added “{block.get_kind_display()}” to {section.label}",
    )
    return block


@transaction.atomic
def remove_block(*, user, block: FigureBlock) -> None:
    paper = block.section.paper
    _require_editable(paper)
    record_change(
        user=user,
        obj=paper,
        action="paper_figure_removed",
        summary=f"Removed “{block.get_kind_display()}” from {block.section.label}",
    )
    block.delete()


@transaction.atomic
def publish_paper(*, user, paper: Paper):
    """Freeze the paper as it stands, its figures as the data stand now, as the next version."""
    paper = Paper.objects.select_for_update(of=("self",)).get(pk=paper.pk)
    _require_editable(paper)
    problems = content.publication_problems(paper)
    if problems:
        raise PaperRefused(problems)
    frozen = content.paper_content(paper, timezone.localdate())
    previous = current_publication(paper)
    changes = content.changes_between(previous.content, frozen) if previous else []
    publication = publications.publish(
        KIND, paper.subject_key, frozen, user=user, title=frozen["title"], changes=changes
    )
    paper.reopened = False
    paper.save(update_fields=["reopened", "updated_at"])
    # After commit, as plans/signals.py: the risk register proposes a candidate from significant risks.
    transaction.on_commit(
        lambda: signals.paper_published.send(sender=Paper, paper=paper, version=publication.version)
    )
    record_change(
        user=user,
        obj=paper,
        action="paper_published",
        summary=f"Published version {publication.version} of “{frozen['title']}”",
    )
    return publication


@transaction.atomic
def reopen_paper(*, user, paper: Paper) -> Paper:
    paper = Paper.objects.select_for_update(of=("self",)).get(pk=paper.pk)
    if is_editable(paper):
        return paper
    paper.reopened = True
    paper.version += 1
    paper.save()
    record_change(
        user=user, obj=paper, action="paper_reopened", summary=f"Opened “{paper}” for a new version"
    )
    return paper


@transaction.atomic
def add_template_section(
    *, user, template: PaperTemplate, label: str, required: bool, after_key: str
) -> TemplateSection:
    """A section the partnership adds to its template (seed 002's Equality and Diversity), after
    the section named; every paper of the template gains it, empty."""
    sections = list(template.sections.all())
    after = next((s for s in sections if s.key == after_key), sections[-1])
    if after.key in rules.HEADER_KEYS[:-1]:
        raise ValueError("A section goes after the header fields (1-4), not among them.")
    key = slugify(label)[:60] or "section"
    if any(s.key == key for s in sections):
        raise ValueError(f"The template already has a section “{label}”.")
    following = [s for s in sections if s.position > after.position]
    gap = (following[0].position if following else after.position + 20) - after.position
    if gap < 2:
        for n, s in enumerate(following, start=1):
            s.position = after.position + 10 * (n + 1)
            s.save(update_fields=["position"])
        gap = 20
    section = TemplateSection.objects.create(
        template=template, position=after.position + gap // 2, key=key, label=label, required=required
    )
    record_change(
        user=user,
        obj=template,
        action="template_section_added",
        summary=f"Added the {'required' if required else 'optional'} section “{label}” to {template}",
    )
    return section
