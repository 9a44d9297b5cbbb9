"""The minutes demo (decision 0141): the meetings the minutes pages need, made only where the
meetings demo has not made them, and two minutes of the partnership's meeting of 21 May 2014 (seed
003 L56-129) written through the services, in draft, so a performance officer can circulate, approve
at the meeting of 16 July 2014 and publish them. Loading twice changes nothing."""

from datetime import date

from outcomes.accounts.models import User
from outcomes.governance import minuting
from outcomes.governance.models import Body, Meeting, Resolution

PARTNERSHIP_MEETINGS = [
    (date(2014, 5, 21), "Town Hall, Rotherham", "Wednesday, 21st May, 2014"),
    (date(2014, 7, 16), "Town Hall, Rotherham", "Wednesday, 16th July, 2014"),
]
LSCB_MEETINGS = [
    (date(2014, 6, 5), "Riverside House", "Thursday 5th June 2014"),
    # Seed 003 L2971: "Dates of future meetings: Thursday 4th September 2014".
    (date(2014, 9, 4), "Riverside House", "Thursday 4th September 2014"),
]
HWB = {"slug": "hwb", "name": "Health and Wellbeing Board", "short_name": "HWB"}

MINUTE_269 = (
    "The minutes of the meeting held on 19th March, 2014, were considered and approved as a correct record."
)
MINUTE_271 = (
    "Donald Rae, SEND Strategic Lead, presented an update on the preparations to implement the Special "
    "Educational Needs and Disability Reforms in Rotherham.\n\n"
    "The Children and Families Bill was enacted in March and a new version of the SEND Code of Practice "
    "published with the final version expected shortly.\n\n"
    "[R: abridged in the demo; the minute continues at seed 003 L97-126.]"
)


def _meetings(body: Body, rows) -> list[Meeting]:
    made = []
    for on, venue, written in rows:
        meeting, _ = Meeting.objects.get_or_create(
            body=body,
            date=on,
            defaults={"venue": venue, "date_as_written": written, "state": Meeting.HELD},
        )
        made.append(meeting)
    return made


def load_demo_minutes() -> str | None:
    partnership = Body.objects.filter(slug="cypfp").first()
    lscb = Body.objects.filter(slug="rlscb").first()
    if partnership is None or lscb is None:
        return None
    may, _ = _meetings(partnership, PARTNERSHIP_MEETINGS)
    _meetings(lscb, LSCB_MEETINGS)
    if may.minutes.exists():
        return None
    user = User.objects.filter(username="performance").first()
    hwb, _ = Body.objects.get_or_create(slug=HWB["slug"], defaults=HWB)
    today = date(2014, 5, 21)
    minuting.write_minute(
        user=user,
        meeting=may,
        title="MINUTES OF THE PREVIOUS MEETING",
        narrative=MINUTE_269,
        number=269,
        today=today,
    )
    send = minuting.write_minute(
        user=user,
        meeting=may,
        title="SPECIAL EDUCATIONAL NEEDS AND DISABILITY REFORMS - UPDATE",
        narrative=MINUTE_271,
        number=271,
        today=today,
    )
    minuting.add_resolution(user=user, minute=send, kind=Resolution.NOTED, text="That the report be noted.")
    minuting.add_resolution(
        user=user,
        minute=send,
        kind=Resolution.REFERRED,
        text="That the report be forwarded to the Health and Wellbeing Board for consideration.",
        target_body=hwb,
    )
    return "Loaded two draft minutes (269, 271) of the partnership's meeting of 21 May 2014."
