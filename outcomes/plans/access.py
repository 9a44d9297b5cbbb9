"""Who may see and change what (SPEC "Users and what they may do").

Each kind of object has one helper that returns it for the signed-in user or refuses: views call
these and nothing else decides access. Refusals are 404 where the object's existence is itself
private, 403 where the user may know it exists but not act on it.
"""

import json

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.urls import reverse

from outcomes.accounts.roles import Role, is_manager
from outcomes.documents.publications import Publication
from outcomes.plans.models import Action, Evidence, Milestone, Plan, Priority, Round, StrategicLead


def manages_plans(user) -> bool:
    return is_manager(user)


def is_lead_officer(user) -> bool:
    return bool(user.is_authenticated and user.is_active and user.role == Role.LEAD_OFFICER)


def can_list_plans(user) -> bool:
    """Managers see every plan; lead officers the plans they lead in. Viewers read published reports
    from the home page, not the plans' working pages."""
    return manages_plans(user) or is_lead_officer(user)


def _person(user):
    return getattr(user, "person", None)


def led_milestones(user):
    """The milestones a lead officer leads: as a named delivery or strategy lead, as the strategic
    lead of the priority, or through their organisation when the lead is an organisation."""
    person = _person(user)
    if person is None:
        return Milestone.objects.none()
    led = Q(leads__person=person) | Q(priority__strategic_leads__person=person)
    if person.organisation_id:
        led |= Q(leads__person__isnull=True, leads__organisation_id=person.organisation_id)
    return Milestone.objects.filter(led).distinct()


def leads_in_plan(user, plan: Plan) -> bool:
    person = _person(user)
    if person is None:
        return False
    return (
        led_milestones(user).filter(priority__plan=plan).exists()
        or StrategicLead.objects.filter(person=person, priority__plan=plan).exists()
    )


def can_view_plan(user, plan: Plan) -> bool:
    if manages_plans(user):
        return True
    return is_lead_officer(user) and leads_in_plan(user, plan)


def visible_plans(user):
    if manages_plans(user):
        return Plan.objects.all()
    if is_lead_officer(user):
        return Plan.objects.filter(pk__in=[p.pk for p in Plan.objects.all() if leads_in_plan(user, p)])
    if user.is_authenticated and user.role == Role.VIEWER:
        return Plan.objects.filter(rounds__published_at__isnull=False).distinct()
    return Plan.objects.none()


def get_plan_for_user(user, slug: str) -> Plan:
    plan = Plan.objects.filter(slug=slug).first()
    if plan is None or not can_view_plan(user, plan):
        raise Http404("No such plan")
    return plan


def get_plan_to_manage(user, slug: str) -> Plan:
    plan = get_plan_for_user(user, slug)
    if not manages_plans(user):
        raise PermissionDenied("Only performance officers and administrators may change a plan.")
    return plan


def get_round_for_user(user, plan_slug: str, round_slug: str) -> Round:
    plan = get_plan_for_user(user, plan_slug)
    round_ = Round.objects.filter(plan=plan, slug=round_slug).first()
    if round_ is None:
        raise Http404("No such round")
    return round_


def get_round_to_manage(user, plan_slug: str, round_slug: str) -> Round:
    round_ = get_round_for_user(user, plan_slug, round_slug)
    if not manages_plans(user):
        raise PermissionDenied("Only performance officers and administrators may manage a round.")
    return round_


def reads_published_only(user) -> bool:
    """Viewers read what was published and nothing else (the publications of reports/publishing.py)."""
    return bool(user.is_authenticated and user.is_active and user.role == Role.VIEWER)


def can_read_report(user, round_: Round) -> bool:
    """Viewers read published reports only; everyone who may see the plan reads any report."""
    if reads_published_only(user):
        return round_.is_published
    return can_view_plan(user, round_.plan)


def get_round_report_for_user(user, plan_slug: str, round_slug: str) -> Round:
    round_ = Round.objects.filter(plan__slug=plan_slug, slug=round_slug).select_related("plan").first()
    if round_ is None or not can_read_report(user, round_):
        raise Http404("No such report")
    return round_


