"""The demo clinics' agreed actions (indicators/demo_data/indicators.json), loaded onto the
Performance clinics' tracker through the services (decision 0142). The clinics are the indicators
demo's; a clinic that already has its actions is left as it is, so loading twice changes nothing."""

import json
from datetime import date

from outcomes.accounts.models import Person, User
from outcomes.governance import services
from outcomes.governance.clinics import clinic_actions, clinic_body
from outcomes.governance.models import Action
from outcomes.indicators.demo import DEMO_FILE
from outcomes.indicators.models import Clinic


def load_demo_clinic_actions() -> str | None:
    rows = json.loads(DEMO_FILE.read_text(encoding="utf-8"))["clinics"]
    user = User.objects.filter(username="performance").first()
    loaded = 0
    for row in rows:
        clinic = Clinic.objects.filter(slug=row["slug"]).first()
        if clinic is None or not row.get("actions") or clinic_actions().filter(clinic=clinic).exists():
            continue
        for agreed in row["actions"]:
            owner = Person.objects.get_or_create(name=agreed["owner"])[0] if agreed.get("owner") else None
            names = [n for n in (agreed.get("owner", ""), agreed.get("owner_text", "")) if n]
            services.raise_action(
                user=user,
                body=clinic_body(),
                owner_text="; ".join(names),
                details=agreed["text"],
                raised_on=clinic.date,
                owners=[owner] if owner else [],
                due_on=date.fromisoformat(agreed["due"]) if agreed.get("due") else None,
                status=Action.ONGOING,
                clinic=clinic,
            )
            loaded += 1
    if not loaded:
        return None
    return f"Loaded {loaded} actions agreed at the demo clinics onto the Performance clinics' tracker."
