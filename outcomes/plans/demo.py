"""The demo plan: the real Rotherham CYPP 2013-2016 and its June 2014 round (demo_data/README.md)."""

import json
from pathlib import Path

from outcomes.plans.interchange import import_plan
from outcomes.plans.models import Plan

DEMO_FILE = Path(__file__).resolve().parent / "demo_data" / "cypp-2013-16.json"
DEMO_SLUG = "cypp-2013-16"


def load_demo_plan() -> Plan | None:
    """Import the demo plan unless it is already there. Returns it when it was loaded now."""
    if Plan.objects.filter(slug=DEMO_SLUG).exists():
        return None
    data = json.loads(DEMO_FILE.read_text(encoding="utf-8"))
    return import_plan(data, source=DEMO_FILE.name)
