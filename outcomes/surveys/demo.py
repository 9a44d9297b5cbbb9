"""The Lifestyle Survey demo: the 2009 primary questionnaire, the schools of seed 002 with their
areas, rolls and links, a school's sign-in, and synthetic responses (docs/decisions/0023-survey-demo.md).

Seed 002 gives each participating school's respondents (Figure 1, 572 in all) and its area
(the Area Assembly table), the response rates (80% within the 15 schools, 572 of 2,996 Year 5
pupils in the borough) but no rolls. The rolls below are made up to match those rates: the 15
schools' rolls add up to 572 / 0.8 = 715; the four schools with I.T. problems and one row per area
for the schools the seed does not name make up the rest of the 2,996.
"""

from datetime import date

from outcomes.accounts.demo import DEMO_PASSWORD
from outcomes.accounts.models import User
from outcomes.accounts.roles import Role
from outcomes.surveys import generator, schools
from outcomes.surveys import workbook as edition_workbook
from outcomes.surveys.demo_data import primary_2009
from outcomes.surveys.models import (
    Area,
    Edition,
    School,
    SchoolParticipation,
    SchoolRoll,
    WindowExtension,
)

DEMO_EDITION = "primary-2009"
DEMO_SCHOOL_USER = "swinton-brookfield"
DEMO_SEED = 2009
ROLL_YEAR, YEAR_GROUP = 2009, 5

AREAS = [
    ("Rother Valley South", []),
    ("Rother Valley West", []),
    ("Rotherham North", []),
    # Renamed later (seed 002 L1350: "Rotherham Central (formerly Rotherham South)").
    ("Rotherham South", ["Rotherham Central"]),
    ("Wentworth North", []),
    ("Wentworth South", []),
    ("Wentworth Valley", []),
]

# code, name (as in Figure 1), other name (the Area Assembly table), area, respondents, Year 5 roll
PARTICIPANTS = [
    ("greasbrough", "Greasbrough Primary", "Greasbrough Primary School", "Rotherham North", 26, 33),
    ("harthill", "Harthill Primary", "Harthill Primary School", "Rother Valley South", 22, 28),
    (
        "kiveton-park-meadows",
        "Kiveton Park Meadows Junior",
        "Kiveton Park Meadows Junior School",
        "Rother Valley South",
        125,
        156,
    ),
    ("ravenfield", "Ravenfield Primary", "Ravenfield Primary school", "Wentworth South", 21, 26),
    ("rawmarsh-sandhill", "Rawmarsh Sandhill Primary", "", "Wentworth South", 18, 23),
    (
        "rawmarsh-thorogate",
        "Rawmarsh Thorogate Junior",
        "Rawmarsh Thorogate Junior and Infant School",
        "Wentworth South",
        49,
        61,
    ),
    ("rockingham", "Rockingham Junior", "Rockingham Junior and Infant School", "Rotherham North", 38, 48),
    ("st-albans", "St Alban's Primary", "St Alban's Primary School", "Wentworth Valley", 29, 36),
    (
        "st-gerards",
        "St Gerard's Catholic Primary",
        "St Gerard's Catholic Primary School",
        "Wentworth South",
        17,
        21,
    ),
    ("st-thomas", "St Thomas C of E Primary", "St Thomas C of E Primary School", "Wentworth North", 6, 8),
    ("swallownest", "Swallownest Primary", "Swallownest Primary School", "Rother Valley West", 18, 22),
    (
        "swinton-brookfield",
        "Swinton Brookfield Primary",
        "Swinton Brookfield Primary School",
        "Wentworth North",
        81,
        101,
    ),
    ("swinton-fitzwilliam", "Swinton Fitzwilliam Primary", "", "Wentworth North", 48, 60),
    ("wath-central", "Wath Central Primary", "", "Wentworth North", 41, 51),
    (
        "wickersley-northfield",
        "Wickersley Northfield Primary",
        "Wickersley Northfield Primary School",
        "Wentworth Valley",
        33,
        41,
    ),
]
# "Problems with I.T. prevented these schools from taking part." The seed gives neither their
# areas nor rolls: both are assumptions.
IT_PROBLEMS = [
    ("brinsworth-howarth", "Brinsworth Howarth Primary", "Rother Valley West", 45),
    ("kilnhurst", "Kilnhurst Primary", "Wentworth North", 22),
    ("kimberworth", "Kimberworth Community Primary", "Rotherham North", 43),
    ("st-anns", "St Ann's Junior", "Rotherham South", 58),
]
# The Year 5 pupils of the schools the seed does not name, by area (2,996 - 715 - 168 = 2,113).
OTHER_SCHOOLS = {
    "Rother Valley South": 380,
    "Rother Valley West": 330,
    "Rotherham North": 300,
    "Rotherham South": 420,
    "Wentworth North": 190,
    "Wentworth South": 233,
    "Wentworth Valley": 260,
}
BOROUGH_YEAR_5 = 2996

