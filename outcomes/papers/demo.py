"""The papers demo: the partnership adds "Equality and Diversity" to its Report to Members template
(as seed 002 L113 prints it), and two papers are written from the seeds (demo_data/): the Lifestyle
Survey 2009 report to members, published (its survey figures frozen as the demo's release stands),
and a draft cover paper for the June 2014 progress report, whose figures follow the round.
Loading twice changes nothing."""

from outcomes.accounts.models import User
from outcomes.papers import services
from outcomes.papers.content import sections_of
from outcomes.papers.defaults import ensure_default_template
from outcomes.papers.demo_data import cypp_june_2014, lifestyle_2009
from outcomes.papers.models import Paper, PaperTemplate, TemplateSection
from outcomes.plans.models import Round
from outcomes.surveys.models import Edition

EQUALITY = "Equality and Diversity"


def _write(source, user, subject: dict) -> Paper:
    # Made by a migration, but gone after a flush (reset-demo on PostgreSQL, transactional tests).
    template = ensure_default_template(PaperTemplate, TemplateSection)
    paper = services.start_paper(
        user=user,
        template=template,
        meeting=source.FIELDS["meeting"],
        title=source.FIELDS["title"],
        slug=source.SLUG,
    )
    sections = {s.template_section.key: (s.label, s.text) for s in sections_of(paper)}
    for key, text in {**source.FIELDS, **source.SECTIONS}.items():
        sections[key] = (sections[key][0], text)
    services.save_paper(
        user=user, paper=paper, sections=sections, contact=source.CONTACT, expected_version=paper.version
    )
    by_key = {s.template_section.key: s for s in sections_of(paper)}
    for key, kind, question, caption in source.BLOCKS:
        services.add_block(
            user=user, section=by_key[key], kind=kind, question=question, caption=caption, **subject
        )
    return paper


def load_demo_papers() -> str | None:
    if Paper.objects.filter(slug__in=[lifestyle_2009.SLUG, cypp_june_2014.SLUG]).exists():
        return None
    edition = Edition.objects.filter(slug="primary-2009").first()
    round_ = Round.objects.filter(plan__slug="cypp-2013-16", slug="june-2014").first()
    if edition is None or round_ is None:
        return None
    user = User.objects.filter(username="performance").first()
    # Made by a migration, but gone after a flush (reset-demo on PostgreSQL, transactional tests).
    template = ensure_default_template(PaperTemplate, TemplateSection)
    if not template.sections.filter(label=EQUALITY).exists():
        services.add_template_section(
            user=user, template=template, label=EQUALITY, required=False, after_key="policy"
        )
    lifestyle = _write(lifestyle_2009, user, {"edition": edition})
    services.publish_paper(user=user, paper=lifestyle)
    _write(cypp_june_2014, user, {"round": round_})
    return (
        "Loaded two committee papers: the Lifestyle Survey 2009 report (published) and the June 2014 "
        "cover paper (draft)."
    )
