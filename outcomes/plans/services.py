"""Everything that changes a plan's progress data goes through here, so that every change is
checked by the rules and recorded in the history the same way, whatever the route (page,
command, import)."""

from datetime import date
from fractions import Fraction

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify

from outcomes.core.conflicts import conflict_message
from outcomes.core.formatting import format_decimal, fraction_text
from outcomes.core.models import ChangeRecord, record_change
from outcomes.plans import kinds, rules, signals
from outcomes.plans.leads import LeadResolver, write_milestone_leads
from outcomes.plans.models import Milestone, MilestoneLead, MilestoneLink, Plan, RagStatus, Round, Update


class RoundClosed(Exception):
    def __init__(self, round_: Round):
        super().__init__(f"The round '{round_.title}' is closed: its updates can no longer change.")
        self.round = round_


class EditConflict(Exception):
    """Someone else saved first. Carries what they saved, so the second person can compare."""

    def __init__(self, current: Update):
        who = current.submitted_by.display_name if current.submitted_by else "someone else"
        when = timezone.localtime(current.submitted_at).strftime("%H:%M") if current.submitted_at else ""
        super().__init__(
            f"{who} saved this update{' at ' + when if when else ''} while you were editing it. "
            "Your text has not been saved: compare it with theirs below and save again."
        )
        self.current = current


def milestone_key(milestone: Milestone) -> str:
    return f"milestone:{milestone.pk}"


def add_default_rag_statuses(plan: Plan, definitions=rules.DEFAULT_RAG) -> None:
    RagStatus.objects.bulk_create(
        RagStatus(
            plan=plan,
            key=d.key,
            label=d.label,
            description=d.description,
            style=d.style,
            order=i,
            means_no_update=d.means_no_update,
            is_key_issue=d.is_key_issue,
            counts_as=getattr(d, "counts_as", ""),
        )
        for i, d in enumerate(definitions)
    )


def rag_keys(plan: Plan) -> list[str]:
    return [s.key for s in plan.rag_statuses.all()]


def no_update_key(plan: Plan) -> str | None:
    status = next((s for s in plan.rag_statuses.all() if s.means_no_update), None)
    return status.key if status else None


def weights_as_text(weights: dict[str, Fraction]) -> dict[str, str]:
    return {key: fraction_text(value) for key, value in weights.items()}


def _snapshot(update: Update) -> dict:
    snapshot = {"text": update.text, "rag": update.weights, "tables": update.tables, "state": update.state}
    # Only where the plan's kind asks them, so a CYPP update's history reads as it always did.
    if update.direction or update.current:
        snapshot.update(direction=update.direction, current=update.current)
    return snapshot


def _record_update_change(user, update: Update, verb: str, before: dict | None) -> None:
    """Updates are recorded under their milestone, so its page shows their whole history."""
    record_change(
        user=user,
        obj=update,
        action=f"update.{verb}",
        summary=f"Update for {update.milestone.reference} in {update.round.title} {verb}",
        before=before,
        after=_snapshot(update),
        subject_key=milestone_key(update.milestone),
    )


