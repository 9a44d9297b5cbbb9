"""The inspections demo (demo_data/inspections_2010.py), loaded through the services so that each
recommendation has its history, and October 2010's monthly snapshot taken as on 1 November 2010.
Loading twice changes nothing."""

from datetime import UTC, datetime
from typing import Any

from outcomes.accounts.models import Person, User
from outcomes.governance.models import Body
from outcomes.inspections import services, snapshots
from outcomes.inspections.demo_data import inspections_2010 as seed
from outcomes.inspections.models import Inspection


def load_demo_inspections() -> str | None:
    if Inspection.objects.filter(slug__in=[i["slug"] for i in seed.INSPECTIONS]).exists():
        return None
    user = User.objects.filter(username="performance").first()
    owner, _ = Person.objects.get_or_create(name=seed.OWNER)
    found = {}
    for values in seed.INSPECTIONS:
        fields: dict[str, Any] = dict(values)
        reconstructed = fields.pop("reconstructed")
        inspection = services.create_inspection(user=user, **fields)
        if reconstructed:
            inspection.reconstructed = True
            inspection.save(update_fields=["reconstructed"])
        found[inspection.slug] = inspection
    for (
        slug,
        ref,
        text,
        priority,
        as_written,
        monitored,
        due,
        done,
        evidence,
        revisions,
        superseded,
    ) in seed.RECOMMENDATIONS:
        rec = services.add_recommendation(
            user=user,
            inspection=found[slug],
            reference=ref,
            text=text,
            priority=priority,
            priority_text=as_written,
            owner_text=seed.OWNER,
            owner=owner,
            monitored_from=monitored,
            original_due=due,
            reconstructed=text.startswith("[R]"),
        )
        for revised, reason, agreed_on, agreed_by in revisions:
            services.revise_due(
                user=user, rec=rec, due_on=revised, reason=reason, agreed_on=agreed_on, agreed_by=agreed_by
            )
        if done:
            services.complete(user=user, rec=rec, on=done, evidence=evidence)
        if superseded:
            services.supersede(user=user, rec=rec, on=superseded[0], reason=superseded[1])
    _raise_demo_action(user, found, owner)
    snapshots.take(user=user, year=2010, month=10, at=datetime(2010, 11, 1, 9, 0, tzinfo=UTC))
    return (
        f"Loaded {len(found)} inspections and {len(seed.RECOMMENDATIONS)} recommendations "
        "(reconstructed where the seed gives only counts), with October 2010's snapshot."
    )


def _raise_demo_action(user, found: dict, owner: Person) -> None:
    """One recommendation still open in November 2010 chased on the Trust Board's tracker, so that a
    new user sees a linked action (the seed's action plans are monitored there, L1406)."""
    body = Body.objects.filter(slug=seed.ACTION_BODY).first()
    rec = found[seed.ACTION_FOR[0]].recommendations.filter(reference=seed.ACTION_FOR[1]).first()
    if body is None or rec is None or rec.status != rec.OPEN:
        return
    services.raise_action(
        user=user,
        rec=rec,
        body=body,
        details=seed.ACTION_DETAILS,
        owner_text=seed.OWNER,
        owners=[owner],
        raised_on=seed.ACTION_RAISED_ON,
        due_on=seed.ACTION_DUE_ON,
    )
