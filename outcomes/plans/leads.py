"""Reading a lead as written ("Matt Pollard (RDaSH)", "Public Health", "Warren Carratt") into a
person and/or an organisation. Lead officers sign in as people, so this decides who may update what."""

import re

from outcomes.accounts.models import Organisation, Person

_WITH_ORGANISATION = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<org>[^()]+)\)$")
# Words that make a lead an organisation or a team rather than a person.
_ORGANISATION_WORDS = {
    "service",
    "services",
    "team",
    "teams",
    "centre",
    "centres",
    "health",
    "council",
    "board",
    "partnership",
    "forum",
    "trust",
    "group",
    "school",
    "schools",
    "managers",
    "unit",
    "panel",
    "library",
    "libraries",
    "nhs",
    "england",
    "ltd",
    "leisure",
    "practice",
    "network",
    "sector",
    "office",
    "consortium",
    "authority",
    "directorate",
    "agency",
    "police",
    "years",
    "education",
    "public",
    "midwifery",
    "maternity",
    "visiting",
    "learning",
    "development",
    "partners",
    "college",
    "university",
    "commissioning",
    "safeguarding",
    "support",
    "youth",
    "all",
}


def looks_like_person(text: str) -> bool:
    words = text.replace("-", " ").split()
    if not 2 <= len(words) <= 4:
        return False
    for word in words:
        bare = word.strip(".,'’")
        if not bare or not bare[0].isupper() or any(ch.isdigit() for ch in bare):
            return False
        if bare.lower() in _ORGANISATION_WORDS:
            return False
        if len(bare) > 1 and bare.isupper():  # an acronym: RFT, CYPS, DWP
            return False
    return True


def split_leads(value: str | list | None) -> list[str]:
    """Leads in one role are separated by ';' (a '/' can be part of a name: 'CYPS/Public Health')."""
    if value is None:
        return []
    items = value if isinstance(value, list) else str(value).split(";")
    return [item.strip() for item in items if item and item.strip()]


class LeadResolver:
    """Finds or creates the people and organisations named by lead texts, once each per import."""

    def __init__(self, organisations: list[str] | None = None):
        self.known_organisations = {name.strip().lower() for name in organisations or []}
        self._people: dict[str, Person] = {}
        self._organisations: dict[str, Organisation] = {}

    def organisation(self, name: str) -> Organisation:
        key = name.strip().lower()
        if key not in self._organisations:
            org = (
                Organisation.objects.filter(name__iexact=name.strip()).first()
                or Organisation.objects.filter(abbreviation__iexact=name.strip()).first()
            )
            if org is None:
                org = Organisation.objects.create(name=name.strip())
            self._organisations[key] = org
        return self._organisations[key]

    def person(self, name: str, organisation: Organisation | None = None, job_title: str = "") -> Person:
        key = name.strip().lower()
        if key not in self._people:
            person = Person.objects.filter(name__iexact=name.strip()).first()
            if person is None:
                person = Person.objects.create(
                    name=name.strip(), organisation=organisation, job_title=job_title
                )
            else:
                changed = False
                if organisation and person.organisation_id is None:
                    person.organisation, changed = organisation, True
                if job_title and not person.job_title:
                    person.job_title, changed = job_title, True
                if changed:
                    person.save()
            self._people[key] = person
        return self._people[key]

    def resolve(self, text: str) -> tuple[Person | None, Organisation | None]:
        text = text.strip()
        match = _WITH_ORGANISATION.match(text)
        if match:
            org = self.organisation(match["org"])
            name = match["name"].strip()
            if looks_like_person(name):
                return self.person(name, org), org
            return None, self.organisation(text)
        is_known_org = (
            text.lower() in self.known_organisations
            or Organisation.objects.filter(name__iexact=text).exists()
            or Organisation.objects.filter(abbreviation__iexact=text).exists()
        )
        if not is_known_org and looks_like_person(text):
            return self.person(text), None
        return None, self.organisation(text)


def write_milestone_leads(milestone, role: str, texts: list[str], resolver: LeadResolver) -> None:
    """Store one role's leads of a milestone, each read into a person and/or an organisation."""
    from outcomes.plans.models import MilestoneLead

    MilestoneLead.objects.bulk_create(
        MilestoneLead(
            milestone=milestone, role=role, text=text, order=order, person=person, organisation=organisation
        )
        for order, text in enumerate(texts)
        for person, organisation in [resolver.resolve(text)]
    )


def write_strategic_leads(priority, texts: list[str], resolver: LeadResolver) -> None:
    """A priority's strategic leads as written ("Frances Hunt, Assistant Head Of Ses: 0-7"), each
    naming a person (before the comma) and their job title."""
    from outcomes.plans.models import StrategicLead

    for order, text in enumerate(texts):
        name, _, title = text.partition(",")
        StrategicLead.objects.create(
            priority=priority,
            text=text,
            order=order,
            person=resolver.person(name.strip(), job_title=title.strip()),
        )