def save_update(
    *,
    user,
    round_: Round,
    milestone: Milestone,
    text: str,
    weights: dict,
    expected_version: int | None,
    tables: list | None = None,
    direction: str | None = None,
    performance: str | None = None,
) -> Update:
    """Create or change a milestone's update in a round.

    ``expected_version`` is the version the person started editing from (None for a new update).
    If someone saved in between, nothing is written and EditConflict says so: no save is lost
    silently. A changed update goes back to awaiting approval. ``tables`` (rows and columns, as in
    docs/interchange.md) replace the update's tables; None keeps them. ``direction`` (of travel:
    rules.DIRECTIONS) and ``performance`` (its current performance, Update.current) are an
    improvement-plan row's; None keeps them."""
    if round_.is_closed:
        raise RoundClosed(round_)
    rules.retired_take_no_updates(milestone.reference, milestone.is_retired)
    exact = rules.rag_weights_sum_to_one(weights, rag_keys(round_.plan))
    if direction and direction not in rules.DIRECTIONS:
        raise rules.RuleViolation(f"'{direction}' is not a direction of travel")
    stored = weights_as_text(exact)
    now = timezone.now()
    with transaction.atomic():
        current = Update.objects.select_for_update().filter(round=round_, milestone=milestone).first()
        if current is None:
            if expected_version is not None:
                # It existed when the form was opened and has since gone: treat as a conflict.
                raise EditConflict(Update(round=round_, milestone=milestone))
            try:
                with transaction.atomic():
                    update = Update.objects.create(
                        round=round_,
                        milestone=milestone,
                        text=text,
                        weights=stored,
                        tables=tables or [],
                        direction=direction or "",
                        current=performance or "",
                        submitted_by=user,
                        submitted_at=now,
                        state=Update.SUBMITTED,
                    )
            except IntegrityError:
                # Two first saves at once: the unique constraint lets only one in.
                current = Update.objects.get(round=round_, milestone=milestone)
                raise EditConflict(current) from None
            _record_update_change(user, update, "created", None)
            return update
        if expected_version is None or current.version != expected_version:
            raise EditConflict(current)
        before = _snapshot(current)
        changed = Update.objects.filter(pk=current.pk, version=expected_version).update(
            text=text,
            weights=stored,
            tables=current.tables if tables is None else tables,
            direction=current.direction if direction is None else direction,
            current=current.current if performance is None else performance,
            state=Update.SUBMITTED,
            submitted_by=user,
            submitted_at=now,
            approved_by=None,
            approved_at=None,
            version=expected_version + 1,
            updated_at=now,
        )
        if changed != 1:  # pragma: no cover - the row lock above makes this a second guard only
            raise EditConflict(Update.objects.get(pk=current.pk))
        current.refresh_from_db()
        _record_update_change(user, current, "changed", before)
        return current


def approve_update(*, user, update: Update, expected_version: int | None = None) -> Update:
    if update.round.is_closed:
        raise RoundClosed(update.round)
    with transaction.atomic():
        current = Update.objects.select_for_update().get(pk=update.pk)
        if expected_version is not None and current.version != expected_version:
            raise EditConflict(current)
        if current.state == Update.APPROVED:
            return current
        before = _snapshot(current)
        current.state = Update.APPROVED
        current.approved_by = user
        current.approved_at = timezone.now()
        current.version += 1
        current.save()
        _record_update_change(user, current, "approved", before)
        # After commit: a listener's failure never undoes an approval, nor sees one rolled back.
        transaction.on_commit(lambda: signals.update_approved.send(sender=Update, update=current))
        return current


def milestones_in_round(round_: Round, milestones) -> list[Milestone]:
    """Of ``milestones`` (a plan's), those the round reports on: all but the retired ones the round
    holds no update of (``rules.retired_stay_where_reported``)."""
    reported = set(round_.updates.values_list("milestone_id", flat=True))
    return [
        m
        for m in milestones
        if rules.retired_stay_where_reported(retired=m.is_retired, reported_in_round=m.pk in reported)
    ]


class RoundAlreadyClosed(Exception):
    pass


def close_round(*, user, round_: Round, automatically: bool = False) -> list[Update]:
    """Close a round: nothing more can be submitted, and every milestone of a reported priority
    without an update becomes the no-update colour (``rules.blue_at_close``). ``automatically``:
    closed by the scheduled job at the end of its close date (decision 0115), as the history says."""
    with transaction.atomic():
        locked = Round.objects.select_for_update().get(pk=round_.pk)
        if locked.is_closed:
            raise RoundAlreadyClosed(
                f"The round '{locked.title}' was already closed on "
                f"{timezone.localtime(locked.closed_at):%d %B %Y}."
            )
        blue = no_update_key(locked.plan)
        if blue is None:
            raise rules.RuleViolation(
                "This plan's RAG vocabulary has no colour for 'no update provided'; add one first."
            )
        milestones = Milestone.objects.filter(priority__plan=locked.plan).order_by(
            "priority__number", "number"
        )
        missing = rules.blue_at_close(
            (m.pk for m in milestones_in_round(locked, milestones)),
            locked.updates.values_list("milestone_id", flat=True),
        )
        now = timezone.now()
        created = Update.objects.bulk_create(
            Update(
                round=locked,
                milestone_id=pk,
                text="",
                weights={blue: "1"},
                state=Update.NO_UPDATE,
                submitted_at=now,
            )
            for pk in missing
        )
        locked.closed_at = now
        locked.closed_by = user
        locked.save(update_fields=["closed_at", "closed_by"])
        record_change(
            user=user,
            obj=locked,
            action="round.closed",
            summary=f"Round '{locked.title}' closed"
            f"{' automatically at the end of its close date' if automatically else ''}; "
            f"{len(created)} milestones without an update set to {blue}",
            before={"closed": False},
            after={"closed": True, "no_update": len(created)},
        )
    round_.refresh_from_db()
    return created