def get_evidence_for_user(user, plan_slug: str, round_slug: str, pk: int) -> Evidence:
    """An update's evidence file, for whoever may read the round's report. A viewer reads only what
    was published: a file listed in one of the round's publications (decision 0103)."""
    round_ = get_round_report_for_user(user, plan_slug, round_slug)
    evidence = Evidence.objects.filter(pk=pk, update__round=round_).first()
    if evidence is None:
        raise Http404("No such file")
    if reads_published_only(user):
        url = json.dumps(reverse("plans:evidence", args=[plan_slug, round_slug, pk]))
        published = Publication.objects.filter(kind=Round.REPORT_KIND, subject=round_.report_subject)
        if not any(url in json.dumps(p.content) for p in published):
            raise Http404("No such file")
    return evidence


def get_milestone_for_user(user, plan: Plan, priority_number: int, number: int) -> Milestone:
    if not can_view_plan(user, plan):
        raise Http404("No such milestone")
    milestone = (
        Milestone.objects.filter(priority__plan=plan, priority__number=priority_number, number=number)
        .select_related("priority", "action")
        .first()
    )
    if milestone is None:
        raise Http404("No such milestone")
    return milestone


def get_priority_for_user(user, plan: Plan, number: int) -> Priority:
    if not can_view_plan(user, plan):
        raise Http404("No such priority")
    priority = Priority.objects.filter(plan=plan, number=number).first()
    if priority is None:
        raise Http404("No such priority")
    return priority


def get_priority_to_manage(user, slug: str, number: int) -> Priority:
    return get_priority_for_user(user, get_plan_to_manage(user, slug), number)


def get_action_to_manage(user, slug: str, number: int, label: str) -> Action:
    priority = get_priority_to_manage(user, slug, number)
    action = Action.objects.filter(priority=priority, label=label).select_related("priority").first()
    if action is None:
        raise Http404("No such action")
    return action


def get_milestone_to_manage(user, slug: str, priority_number: int, number: int) -> Milestone:
    return get_milestone_for_user(user, get_plan_to_manage(user, slug), priority_number, number)


def can_update_milestone(user, milestone: Milestone) -> bool:
    if manages_plans(user):
        return True
    return is_lead_officer(user) and led_milestones(user).filter(pk=milestone.pk).exists()


def get_milestone_to_update(user, plan: Plan, priority_number: int, number: int) -> Milestone:
    milestone = get_milestone_for_user(user, plan, priority_number, number)
    if not can_update_milestone(user, milestone):
        raise PermissionDenied("You can update only the milestones you lead.")
    return milestone


def register_pages() -> None:
    """Links to a plan, a milestone or a round are drawn only for those who may open them
    (core/links.py): a viewer reading an indicator sees "P1 M6" without a link to a 404."""
    from django.urls import reverse

    from outcomes.core import links

    def may_view(user, plan: Plan) -> bool:
        # Asked once per plan for each request's user: a round page draws 159 milestone links.
        seen = getattr(user, "_outcomes_plan_views", None)
        if seen is None:
            seen = {}
            user._outcomes_plan_views = seen
        if plan.pk not in seen:
            seen[plan.pk] = can_view_plan(user, plan)
        return seen[plan.pk]

    def plan_url(user, plan: Plan) -> str | None:
        return reverse("plans:detail", args=[plan.slug]) if may_view(user, plan) else None

    def milestone_url(user, m: Milestone) -> str | None:
        plan = m.priority.plan
        if not may_view(user, plan):
            return None
        return reverse("plans:milestone", args=[plan.slug, m.priority.number, m.number])

    def round_url(user, r: Round) -> str | None:
        return reverse("plans:round", args=[r.plan.slug, r.slug]) if may_view(user, r.plan) else None

    links.register(Plan, plan_url)
    links.register(Milestone, milestone_url)
    links.register(Round, round_url)
