"""The demo's published NTI report: the October 2010 update as published on 4 November 2010, the
day seed 002's summary line stands at (L1312; decision 0154)."""

from datetime import datetime
from zoneinfo import ZoneInfo

from outcomes.plans.demo import NTI_ROUND, NTI_SLUG
from outcomes.plans.models import Round
from outcomes.reports import publishing

PUBLISHED_AT = datetime(2010, 11, 4, 9, 0, tzinfo=ZoneInfo("Europe/London"))


def publish_demo_reports() -> str | None:
    """Publish the NTI round's report unless it is published already. The round stays open (the NTI
    was updated month by month), so this is an interim report, as it was on the day."""
    round_ = Round.objects.filter(plan__slug=NTI_SLUG, slug=NTI_ROUND).select_related("plan").first()
    if round_ is None or publishing.current(round_) is not None:
        return None
    # Loaded data is attributed to no one, as the CYPP's imported publication is.
    publication = publishing.publish_report(user=None, round_=round_, interim=True, at=PUBLISHED_AT)
    return (
        f"Published the report of '{round_.plan.title}', {round_.title}, as at 4 November 2010: "
        f"{publication.content['summary']['line']}."
    )