def record_publication(*, user, round_: Round, version: int, interim: bool, at) -> Round:
    """The round's report was published (reports/publishing.py keeps what was published): viewers may
    read it from now on, and the round's history says so. A publication is never withdrawn: a
    mistake is put right by publishing a revision (decision 0090)."""
    first = round_.published_at is None
    if first:
        round_.published_at = at
        round_.save(update_fields=["published_at"])
    what = "an interim report" if interim else "the report"
    record_change(
        user=user,
        obj=round_,
        action="round.published",
        summary=f"Published {what} for '{round_.title}' (version {version})",
        before={"published": not first},
        after={"published": True, "version": version, "interim": interim},
    )
    return round_


def unique_slug(title: str, taken, max_length: int = 80) -> str:
    """The short name for links, made from the title ("Update December 2014" ->
    "update-december-2014"), with -2, -3... when it is already taken."""
    base = slugify(title)[: max_length - 4].strip("-") or "untitled"
    slug, n = base, 1
    while taken(slug):
        n += 1
        slug = f"{base}-{n}"
    return slug


def create_round(
    *, user, plan: Plan, title: str, opens: date, closes: date, slug: str | None = None
) -> Round:
    if closes < opens:
        raise rules.RuleViolation("The date the round closes must be on or after the date it opens")
    slug = slug or unique_slug(title, lambda s: Round.objects.filter(plan=plan, slug=s).exists())
    if Round.objects.filter(plan=plan, slug=slug).exists():
        raise rules.RuleViolation(f"This plan already has a round called '{slug}'.")
    round_ = Round.objects.create(plan=plan, slug=slug, title=title, opens=opens, closes=closes)
    record_change(
        user=user,
        obj=round_,
        action="round.created",
        summary=f"Round '{title}' created",
        before=None,
        after={"slug": slug, "title": title, "opens": str(opens), "closes": str(closes)},
    )
    return round_


def create_plan(*, user, title: str, start: date, end: date, **details) -> Plan:
    """A new plan with the seed's RAG vocabulary; priorities follow by import or the admin."""
    with transaction.atomic():
        slug = unique_slug(title, lambda s: Plan.objects.filter(slug=s).exists())
        plan = Plan.objects.create(slug=slug, title=title, start=start, end=end, **details)
        add_default_rag_statuses(plan, kinds.kind_of(plan).rag)
        record_change(
            user=user,
            obj=plan,
            action="plan.created",
            summary=f"Plan '{title}' created",
            after={"slug": slug, "title": title, "start": str(start), "end": str(end)},
        )
    return plan


def change_round_settings(
    *, user, plan: Plan, close_rounds_automatically: bool, remind_days_before: int
) -> Plan:
    """How the plan's rounds run: whether they close themselves on their close date, and how many
    days before it lead officers are reminded (decision 0115)."""
    fields = ("close_rounds_automatically", "remind_days_before")
    before = {name: getattr(plan, name) for name in fields}
    after = {
        "close_rounds_automatically": close_rounds_automatically,
        "remind_days_before": remind_days_before,
    }
    if before == after:
        return plan
    plan.close_rounds_automatically = close_rounds_automatically
    plan.remind_days_before = remind_days_before
    plan.save(update_fields=[*fields, "updated_at"])
    said = []
    if before["close_rounds_automatically"] != close_rounds_automatically:
        said.append(
            "rounds now close themselves at the end of their close date"
            if close_rounds_automatically
            else "rounds are now closed by hand"
        )
    if before["remind_days_before"] != remind_days_before:
        said.append(f"lead officers are reminded {remind_days_before} days before a round closes")
    record_change(
        user=user,
        obj=plan,
        action="plan.round_settings",
        summary=f"Plan '{plan.title}': {'; '.join(said)}",
        before=before,
        after=after,
    )
    return plan


