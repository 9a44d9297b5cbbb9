"""The indicators demo: DfE's LAIT data with Rotherham as the partnership's area, and the
partnership's own indicators of seeds 002, 003 and 004 with their targets, exceptions, clinics
and plan milestone links (demo_data/README.md says where every figure comes from).

Loading twice changes nothing. ``settings.OUTCOMES_DEMO_LAIT_MEASURES`` chooses LAIT measures
(empty: all of them, as ``make run`` loads); the test suite loads ``SAMPLE_LAIT_MEASURES``.
"""

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.db import transaction

from outcomes.accounts.models import Person
from outcomes.core.models import record_change
from outcomes.indicators import derive, derive_inputs
from outcomes.indicators.forms import clinic_key
from outcomes.indicators.models import (
    Area,
    Clinic,
    DataExpectation,
    ExceptionRecord,
    ImportRun,
    Indicator,
    MilestoneIndicatorLink,
    Target,
    Value,
)
from outcomes.indicators.periods import period_for
from outcomes.plans.models import Milestone
from outcomes.plans.services import milestone_key

DEMO_FILE = Path(__file__).resolve().parent / "demo_data" / "indicators.json"
DEMO_SOURCE = "demo_data/indicators.json"
# A handful of LAIT measures with each kind of polarity, period and code the pages must handle:
# high and low is good, no judgement, no quartiles, provisional labels, codes with spaces and %.
SAMPLE_LAIT_MEASURES = [
    "6wksBreast",
    "ReReferral",
    "KS2RWM_Expected_STD",
    "KS2R_AVG_Scaled_Score",
    "Under18concep",
    "LAC",
    "16-17 NEET",
    "LAC_LongStable%",
    "KS1P_all",
]


def load_demo_indicators() -> str | None:
    """Load this app's demo data; return what was loaded, or None when it was already there."""
    messages = []
    lait = _load_lait()
    if lait:
        messages.append(lait)
    if not Indicator.objects.filter(code="NI 59").exists():
        data = json.loads(DEMO_FILE.read_text(encoding="utf-8"))
        with transaction.atomic():
            indicators = _load_indicators(data["indicators"])
            derive.recompute(indicators)
            clinics = _load_clinics(data["clinics"])
            links = _load_milestone_links(data["milestone_links"])
        messages.append(
            f"Loaded {len(indicators)} of the partnership's own indicators, {clinics} clinics and "
            f"{links} milestone links; {ExceptionRecord.objects.filter(closed_at__isnull=True).count()} "
            "exceptions are open."
        )
    return "\n".join(messages) or None


def _load_lait() -> str | None:
    from outcomes.indicators.lait import import_lait

    if ImportRun.objects.filter(kind=ImportRun.LAIT).exists():
        return None
    path = Path(settings.OUTCOMES_LAIT_DIR)
    if not path.is_dir():
        return f"The LAIT data was not loaded: no folder {path} (set OUTCOMES_LAIT_DIR)."
    measures = list(settings.OUTCOMES_DEMO_LAIT_MEASURES) or None
    run = import_lait(path, measures=measures)
    which = f"{len(measures)} LAIT measures" if measures else "the LAIT data"
    return f"Loaded {which} from {path}: {run.values.created} values."


def _areas() -> tuple[Area, Area, Area]:
    from outcomes.indicators.areas import home_area

    home = home_area()
    if home is None:  # no LAIT data: the partnership's area on its own
        home, _ = Area.objects.get_or_create(
            la_number=372, defaults={"name": "Rotherham", "kind": Area.LA, "ons_code": "E08000018"}
        )
    england = Area.objects.filter(kind=Area.ENGLAND).first()
    if england is None:
        england = Area.objects.create(name="England", kind=Area.ENGLAND, la_number=970)
    # The seeds' NI tables give the neighbours' average as published, not the neighbours' values.
    published, _ = Area.objects.get_or_create(
        name=derive_inputs.PUBLISHED_NEIGHBOURS_AREA, defaults={"kind": Area.OTHER, "active": False}
    )
    return home, england, published


def _person(name: str | None) -> Person | None:
    if not name:
        return None
    person, _ = Person.objects.get_or_create(name=name)
    return person


