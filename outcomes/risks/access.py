"""Who may read and change the risk registers (issue 16; decision 0161).

Performance officers and administrators run the registers: they set them up, add and edit risks,
keep the matrix and decide candidates. A risk's owner (a lead officer linked as its owner) updates
their risk: rates it, records its reviews, links and raises its mitigating actions; a register's
owner accepts or rejects its candidates. Lead officers and viewers read; schools read nothing
(403). A register or risk that does not exist is 404.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse

from outcomes.accounts.roles import Role, is_manager
from outcomes.core import links
from outcomes.risks.models import Register, Risk

READERS = {Role.LEAD_OFFICER, Role.VIEWER}


def runs_registers(user) -> bool:
    return is_manager(user)


def reads_registers(user) -> bool:
    return runs_registers(user) or bool(user.is_authenticated and user.is_active and user.role in READERS)


def person_of(user):
    return getattr(user, "person", None) if user.is_authenticated else None


def _is_lead_person(user, person) -> bool:
    mine = person_of(user)
    return bool(
        person is not None
        and mine is not None
        and mine.pk == person.pk
        and user.role == Role.LEAD_OFFICER
        and user.is_active
    )


def owns_risk(user, risk: Risk) -> bool:
    return risk.owner_id is not None and _is_lead_person(user, risk.owner)


def owns_register(user, register: Register) -> bool:
    return register.owner_id is not None and _is_lead_person(user, register.owner)


def may_update_risk(user, risk: Risk) -> bool:
    """Rate, review and mitigate: those who run registers, or the risk's owner, while it is open."""
    return risk.status == Risk.OPEN and (runs_registers(user) or owns_risk(user, risk))


def may_decide_candidate(user, risk: Risk) -> bool:
    return risk.status == Risk.CANDIDATE and (runs_registers(user) or owns_register(user, risk.register))


def sees_risk(user, risk: Risk) -> bool:
    """Candidates and rejected candidates are for those who decide them; open and closed risks for
    every reader."""
    if not reads_registers(user):
        return False
    if risk.status in (Risk.OPEN, Risk.CLOSED):
        return True
    return runs_registers(user) or owns_register(user, risk.register)


def require_reader(user) -> None:
    if not reads_registers(user):
        raise PermissionDenied("The risk registers are for the partnership's officers and members.")


def require_runner(user) -> None:
    if not runs_registers(user):
        raise PermissionDenied("Only performance officers and administrators run the risk registers.")


def get_register_for_user(user, slug: str) -> Register:
    require_reader(user)
    register = Register.objects.filter(slug=slug).select_related("owner", "reviewed_by").first()
    if register is None:
        raise Http404("No such register")
    return register


def get_register_to_run(user, slug: str) -> Register:
    register = get_register_for_user(user, slug)
    require_runner(user)
    return register


def get_risk_for_user(user, slug: str, reference: str) -> Risk:
    register = get_register_for_user(user, slug)
    risk = register.risks.filter(reference=reference).select_related("register", "owner").first()
    if risk is None or not sees_risk(user, risk):
        raise Http404("No such risk")
    return risk


def get_risk_to_edit(user, slug: str, reference: str) -> Risk:
    risk = get_risk_for_user(user, slug, reference)
    require_runner(user)
    return risk


def get_risk_to_update(user, slug: str, reference: str) -> Risk:
    risk = get_risk_for_user(user, slug, reference)
    if not may_update_risk(user, risk):
        raise PermissionDenied("Only the risk's owner and those who run the registers update an open risk.")
    return risk


def get_candidate_to_decide(user, slug: str, reference: str) -> Risk:
    risk = get_risk_for_user(user, slug, reference)
    if not may_decide_candidate(user, risk):
        raise PermissionDenied(
            "Only the register's owner and those who run the registers decide a candidate."
        )
    return risk


def register_pages() -> None:
    links.register(
        Register,
        lambda user, register: (
            reverse("risks:register", args=[register.slug]) if reads_registers(user) else None
        ),
    )
    links.register(
        Risk,
        lambda user, risk: (
            reverse("risks:risk", args=[risk.register.slug, risk.reference])
            if sees_risk(user, risk)
            else None
        ),
    )