MEASURE_KINDS = ("baseline", "target", "actual")


def milestone_snapshot(milestone: Milestone) -> dict:
    snapshot = {
        "reference": milestone.reference,
        "action": f"({milestone.action.label}) of priority {milestone.action.priority.number}",
        "text": milestone.text,
        "due": milestone.due.isoformat() if milestone.due else None,
        "sub_heading": milestone.sub_heading,
        "delivery_lead": milestone.leads_text(MilestoneLead.DELIVERY),
        "strategy_lead": milestone.leads_text(MilestoneLead.STRATEGY),
    }
    # An improvement row's own fields, in words, only where it has them (a CYPP's history reads as before).
    for name, value in (
        ("target_date_as_written", milestone.due_text),
        ("workstream", milestone.workstream),
        ("baselines", "; ".join(kinds.baseline_text(b) for b in milestone.baselines or [])),
        ("targets", "; ".join(kinds.target_text(t) for t in milestone.targets or [])),
    ):
        if value:
            snapshot[name] = value
    for kind in MEASURE_KINDS:
        value = getattr(milestone, f"{kind}_value")
        snapshot[kind] = (
            " ".join(
                part
                for part in (
                    format_decimal(value),
                    getattr(milestone, f"{kind}_unit"),
                    getattr(milestone, f"{kind}_period"),
                )
                if part
            )
            or None
        )
    return snapshot


class MilestoneEditConflict(Exception):
    """Someone changed the milestone after the form was opened; says who and when, from its history."""

    def __init__(self, current: Milestone):
        last = (
            ChangeRecord.objects.filter(subject_key=milestone_key(current), action="milestone.changed")
            .select_related("user")
            .first()
        )
        self.who = last.user.display_name if last and last.user else None
        super().__init__(conflict_message("this milestone", self.who, last.at if last else None))
        self.current = current


def edit_milestone(
    *,
    user,
    milestone: Milestone,
    fields: dict,
    delivery_leads: list[str],
    strategy_leads: list[str],
    expected_version: int,
) -> Milestone:
    """Change a milestone's wording, dates, leads or measures, or move it to another action (of
    any priority) or number; the history keeps before and after. A moved milestone keeps its
    updates and history, which hang on the milestone, and cross-links follow it."""
    with transaction.atomic():
        current = (
            Milestone.objects.select_for_update(of=("self",)).select_related("priority").get(pk=milestone.pk)
        )
        if current.version != expected_version:
            raise MilestoneEditConflict(current)
        before = milestone_snapshot(current)
        old_place = (current.priority.number, current.number)
        for name, value in fields.items():
            setattr(current, name, value)
        current.priority = current.action.priority
        current.version += 1
        try:
            with transaction.atomic():
                current.save()
        except IntegrityError:
            raise rules.RuleViolation(
                f"Priority {current.priority.number} already has a milestone {current.number}."
            ) from None
        new_place = (current.priority.number, current.number)
        if new_place != old_place:
            MilestoneLink.objects.filter(
                milestone__priority__plan=current.priority.plan_id,
                priority_number=old_place[0],
                milestone_number=old_place[1],
            ).update(priority_number=new_place[0], milestone_number=new_place[1])
        resolver = LeadResolver()
        current.leads.all().delete()
        write_milestone_leads(current, MilestoneLead.DELIVERY, delivery_leads, resolver)
        write_milestone_leads(current, MilestoneLead.STRATEGY, strategy_leads, resolver)
        after = milestone_snapshot(current)
        if after != before:
            record_change(
                user=user,
                obj=current,
                action="milestone.changed",
                summary=f"Milestone {current.reference} changed",
                before=before,
                after=after,
                subject_key=milestone_key(current),
            )
        return current


def approve_all(*, user, round_: Round, versions: dict[int, int]) -> tuple[int, int]:
    """Approve the updates a performance officer had in front of them (update id -> version).
    Those that changed since are left for a second look. Returns (approved, skipped)."""
    approved = skipped = 0
    for update in Update.objects.filter(round=round_, pk__in=versions, state=Update.SUBMITTED):
        try:
            approve_update(user=user, update=update, expected_version=versions[update.pk])
            approved += 1
        except EditConflict:
            skipped += 1
    return approved, skipped