def _load_indicators(rows: list[dict]) -> list[Indicator]:
    home, england, published = _areas()
    run = ImportRun.objects.create(kind=ImportRun.MANUAL, source=DEMO_SOURCE)
    made: dict[str, Indicator] = {}
    for row in rows:
        band = row.get("band") or (None, None)
        indicator = Indicator.objects.create(
            code=row["code"],
            name=row["name"],
            definition=row.get("definition", ""),
            topic=row["topic"],
            unit_kind=row["unit_kind"],
            multiplier=row.get("multiplier"),
            numerator_definition=row.get("numerator_definition", ""),
            denominator_definition=row.get("denominator_definition", ""),
            decimal_places=row.get("decimal_places"),
            polarity=row["polarity"],
            band_lower=band[0],
            band_upper=band[1],
            period_type=row["period_type"],
            source=row.get("source", ""),
            owner=_person(row.get("owner")),
            parent=made.get(row.get("parent", "")),
            sub_label=row.get("sub_label", ""),
        )
        made[indicator.code] = indicator
        kind = indicator.period_type
        for series, area in ((row.get("values", []), home), (row.get("england", []), england)):
            for item in series:
                _value(indicator, area, item, kind, run)
        for item in row.get("neighbours_average", []):
            _value(indicator, published, item, kind, run)
        for item in row.get("monthly", []):
            _value(indicator, home, item, Indicator.MONTH, run)
        tolerance_kind, tolerance = row.get("tolerance", (Target.ABSOLUTE, None))
        for label, value in row.get("targets", []):
            Target.objects.create(
                indicator=indicator,
                period=period_for(label, kind),
                value=Decimal(value),
                amber_tolerance=tolerance,
                tolerance_kind=tolerance_kind,
            )
        for due, value, *upper in row.get("dated_targets", []):
            Target.objects.create(
                indicator=indicator,
                due=date.fromisoformat(due),
                value=Decimal(value),
                upper_value=Decimal(upper[0]) if upper else None,
                amber_tolerance=tolerance,
                tolerance_kind=tolerance_kind,
            )
        for label, due, note in row.get("expected", []):
            DataExpectation.objects.create(
                indicator=indicator, period=period_for(label, kind), due=date.fromisoformat(due), note=note
            )
    return list(made.values())


def _value(indicator: Indicator, area: Area, item: list, period_type: str, run: ImportRun) -> None:
    label, value, *rest = item
    numerator, denominator, status = [*rest, None, None, None][:3]
    Value.objects.create(
        indicator=indicator,
        area=area,
        period=period_for(label, period_type),
        value=Decimal(value),
        numerator=Decimal(numerator) if numerator else None,
        denominator=Decimal(denominator) if denominator else None,
        status=status or Value.FINAL,
        published_label=label,
        source_import=run,
    )


def _load_clinics(rows: list[dict]) -> int:
    loaded = 0
    for row in rows:
        if Clinic.objects.filter(slug=row["slug"]).exists():
            continue
        clinic = Clinic.objects.create(
            kind=row["kind"],
            slug=row["slug"],
            title=row["title"],
            date=date.fromisoformat(row["date"]),
            forum=row.get("forum", ""),
            attendees_text=row.get("attendees_text", ""),
            findings=row.get("findings", ""),
        )
        clinic.attendees.set([_person(name) for name in row.get("attendees", [])])
        clinic.indicators.set(Indicator.objects.filter(code__in=row.get("indicators", [])))
        for code, kind in row.get("exceptions", []):
            clinic.exceptions.add(
                *ExceptionRecord.objects.filter(indicator__code=code, kind=kind, closed_at__isnull=True)
            )
        # Its agreed actions are the governance tracker's, loaded by governance/demo.py (0142).
        record_change(
            user=None,
            obj=clinic,
            action="created",
            summary=f"Loaded with the demo data: {clinic}",
            subject_key=clinic_key(clinic),
        )
        loaded += 1
    return loaded


def _load_milestone_links(rows: list[dict]) -> int:
    loaded = 0
    for row in rows:
        milestone = Milestone.objects.filter(
            priority__plan__slug=row["plan"], priority__number=row["priority"], number=row["milestone"]
        ).first()
        indicator = Indicator.objects.filter(code=row["indicator"]).first()
        if milestone is None or indicator is None or hasattr(milestone, "indicator_link"):
            continue
        link = MilestoneIndicatorLink.objects.create(
            milestone=milestone,
            indicator=indicator,
            baseline_period=period_for(row["baseline_period"], indicator.period_type),
            target_period=period_for(row["target_period"], indicator.period_type),
        )
        record_change(
            user=None,
            obj=link,
            action="created",
            summary=f"Loaded with the demo data: {link}",
            subject_key=milestone_key(milestone),
        )
        loaded += 1
    return loaded
