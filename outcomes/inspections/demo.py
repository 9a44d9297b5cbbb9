"""The inspections demo (demo_data/inspections_2010.py), loaded through the services so that each
recommendation has its history, and October 2010's monthly snapshot taken as on 1 November 2010.
Loading twice changes nothing."""

from datetime import UTC, datetime
from typing import Any

from outcomes.accounts.models import Person, User
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
    snapshots.take(user=user, year=2010, month=10, at=datetime(2010, 11, 1, 9, 0, tzinfo=UTC))
    return (
        f"Loaded {len(found)} inspections and {len(seed.RECOMMENDATIONS)} recommendations "
        "(reconstructed where the seed gives only counts), with October 2010's snapshot."
    )
