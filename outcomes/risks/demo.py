"""The demo CYPS risk register (issue 16): the NTI action plan's only Red row, "Reduce the over
reliance on agency staff" (seed 002 L1510, £440,000 savings at risk; L1362-1368), fed into the CYPS
risk register as L1394 says, rated, with two mitigating actions on the Trust Board's tracker and
its review by the Children and Young People's Trust Board on 20 October 2010, whose minute D24
received the register (L1814-1838) and resolved to review it quarterly.

[R] The seed prints no rating scale, no ratings and no % progress: the ratings are reconstructed
(the row is Red and "the savings target ... will not be met", so likely and major), the actions'
progress left empty; their words are the row's commentary. load_demo loads the NTI plan (slug
nti-2010) first, so the risk links to its row (its source kept as text when the plan is not there).
Loading twice changes nothing.
"""

from datetime import date

from outcomes.accounts.models import Person, User
from outcomes.governance import services as governance_services
from outcomes.governance.models import Body, Meeting, StandingItem
from outcomes.risks import mitigations, services
from outcomes.risks.models import Register, Risk

SLUG = "cyps"
NAME = "CYPS risk register"
TRUST_BOARD = "trust-board"  # governance/demo_data/trust_board_2010.py
NTI = "nti-2010"
STANDING = "Risk register"
SOURCE_TEXT = (
    'Notice to Improve action plan, update of 27 October 2010, Operational targets: "Reduce the over '
    'reliance on agency staff", lead Gani Martins, → Red. 2009/10 spend £1,843,627; target: reduce by '
    '£440,000 in 2010/11. "It is anticipated that the savings target of £440,000 will not be met."'
)
COMMENTARY = (
    "The recruitment campaign for permanent social workers and team managers continues however, there is "
    "still major expenditure on agency staffing. Expenditure on agency social workers and team managers to "
    "date is £776,973 and agency admin £33,219. It is anticipated that the savings target of £440,000 will "
    "not be met."
)


def _nti_row():
    """The NTI plan's agency staff row, when the plan is loaded (branch kinds)."""
    from outcomes.plans.models import Milestone

    return (
        Milestone.objects.filter(priority__plan__slug=NTI, text__icontains="agency staff")
        .select_related("priority__plan")
        .first()
    )


def load_demo_risks() -> str | None:
    if Register.objects.filter(slug=SLUG).exists():
        return None
    user = User.objects.filter(username="performance").first()
    board = Body.objects.filter(slug=TRUST_BOARD).first()
    director, _ = Person.objects.get_or_create(name="Joyce Thacker")
    lead, _ = Person.objects.get_or_create(name="Gani Martins")
    register = services.save_register(
        user=user,
        name=NAME,
        slug=SLUG,
        kind=Register.DIRECTORATE,
        owner=director,
        reviewed_by=board,
        standing_item=STANDING,
        takes_other_candidates=True,
        description="Children and Young People's Services' register in JCAD Risk (seed 002 L1816).",
    )
    register.plan_slugs = [NTI]
    register.save(update_fields=["plan_slugs"])
    if board is not None and not StandingItem.objects.filter(body=board, title=STANDING).exists():
        StandingItem.objects.create(body=board, title=STANDING, order=90, kind="other")

    row = _nti_row()
    proposed = date(2010, 10, 1)
    risk = services.propose_candidate(
        register=register,
        title="Reduce the over reliance on agency staff: the £440,000 savings target will not be met",
        owner=lead,
        source_key=f"plans.milestone:{row.pk}" if row else "demo:nti-2010:agency-staff",
        source_text=SOURCE_TEXT,
        source_url=(f"/plans/{NTI}/priorities/{row.priority.number}/milestones/{row.number}/" if row else ""),
        on=proposed,
    )
    if risk is None:  # pragma: no cover - the register was just made
        return None
    services.accept_candidate(
        user=user,
        risk=risk,
        on=proposed,
        before=(5, 4),
        after=(4, 4),
        target=(2, 3),
        owner=lead,
        treatment=Risk.TREAT,
    )
    risk.refresh_from_db()
    services.edit_risk(
        user=user,
        risk=risk,
        cause="Vacant social worker and team manager posts covered by agency staff (13.8 posts; 3 of 4 team "
        "manager vacancies) under the Duttons contract.",
        event="Agency spend in 2010/11 stays above the ceiling of £1,403,627 (2009/10 spend less £440,000).",
        consequence="The £440,000 saving is not made; the Notice to Improve's workforce target is missed.",
    )
    risk.refresh_from_db()
    if board is not None:
        for details, due in (
            (
                "Recruitment campaign for permanent social workers and team managers, to replace agency "
                "staff (NTI workforce action).",
                date(2011, 3, 31),
            ),
            (
                "Monitor agency spend monthly against the 2010/11 ceiling of £1,403,627 and report the "
                "projection for the year to the Trust Board.",
                date(2011, 1, 31),
            ),
        ):
            mitigation = mitigations.raise_mitigating_action(
                user=user,
                risk=risk,
                body=board,
                details=details,
                owner_text="Gani Martins",
                owners=[lead],
                due_on=due,
                raised_on=proposed,
            )
            if mitigation.order == 1 and mitigation.action is not None:
                governance_services.add_update(
                    user=user, action=mitigation.action, on=date(2010, 10, 27), text=COMMENTARY
                )
    meeting = Meeting.objects.filter(body=board, date=date(2010, 10, 20)).first() if board else None
    services.add_review(
        user=user,
        risk=risk,
        on=date(2010, 10, 20),
        meeting=meeting,
        after=(5, 4),
        comment="Minute D24: the register received and noted; the Board to review it quarterly. "
        "Agency spend to date makes the saving unlikely.",
    )
    return f"Loaded the demo risk register '{NAME}' ({SLUG})."
