"""An improvement-plan row's own fields in the structure editor (decision 0151): target date as
written, workstream, baselines and dated targets. A repeatable list without JavaScript: the form
shows the row's baselines and targets and blank ones after them; a blank one is left out."""

import re

from django import forms

BASELINE_PARTS = {
    "value": ("Value", "As written, such as 77.8"),
    "unit": ("Unit", "Such as %, £ or count"),
    "label": ("What it counts", "Such as vacancy rate, if the value needs it"),
    "type": ("Type", "Such as outturn or position"),
    "period": ("Period", "Such as 2008/09 or Nov 2009"),
    "date": ("Date", "YYYY-MM-DD, if the period is a day"),
    "numerator": ("Numerator", "When given, such as 1767"),
    "denominator": ("Denominator", "When given, such as 2270"),
}
TARGET_PARTS = {
    "value": ("Value", "As written, such as 85"),
    "value_max": ("Upper value", "Only for a range, such as 79 in 65% - 79%"),
    "unit": ("Unit", "Such as %, £ or count"),
    "change": ("Change", "Only for a change, such as reduction"),
    "date": ("Date", "YYYY-MM-DD: the last day of the month for a month"),
    "text": ("As written", "Such as October 2010"),
}
LEAST_BASELINES = 3
LEAST_TARGETS = 4
MOST = 12
_SLOT = re.compile(r"^(baseline|target)_(\d+)_")


def _field(part: str, label: str, hint: str) -> forms.Field:
    if part == "date":
        return forms.DateField(
            label=label,
            help_text=hint,
            required=False,
            error_messages={"invalid": "Enter the date as YYYY-MM-DD"},
        )
    if part in ("numerator", "denominator"):
        return forms.IntegerField(
            label=label,
            help_text=hint,
            required=False,
            min_value=0,
            error_messages={"invalid": "Enter a whole number"},
        )
    return forms.CharField(label=label, help_text=hint, required=False, max_length=60)


def slots(form: forms.Form, what: str, least: int) -> int:
    if form.is_bound:
        posted = [int(m[2]) for key in form.data if (m := _SLOT.match(key)) and m[1] == what]
        return min(max(posted) + 1, MOST) if posted else 0
    return min(max(len(form.initial.get(f"{what}s") or []) + 1, least), MOST)


def add_row_fields(form: forms.Form) -> None:
    form.fields["due_text"] = forms.CharField(
        label="Target date as written",
        required=False,
        max_length=300,
        help_text="When it is not a day, such as Ongoing or Quarterly",
    )
    form.fields["workstream"] = forms.CharField(label="Lead workstream(s)", required=False, max_length=200)
    form.baseline_slots = slots(form, "baseline", LEAST_BASELINES)
    form.target_slots = slots(form, "target", LEAST_TARGETS)
    for what, count, parts in (
        ("baseline", form.baseline_slots, BASELINE_PARTS),
        ("target", form.target_slots, TARGET_PARTS),
    ):
        for i in range(count):
            for part, (label, hint) in parts.items():
                form.fields[f"{what}_{i}_{part}"] = _field(part, label, hint)


def row_initial(milestone) -> dict:
    initial = {
        "due_text": milestone.due_text,
        "workstream": milestone.workstream,
        "baselines": milestone.baselines,
        "targets": milestone.targets,
    }
    for what, items in (("baseline", milestone.baselines), ("target", milestone.targets)):
        for i, item in enumerate(items or []):
            for part, value in item.items():
                initial[f"{what}_{i}_{part}"] = value
    return initial


def _items(data: dict, what: str, count: int, parts: dict) -> list[dict]:
    found = []
    for i in range(count):
        item = {}
        for part in parts:
            value = data.get(f"{what}_{i}_{part}")
            if hasattr(value, "isoformat"):
                value = value.isoformat()
            item[part] = value if value not in ("", None) else None
        if any(v is not None for v in item.values()):
            found.append(item)
    return found


def row_model_fields(form: forms.Form) -> dict:
    data = form.cleaned_data
    return {
        "due_text": data.get("due_text") or "",
        "workstream": data.get("workstream") or "",
        "baselines": _items(data, "baseline", form.baseline_slots, BASELINE_PARTS),
        "targets": _items(data, "target", form.target_slots, TARGET_PARTS),
    }


def check_rows(form: forms.Form) -> None:
    """A baseline or target needs its value once any of its parts is given."""
    for what, count in (("baseline", form.baseline_slots), ("target", form.target_slots)):
        for i in range(count):
            parts = [k for k in form.cleaned_data if k.startswith(f"{what}_{i}_")]
            given = [k for k in parts if form.cleaned_data.get(k) not in ("", None)]
            if given and not form.cleaned_data.get(f"{what}_{i}_value"):
                form.add_error(f"{what}_{i}_value", f"Enter the {what}'s value, or clear its other parts")
