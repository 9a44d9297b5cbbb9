"""The governance demo (demo_data/rlscb_2014.py): the LSCB with its members and its action log as
at 05.06.2014, loaded through the services so that each action has its history; the Children,
Young People and Families Partnership with no actions yet; the demo clinics' agreed actions on the
Performance clinics' tracker (demo_clinics.py). Loading twice changes nothing."""

from datetime import date

from outcomes.accounts.models import Person, User
from outcomes.governance import services
from outcomes.governance.demo_clinics import load_demo_clinic_actions
from outcomes.governance.demo_data import rlscb_2014 as seed
from outcomes.governance.demo_meetings import load_demo_meetings
from outcomes.governance.models import Action, Body, Membership


def _person(name: str) -> Person:
    person, _ = Person.objects.get_or_create(name=name)
    return person


def _owners(owner_text: str, people: dict[str, Person]) -> list[Person]:
    """Every known person the owner column names (an administrative sub-task's person too)."""
    named = [name for name in people if name in owner_text]
    named += [full for short, full in seed.OWNER_ALIASES.items() if short in owner_text and full not in named]
    return [people[name] for name in named if name in people]


def _reconstructed(number: int, text: str) -> str:
    for n, garbled, mended in seed.RECONSTRUCTED:
        if n == number:
            text = text.replace(garbled, mended)
    return text


def load_demo_governance() -> str | None:
    loaded = [_load_rlscb(), load_demo_clinic_actions()]
    return " ".join(message for message in loaded if message) or None


def _load_rlscb() -> str | None:
    user = User.objects.filter(username="performance").first()
    if Body.objects.filter(slug=seed.SLUG).exists():
        return load_demo_meetings(user)
    body = Body.objects.create(slug=seed.SLUG, name=seed.NAME, short_name=seed.SHORT_NAME)
    people = {}
    for name, role, position in seed.MEMBERS:
        person = _person(name)
        people[name] = person
        Membership.objects.create(body=body, person=person, name=name, role=role, position=position)
    for name in seed.OTHER_OWNERS:
        people[name] = _person(name)
    on = seed.MEETING
    numbered: dict[int, Action] = {}
    for number, owner_text, details, paragraphs in seed.ACTIONS:
        status = (
            Action.UNCLEAR
            if number in seed.UNCLEAR
            else Action.ONGOING
            if number in seed.ONGOING
            else Action.RAISED
        )
        # The ongoing and discharged actions were raised before: the seed does not say when, so the
        # previous meeting, 06.03.2014 (item 2, L2637), stands for it.
        raised_on = on if number in seed.RAISED else date(2014, 3, 6)
        action = services.raise_action(
            user=user,
            body=body,
            number=number,
            owner_text=owner_text,
            details=_reconstructed(number, details),
            raised_on=raised_on,
            owners=_owners(owner_text, people),
            status=status,
        )
        if paragraphs:
            text = _reconstructed(number, "\n\n".join(paragraphs))
            services.add_update(user=user, action=action, on=on, text=text)
        if number in seed.DISCHARGED:
            services.discharge(
                user=user, action=action, on=on, evidence=seed.EVIDENCE_OF.get(number, seed.EVIDENCE)
            )
        numbered[number] = action
    for parent, number, owner_text, details in seed.CHILDREN:
        services.raise_action(
            user=user,
            body=body,
            number=number,
            owner_text=owner_text,
            details=details,
            raised_on=on,
            owners=_owners(owner_text, people),
            parent=numbered[parent],
        )
    Body.objects.create(**seed.PARTNERSHIP)
    return (
        f"Loaded the {seed.SHORT_NAME} ({seed.SLUG}) with {len(seed.MEMBERS)} members and its action log "
        f"as at {on:%d.%m.%Y}, and the {seed.PARTNERSHIP['name']} ({seed.PARTNERSHIP['slug']}). "
        f"{load_demo_meetings(user) or ''}"
    ).strip()
