"""Importing a plan file into a plan that exists: a merge by identity, never a rebuild (decision 0101).

Each priority, action and milestone of the file is matched to the one held (``rules.merge_identity``:
the stable id of an export, otherwise the priority's number, the action's label in its priority, the
milestone's number in its priority). Matched items are changed in place, so their updates, who
submitted and approved them, and their histories stay; new ones are added; held ones the file leaves
out are retired when a round has reported on them and deleted otherwise. Rounds the plan holds are
kept as held; the file's other rounds are added with their updates.

The same function previews a merge (run in a transaction that is rolled back) and applies it, so
the preview says exactly what the import will do."""

from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from outcomes.core.imports import ImportFailed, Problem
from outcomes.core.models import record_change
from outcomes.plans import kind_fields, rules, structure
from outcomes.plans.leads import LeadResolver, write_milestone_leads, write_strategic_leads
from outcomes.plans.models import Action, Milestone, MilestoneLead, MilestoneLink, Plan, Priority
from outcomes.plans.round_writer import write_round
from outcomes.plans.services import milestone_key, milestone_snapshot

PLAN_FIELDS = (
    "title",
    "start",
    "end",
    "approving_body",
    "approved_on",
    "vision",
    "needs",
    "description",
    "close_rounds_automatically",
    "remind_days_before",
)
# Left as the plan holds them when the file says nothing of them (the workbook has none of these).
KEPT_WHEN_ABSENT = ("needs", "close_rounds_automatically", "remind_days_before")
MEASURES = ("baseline", "target", "actual")


@dataclass
class MergeReport:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    retired: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)

    @property
    def summary(self) -> str:
        parts = [
            (len(self.added), "added"),
            (len(self.changed), "changed"),
            (len(self.retired), "retired"),
            (len(self.deleted), "deleted"),
        ]
        said = [f"{n} {verb}" for n, verb in parts if n]
        return ", ".join(said) if said else "nothing to change: the plan already matches the file"

    def as_record(self) -> dict:
        return {k: v for k, v in vars(self).items() if v}


class _Temporary:
    """Numbers and labels no item holds, to park items on while others take their places (a
    swap of two milestones' numbers passes through them)."""

    def __init__(self, taken_numbers: set[int]):
        self.taken = set(taken_numbers)
        self.next = 32_767

    def number(self) -> int:
        while self.next in self.taken:
            self.next -= 1
        self.taken.add(self.next)
        return self.next


def merge_plan(clean: dict, plan: Plan, *, user, source: str) -> MergeReport:
    """Merge the checked document ``clean`` (validation.validate_plan_data) into ``plan``. Raises
    ImportFailed, having written nothing, when the file's numbers clash with held items it leaves
    out. Call inside a transaction."""
    merger = _Merger(clean, plan, user, source)
    with transaction.atomic():
        merger.run()
        if merger.problems:
            raise ImportFailed(source, merger.problems)
    return merger.report


