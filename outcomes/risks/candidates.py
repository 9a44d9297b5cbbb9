"""Candidate risks that rise from red items (issue 16; seed 002 L1394: significant red NTI items "are
being fed into the CYPS risk register"), listening to the floors below without them importing this:

- a plan's row approved at least half Red proposes a candidate on the register its plan feeds
  (decision 0157, 0158); approved at least half Green again, it suggests the risk be re-rated;
- an indicator exception "significantly worse than England", and a committee paper published with
  its Risks and Uncertainties section marked significant, propose one on the register that takes
  the other candidates.

A proposal is made once per source (services.propose_candidate); a listener's failure is logged and
never undoes what the plan or indicator saved (the signals are sent after commit).
"""

import logging

from django.urls import reverse

from outcomes.risks import rules, services
from outcomes.risks.models import Register, Risk

log = logging.getLogger(__name__)


def _short(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def register_for_plan(plan) -> Register | None:
    """The register a plan's red rows feed: the one linked to the plan, or naming its slug (a plan
    loaded after the register), else the register that takes the other candidates."""
    if plan is not None:
        register = Register.objects.filter(plans=plan).order_by("pk").first()
        if register is not None:
            return register
        # JSON "contains" is not on every database: the few registers are read here.
        for register in Register.objects.order_by("pk"):
            if plan.slug in (register.plan_slugs or []):
                return register
    return Register.objects.filter(takes_other_candidates=True).order_by("pk").first()


def milestone_key(milestone) -> str:
    return f"plans.milestone:{milestone.pk}"


def _lead_person(milestone):
    for role in ("delivery", "strategy"):
        for lead in milestone.leads_in(role):
            if lead.person_id:
                return lead.person
    return None


def on_update_approved(sender, update, **kwargs) -> None:  # noqa: ARG001
    try:
        _update_approved(update)
    except Exception:  # pragma: no cover - a failure here must never reach the approver
        log.exception("Candidate risk from an approved update failed")


def _update_approved(update) -> None:
    milestone = update.milestone
    plan = update.round.plan
    styles = {s.key: s.style for s in plan.rag_statuses.all()}
    weights = update.exact_weights()
    where = f"{plan.title}, {milestone.reference}"
    if rules.proposes_candidate(weights, styles):
        register = register_for_plan(plan)
        if register is None:
            return
        services.propose_candidate(
            register=register,
            title=_short(milestone.text),
            owner=_lead_person(milestone),
            source_key=milestone_key(milestone),
            source_text=f"Red in {update.round.title}: {where}. {_short(update.text, 400)}".strip(),
            source_url=reverse(
                "plans:milestone", args=[plan.slug, milestone.priority.number, milestone.number]
            ),
        )
    elif rules.suggests_rerating(weights, styles):
        for risk in Risk.objects.filter(
            source_key=milestone_key(milestone), status__in=[Risk.OPEN, Risk.CANDIDATE]
        ):
            services.suggest_rerating(
                risk=risk,
                text=f"{where} returned to Green in {update.round.title}: consider rating the risk again.",
            )


def on_exception_opened(sender, record, **kwargs) -> None:  # noqa: ARG001
    try:
        _exception_opened(record)
    except Exception:  # pragma: no cover
        log.exception("Candidate risk from an exception failed")


def _exception_opened(record) -> None:
    if record.kind != "worse_than_england":
        return
    register = Register.objects.filter(takes_other_candidates=True).order_by("pk").first()
    if register is None:
        return
    indicator = record.indicator
    services.propose_candidate(
        register=register,
        title=_short(f"{indicator.name}: significantly worse than England"),
        source_key=f"indicators.exception:{record.indicator_id}:{record.area_id}:{record.kind}",
        source_text=f"Exception: {record.detail}",
        source_url=reverse("indicators:exceptions"),
    )


def on_paper_published(sender, paper, version, **kwargs) -> None:  # noqa: ARG001
    try:
        _paper_published(paper, version)
    except Exception:  # pragma: no cover
        log.exception("Candidate risk from a paper failed")


def _paper_published(paper, version: int) -> None:
    """A paper published with its Risks and Uncertainties section marked significant proposes a
    candidate, once per paper (a later version with the mark proposes nothing more)."""
    section = paper.sections.filter(template_section__key="risks", significant=True).first()
    if section is None or not section.text.strip():
        return
    register = Register.objects.filter(takes_other_candidates=True).order_by("pk").first()
    if register is None:
        return
    services.propose_candidate(
        register=register,
        title=_short(f"{paper.title}: {section.text}"),
        source_key=f"papers.paper:{paper.pk}",
        source_text=f"Committee paper “{paper.title}”, version {version}, {section.label}: "
        f"{_short(section.text, 600)}",
        source_url=reverse("papers:detail", args=[paper.slug]),
    )


def connect() -> None:
    from outcomes.indicators.signals import exception_opened
    from outcomes.papers.signals import paper_published
    from outcomes.plans.signals import update_approved

    update_approved.connect(on_update_approved, dispatch_uid="risks.candidates.update_approved")
    exception_opened.connect(on_exception_opened, dispatch_uid="risks.candidates.exception_opened")
    paper_published.connect(on_paper_published, dispatch_uid="risks.candidates.paper_published")