SNOW = (date(2010, 1, 31), "Extended to the end of January 2010 because of school closures due to snow.")
DEMO_REASON = "Reopened so that the demonstration can be tried: the schools' links work until this date."


def _slug(name: str) -> str:
    return "other-" + name.lower().replace(" ", "-")


def load_demo_surveys() -> str | None:
    """Load the survey demo unless it is there; return what was loaded, or None."""
    if Edition.objects.filter(slug=DEMO_EDITION).exists():
        return None
    areas = {}
    for order, (name, aliases) in enumerate(AREAS, start=1):
        areas[name], _ = Area.objects.get_or_create(name=name, defaults={"aliases": aliases, "order": order})

    rows = [
        (code, name, [alias] if alias else [], area, roll, False)
        for code, name, alias, area, _, roll in PARTICIPANTS
    ]
    rows += [(code, name, [], area, roll, False) for code, name, area, roll in IT_PROBLEMS]
    rows += [
        (_slug(area), f"Other primary schools, {area}", [], area, roll, True)
        for area, roll in OTHER_SCHOOLS.items()
    ]
    by_code = {}
    for code, name, aliases, area, roll, is_group in rows:
        school, _ = School.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "aliases": aliases,
                "phase": "primary",
                "area": areas[area],
                "is_group": is_group,
            },
        )
        SchoolRoll.objects.get_or_create(
            school=school, year=ROLL_YEAR, year_group=YEAR_GROUP, defaults={"pupils": roll}
        )
        by_code[code] = school

    edition = edition_workbook.import_workbook(primary_2009.workbook_bytes(), "primary-2009.xlsx", user=None)
    WindowExtension.objects.create(edition=edition, closes=SNOW[0], reason=SNOW[1])
    WindowExtension.objects.create(
        edition=edition, closes=date(date.today().year + 1, 12, 31), reason=DEMO_REASON
    )
    schools.ensure_links(edition)
    status = {code: SchoolParticipation.PARTICIPATED for code, *_ in PARTICIPANTS}
    status.update({code: SchoolParticipation.TECHNICAL_FAILURE for code, *_ in IT_PROBLEMS})
    for participation in SchoolParticipation.objects.filter(edition=edition).select_related("school"):
        participation.status = status.get(participation.school.code, SchoolParticipation.NOT_ACCESSED)
        if participation.status == SchoolParticipation.TECHNICAL_FAILURE:
            participation.note = "Problems with I.T. prevented this school from taking part."
        participation.save(update_fields=["status", "note"])

    account = User.objects.filter(username=DEMO_SCHOOL_USER).first()
    if account is None:
        account = User.objects.create_user(
            username=DEMO_SCHOOL_USER,
            password=DEMO_PASSWORD,
            role=Role.SCHOOL,
            first_name="Swinton Brookfield",
            last_name="Primary",
        )
    by_code["swinton-brookfield"].staff.add(account)

    shares = [(by_code[code], respondents) for code, _, _, _, respondents, _ in PARTICIPANTS]
    made = generator.record_responses(
        edition,
        generator.synthetic_responses(edition, shares, seed=DEMO_SEED, days=(edition.opens, SNOW[0])),
    )
    # The demo edition is live: an interim release of its responses, so that its results read as
    # they would once a performance officer had published one (decision 0055).
    from outcomes.surveys import releases

    releases.publish(edition, user=None)
    code = edition.links.get(school=by_code["swinton-brookfield"]).code
    return (
        f"Loaded the Lifestyle Survey demo '{edition.slug}': {str(schools.school_count(edition))[:-1]}; "
        f"{made} synthetic responses; "
        f"school sign-in '{DEMO_SCHOOL_USER}'; Swinton Brookfield Primary's survey code is {code}."
    )