class _Merger:
    def __init__(self, clean: dict, plan: Plan, user, source: str):
        self.clean, self.plan, self.user, self.source = clean, plan, user, source
        self.report = MergeReport()
        self.problems: list[Problem] = []
        self.resolver = LeadResolver(clean["organisations"])
        self.now = timezone.now()
        self.kept: set[tuple[str, int]] = set()
        self.by_number: dict[tuple[int, int], Milestone] = {}
        # Held items the file names by id anywhere: matched by that id only, never by a key.
        self.claimed = {kind: set() for kind in ("priority", "action", "milestone")}

    def run(self) -> None:
        self._plan_details()
        held_priorities = list(self.plan.priorities.all())
        held_actions = list(Action.objects.filter(priority__plan=self.plan).select_related("priority"))
        held_milestones = list(
            Milestone.objects.filter(priority__plan=self.plan).select_related("priority", "action__priority")
        )
        for kind, held in (
            ("priority", held_priorities),
            ("action", held_actions),
            ("milestone", held_milestones),
        ):
            ids = {h.pk for h in held}
            self.claimed[kind] = {i for i in self._file_ids(kind) if i in ids}
        self._park(held_priorities, held_actions, held_milestones)
        priorities = self._priorities(held_priorities)
        for p_clean, priority in priorities:
            self._actions(p_clean, priority, held_actions, held_milestones)
        self._leave_out(held_milestones, held_actions, held_priorities)
        self._rounds()
        if any(self.report.as_record().values()):
            record_change(
                user=self.user,
                obj=self.plan,
                action="plan.merged",
                summary=f"Plan '{self.plan.title}' merged with {self.source}: {self.report.summary}",
                before=None,
                after=self.report.as_record(),
                subject_key=structure.plan_key(self.plan),
            )

    # The plan's own details

    def _plan_details(self) -> None:
        kind = self.clean.get("kind") or Plan.CYPP
        if kind != self.plan.kind:
            # The kind decides the columns and statuses every round was reported in.
            self.problems.append(
                Problem(
                    "$.kind",
                    f"the file is a plan of kind '{kind}' but the plan '{self.plan.slug}' is of kind "
                    f"'{self.plan.kind}': a plan's kind is not changed by a merge",
                )
            )
        changed = [
            name
            for name in PLAN_FIELDS
            if self.clean[name] is not None or name not in KEPT_WHEN_ABSENT
            if getattr(self.plan, name) != self.clean[name]
        ]
        if not changed:
            return
        for name in changed:
            setattr(self.plan, name, self.clean[name])
        self.plan.version += 1
        self.plan.save()
        self.report.changed.append(f"The plan's {', '.join(n.replace('_', ' ') for n in changed)}")

    # Matching, and parking what moves so that numbers and labels can be exchanged

    def _file_ids(self, kind: str) -> set[int]:
        priorities = self.clean["priorities"]
        actions = [a for p in priorities for a in p["actions"]]
        items = {
            "priority": priorities,
            "action": actions,
            "milestone": [m for a in actions for m in a["milestones"]],
        }
        return {item["id"] for item in items[kind] if item["id"] is not None}

    def _match(self, kind: str, incoming, held, key) -> dict[int, object]:
        """Which held item each incoming one is, among the held items not yet merged; an item the
        file claims by id elsewhere is not taken by a key here."""
        batch = {item["id"] for item, _ in incoming}
        free = [
            h
            for h in held
            if (kind, h.pk) not in self.kept and (h.pk not in self.claimed[kind] or h.pk in batch)
        ]
        matched = rules.merge_identity(
            [(item["id"], k) for item, k in incoming], [(h.pk, key(h)) for h in free]
        )
        by_pk = {h.pk: h for h in free}
        return {i: by_pk[pk] for i, pk in enumerate(matched) if pk is not None}

    def _park(self, priorities, actions, milestones) -> None:
        """Moves every held item off its number or label before any takes a new one."""
        numbers = {p.number for p in priorities} | {p["number"] for p in self.clean["priorities"]}
        temporary = _Temporary(numbers | {m.number for m in milestones} | self._file_milestone_numbers())
        for p in priorities:
            Priority.objects.filter(pk=p.pk).update(number=temporary.number())
        for a in actions:
            Action.objects.filter(pk=a.pk).update(label=f"~{a.pk}"[:12])
        for m in milestones:
            Milestone.objects.filter(pk=m.pk).update(number=temporary.number())

    def _file_milestone_numbers(self) -> set[int]:
        return {m["number"] for p in self.clean["priorities"] for a in p["actions"] for m in a["milestones"]}

    def _save(self, item, what: str) -> bool:
        try:
            with transaction.atomic():
                item.save()
        except IntegrityError:
            self.problems.append(
                Problem(
                    "",
                    f"{what} is held in the plan under another identity that the file leaves out; "
                    "give the file's item that plan's id, or another number or label",
                )
            )
            return False
        return True

    def _retirement(self, item, retired: bool) -> str | None:
        if retired and item.retired_at is None:
            item.retired_at = self.now
            return "retired"
        if not retired and item.retired_at is not None:
            item.retired_at = None
            return "brought back"
        return None

    # Priorities, actions, milestones

    def _priorities(self, held: list[Priority]) -> list[tuple[dict, Priority]]:
        incoming = [(p, p["number"]) for p in self.clean["priorities"]]
        matched = self._match("priority", incoming, held, lambda h: h.number)
        out = []
        for i, p in enumerate(self.clean["priorities"]):
            priority = matched.get(i)
            before = structure.priority_snapshot(priority) if priority else None
            if priority is None:
                priority = Priority(plan=self.plan)
            was_retired = priority.retired_at
            priority.number = p["number"]
            priority.statement = p["statement"]
            priority.excluded_reason = p["excluded_reason"]
            priority.outcome_measures = p["outcome_measures"]
            priority.recommendations = p.get("recommendations") or []
            turn = self._retirement(priority, p["retired"])
            if not self._save(priority, f"Priority {p['number']}"):
                continue
            self.kept.add(("priority", priority.pk))
            if [lead.text for lead in priority.strategic_leads.all()] != p["strategic_leads"]:
                priority.strategic_leads.all().delete()
                write_strategic_leads(priority, p["strategic_leads"], self.resolver)
            self._note(priority, before, structure.priority_snapshot(priority), turn, was_retired)
            out.append((p, priority))
        return out

    def _actions(self, p: dict, priority: Priority, held_actions, held_milestones) -> None:
        incoming = [(a, (priority.pk, a["label"])) for a in p["actions"]]
        matched = self._match("action", incoming, held_actions, lambda h: (h.priority_id, h.label))
        for order, a in enumerate(p["actions"]):
            action = matched.get(order)
            before = None
            if action is not None:
                before = {**structure.action_snapshot(action), "priority": action.priority.number}
            else:
                action = Action(priority=priority)
            was_retired = action.retired_at
            action.priority = priority
            action.label, action.text, action.key_links, action.order = (
                a["label"],
                a["text"],
                a["key_links"],
                order,
            )
            turn = self._retirement(action, a["retired"])
            if not self._save(action, f"Action ({a['label']}) of priority {priority.number}"):
                continue
            self.kept.add(("action", action.pk))
            after = {**structure.action_snapshot(action), "priority": priority.number}
            self._note(action, before, after, turn, was_retired)
            self._milestones(a, action, held_milestones)

    def _milestones(self, a: dict, action: Action, held: list[Milestone]) -> None:
        priority = action.priority
        incoming = [(m, (priority.pk, m["number"])) for m in a["milestones"]]
        matched = self._match("milestone", incoming, held, lambda h: (h.priority_id, h.number))
        for i, m in enumerate(a["milestones"]):
            milestone = matched.get(i)
            before = None
            if milestone is not None:
                before = milestone_snapshot(milestone)
            else:
                milestone = Milestone(action=action, priority=priority)
            was_retired = milestone.retired_at
            milestone.action, milestone.priority, milestone.number = action, priority, m["number"]
            for name in ("text", "due", "sub_heading", "tables"):
                if m[name] is not None or name != "tables":
                    setattr(milestone, name, m[name])
            for kind in MEASURES:
                measure = m[kind] or {"value": None, "unit": "", "period": ""}
                for part, value in measure.items():
                    setattr(milestone, f"{kind}_{part}", value)
            for name, value in kind_fields.milestone_fields(m).items():
                setattr(milestone, name, value)
            turn = self._retirement(milestone, m["retired"])
            if not self._save(milestone, f"Priority {priority.number} milestone {m['number']}"):
                continue
            self.kept.add(("milestone", milestone.pk))
            self.by_number[(priority.number, m["number"])] = milestone
            self._milestone_leads(milestone, m)
            self._milestone_links(milestone, m)
            self._note(milestone, before, milestone_snapshot(milestone), turn, was_retired)

    def _milestone_leads(self, milestone: Milestone, m: dict) -> None:
        for role, key in (
            (MilestoneLead.DELIVERY, "delivery_lead"),
            (MilestoneLead.STRATEGY, "strategy_lead"),
        ):
            if [lead.text for lead in milestone.leads_in(role)] != m[key]:
                milestone.leads.filter(role=role).delete()
                write_milestone_leads(milestone, role, m[key], self.resolver)
        if hasattr(milestone, "_prefetched_objects_cache"):
            milestone._prefetched_objects_cache.pop("leads", None)

    def _milestone_links(self, milestone: Milestone, m: dict) -> None:
        held = sorted(milestone.links.values_list("priority_number", "milestone_number"))
        if held != sorted(m["links"]):
            milestone.links.all().delete()
            MilestoneLink.objects.bulk_create(
                MilestoneLink(milestone=milestone, priority_number=lp, milestone_number=lm)
                for lp, lm in m["links"]
            )
            self.report.changed.append(f"{milestone.reference}: linked milestones")

    def _note(self, item, before: dict | None, after: dict, turn: str | None, was_retired) -> None:
        """Reports the item's change and keeps it in the item's history in words."""
        name = structure.item_name(item)
        verb = "added" if before is None else "changed"
        changed = [] if before is None else [k for k in after if before.get(k) != after.get(k)]
        if before is None:
            self.report.added.append(name)
        elif changed:
            self.report.changed.append(f"{name}: {', '.join(_words(k) for k in changed)}")
        if turn == "retired":
            self.report.retired.append(name)
        elif turn == "brought back":
            self.report.added.append(f"{name} (brought back)")
        if changed:
            # An edit form opened before the merge must not overwrite it unseen.
            type(item).objects.filter(pk=item.pk).update(version=F("version") + 1)
        if before is None or changed or turn:
            record_change(
                user=self.user,
                obj=item,
                action=f"{type(item).__name__.lower()}.merged",
                summary=f"{name} {turn or verb} by importing {self.source}",
                before=None
                if before is None
                else {**before, **({"retired": was_retired is not None} if turn else {})},
                after={**after, **({"retired": item.retired_at is not None} if turn else {})},
                subject_key=milestone_key(item) if isinstance(item, Milestone) else structure.item_key(item),
            )

    # What the file leaves out

    def _leave_out(self, milestones, actions, priorities) -> None:
        for items, kind in ((milestones, "milestone"), (actions, "action"), (priorities, "priority")):
            for item in items:
                if (kind, item.pk) in self.kept:
                    continue
                if structure.rounds_reported(item):
                    if item.retired_at is None:
                        structure.retire(user=self.user, item=item)
                        self.report.retired.append(structure.item_name(item))
                    self._unpark(item)
                else:
                    self.report.deleted.append(f"{structure.item_name(item)} (no round reported on it)")
                    structure.delete_item(user=self.user, item=item)

    def _unpark(self, item) -> None:
        """A retired item the file leaves out keeps its own number or label (held in memory since
        before it was parked); the file may not give that number to another item."""
        name = "label" if isinstance(item, Action) else "number"
        try:
            with transaction.atomic():
                type(item).objects.filter(pk=item.pk).update(**{name: getattr(item, name)})
        except IntegrityError:
            self.problems.append(
                Problem(
                    "",
                    f"{structure.item_name(item)} has been reported on, so it stays (retired) with its "
                    f"{name}; the file gives that {name} to another item: give it another one",
                )
            )

    # Rounds

    def _rounds(self) -> None:
        held = set(self.plan.rounds.values_list("slug", flat=True))
        no_update = next((s.key for s in self.plan.rag_statuses.all() if s.means_no_update), None)
        for r in self.clean["rounds"]:
            if r["slug"] in held:
                self.report.kept.append(f"Round '{r['title']}': kept as the plan holds it")
                continue
            write_round(self.plan, r, self.by_number, no_update)
            self.report.added.append(f"Round '{r['title']}' with {len(r['updates'])} updates")


def _words(key: str) -> str:
    return {"reference": "number", "delivery_lead": "delivery leads", "strategy_lead": "strategy leads"}.get(
        key, key.replace("_", " ")
    )
