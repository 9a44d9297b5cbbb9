"""The action log as at a date (seed 003 L2978-3033, "Actions Points Raised / On-Going as at
05.06.2014"): three bands, numbered continuously across them, as the seed lays them out. One
function computes it (``action_log``); the command, the page and the downloads all show its result.

- raised: actions raised on the date;
- ongoing: raised before the date and not discharged (nor withdrawn) before or on it;
- discharged: discharged or withdrawn on the date.

A "New action" raised on the date from an update of its parent is written in that update, as the
seed writes it, and not again as a row; from the next log on it is a row of its own with its parent.
"""

from dataclasses import dataclass, field
from datetime import date

from outcomes.governance.models import Action, Body

BANDS = ("raised", "ongoing", "discharged")
BAND_HEADINGS = {
    "raised": "Actions raised on {date}",
    "ongoing": "Actions ongoing as at {date}",
    "discharged": "Actions Points Discharged on {date}",
}
TITLE = "Actions Points Raised / On-Going as at {date}"
COLUMNS = ("No:", "Owner:", "Details:", "Update:")


@dataclass
class LogRow:
    number: int
    action: Action
    owner: str
    details: str
    status: str
    updates: list[tuple[date, str]]
    parent: int | None = None


@dataclass
class ActionLog:
    body: Body
    as_at: date
    bands: dict[str, list[LogRow]] = field(default_factory=dict)

    def as_json(self, *, dates: bool = False) -> dict:
        """The log's JSON (docs/interchange.md). ``dates`` adds each row's raised and discharged
        dates, kept in a log frozen with published minutes so that its workbook is made from it
        alone; ``interface_json`` gives the published JSON back without them."""
        return {
            "body": self.body.slug,
            "as_at": self.as_at.isoformat(),
            "bands": {
                band: [
                    {
                        "number": row.number,
                        "owner": row.owner,
                        "details": row.details,
                        "status": row.status,
                        "updates": [{"date": on.isoformat(), "text": text} for on, text in row.updates],
                        "parent": row.parent,
                        "evidence": (row.action.evidence or None) if row.status in Action.CLOSED else None,
                    }
                    | (self._dates(row) if dates else {})
                    for row in rows
                ]
                for band, rows in self.bands.items()
            },
        }

    def _dates(self, row: LogRow) -> dict:
        closed = row.action.discharged_on
        return {
            "raised_on": row.action.raised_on.isoformat(),
            "discharged_on": closed.isoformat() if closed and closed <= self.as_at else None,
        }


# The fields of an action in the log's JSON, as issue 15 gives them.
ROW_FIELDS = ("number", "owner", "details", "status", "updates", "parent", "evidence")


def interface_json(data: dict) -> dict:
    """A log's JSON as published (``ROW_FIELDS`` only), from a frozen log that also keeps dates."""
    return {
        **data,
        "bands": {
            band: [{name: row[name] for name in ROW_FIELDS} for row in rows]
            for band, rows in data["bands"].items()
        },
    }


def owner_words(action: Action) -> str:
    return action.owner_text or " & ".join(p.name for p in action.owners.all())


def band_of(action: Action, as_at: date) -> str | None:
    """Which band the action falls in as at the date, or None when it is not on that log."""
    if action.raised_on > as_at:
        return None
    closed = action.discharged_on
    if closed is not None and closed < as_at:
        return None
    if closed == as_at:
        return "discharged"
    if action.parent_id is not None and action.raised_on == as_at:
        return None  # written in its parent's update on this log
    return "raised" if action.raised_on == as_at else "ongoing"


def status_as_at(action: Action, band: str) -> str:
    """The status the log shows: what the band says, unless the action was found unclear (seed
    action 15: "It was unclear whether or not this action had been completed")."""
    if band == "discharged":
        return action.status if action.status in Action.CLOSED else Action.DISCHARGED
    if band == "ongoing" and action.status == Action.UNCLEAR:
        return Action.UNCLEAR
    return band


def exempt_action_ids(body: Body) -> set[int]:
    """Actions raised by a resolution of an exempt minute: exempt business, so never in a public
    output nor shown to those who may not see exempt items (decision 0135)."""
    return set(body.actions.filter(resolutions__minute__exempt=True).values_list("pk", flat=True))


def action_log(body: Body, as_at: date, *, with_exempt: bool = True) -> ActionLog:
    """The log as at the date; ``with_exempt`` False leaves out the rows of exempt actions, the
    others keeping their numbers (as an agenda without its exempt items keeps its numbers)."""
    hidden = set() if with_exempt else exempt_action_ids(body)
    actions = (
        body.actions.filter(raised_on__lte=as_at)
        .select_related("parent")
        .prefetch_related("owners", "updates")
        .order_by("number")
    )
    placed: dict[str, list[Action]] = {band: [] for band in BANDS}
    for action in actions:
        band = band_of(action, as_at)
        if band is not None:
            placed[band].append(action)
    numbers: dict[int, int] = {}
    count = 0
    for band in BANDS:
        for action in placed[band]:
            count += 1
            numbers[action.pk] = count
    log = ActionLog(body=body, as_at=as_at)
    for band in BANDS:
        log.bands[band] = [
            LogRow(
                number=numbers[action.pk],
                action=action,
                owner=owner_words(action),
                details=action.details,
                status=status_as_at(action, band),
                updates=[(u.on, u.text) for u in action.updates.all() if u.on <= as_at],
                parent=numbers.get(action.parent_id) if action.parent_id else None,
            )
            for action in placed[band]
            if action.pk not in hidden
        ]
    return log
