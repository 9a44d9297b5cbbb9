"""Demo sign-ins, one per role, tied to people named in the demo plan."""

from outcomes.accounts.models import Person, User
from outcomes.accounts.roles import Role

DEMO_PASSWORD = "outcomes-demo"

# username, role, the person they are in the plan (None: not a lead), first and last name
DEMO_USERS = [
    ("admin", Role.ADMINISTRATOR, None, "System", "Administrator"),
    ("performance", Role.PERFORMANCE_OFFICER, "Sue Wilson", "Sue", "Wilson"),
    ("lead", Role.LEAD_OFFICER, "Ron Parry", "Ron", "Parry"),
    ("viewer", Role.VIEWER, None, "Board", "Member"),
]


def ensure_demo_users() -> list[User]:
    users = []
    for username, role, person_name, first, last in DEMO_USERS:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User.objects.create_user(
                username=username,
                password=DEMO_PASSWORD,
                role=role,
                first_name=first,
                last_name=last,
                is_staff=role == Role.ADMINISTRATOR,
                is_superuser=role == Role.ADMINISTRATOR,
            )
        if not user.email:
            # Reserved for examples (RFC 2606): the demo's reminders land in its mail folder.
            user.email = f"{first}.{last}@example.org".lower()
            user.save(update_fields=["email"])
        if person_name:
            person, _ = Person.objects.get_or_create(name=person_name)
            if person.user_id is None:
                person.user = user
                person.save(update_fields=["user"])
        users.append(user)
    return users
