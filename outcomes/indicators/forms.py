"""Forms of the indicator pages. The clinic form saves through ``save(user)``, which records every
change (who, when, before and after) and refuses to overwrite a newer save. The agreed actions' form
is the governance tracker's (clinic_actions.py, decision 0142)."""

from django import forms
from django.db import transaction
from django.utils.text import slugify

from outcomes.accounts.models import Person
from outcomes.core.conflicts import SaveConflict
from outcomes.core.models import record_change
from outcomes.indicators.models import (
    Clinic,
    ExceptionRecord,
    Indicator,
    MilestoneIndicatorLink,
)
from outcomes.plans.forms import ProseField
from outcomes.plans.models import Milestone, Plan
from outcomes.plans.services import milestone_key


def clinic_key(clinic: Clinic) -> str:
    return f"clinic:{clinic.pk}"


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").replace(";", "\n").splitlines() if line.strip()]


def split_people(text: str) -> tuple[list[Person], str]:
    """Names one per line: those of people in Outcomes become links to them, the others stay text."""
    people, others = [], []
    for name in _lines(text):
        person = Person.objects.filter(name__iexact=name).first()
        if person is None:
            others.append(name)
        elif person not in people:
            people.append(person)
    return people, "; ".join(others)


class ClinicForm(forms.Form):
    kind = forms.ChoiceField(
        label="Kind of meeting",
        choices=Clinic.KINDS,
        error_messages={"required": "Choose performance clinic or challenge session"},
    )
    title = forms.CharField(
        label="Title",
        max_length=200,
        help_text="What it was about, for example Breastfeeding initiation",
        error_messages={"required": "Enter a title"},
    )
    date = forms.DateField(
        label="Date",
        help_text="For example 2014-06-30",
        error_messages={"required": "Enter the date", "invalid": "Enter the date as YYYY-MM-DD"},
    )
    forum = forms.CharField(
        label="Where it was held", max_length=200, required=False, help_text="For example DLT"
    )
    attendees = ProseField(
        label="Attendees",
        required=False,
        widget=forms.Textarea,
        help_text="One per line. People known to Outcomes are linked to their records",
    )
    indicators = ProseField(
        label="Indicators reviewed",
        widget=forms.Textarea,
        help_text="Indicator codes, one per line, for example NI 59",
        error_messages={"required": "Enter at least one indicator code"},
    )
    findings = ProseField(label="Findings", required=False, widget=forms.Textarea)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def clean_indicators(self):
        codes = _lines(self.cleaned_data["indicators"])
        found = {i.code.lower(): i for i in Indicator.objects.filter(code__in=codes)}
        for code in codes:
            if code.lower() not in found:
                match = Indicator.objects.filter(code__iexact=code).first()
                if match is None:
                    raise forms.ValidationError(f"There is no indicator with the code {code}")
                found[code.lower()] = match
        return [found[c.lower()] for c in dict.fromkeys(codes)]

    @staticmethod
    def initial_for(clinic: Clinic) -> dict:
        people = [p.name for p in clinic.attendees.all()]
        others = _lines(clinic.attendees_text)
        return {
            "kind": clinic.kind,
            "title": clinic.title,
            "date": clinic.date,
            "forum": clinic.forum,
            "attendees": "\n".join(people + others),
            "indicators": "\n".join(i.code for i in clinic.indicators.all()),
            "findings": clinic.findings,
            "version": clinic.version,
        }

    @transaction.atomic
    def save(self, user, clinic: Clinic | None = None) -> Clinic:
        """Create the clinic, or save changes to it. The open exceptions of the indicators reviewed
        are linked to it: they are what the meeting was called to consider."""
        data = self.cleaned_data
        people, others = split_people(data["attendees"])
        if clinic is not None:
            clinic = Clinic.objects.select_for_update().get(pk=clinic.pk)
            if data.get("version") is not None and data["version"] != clinic.version:
                raise SaveConflict("this clinic", clinic)
            before = _clinic_snapshot(clinic)
        else:
            before = None
            clinic = Clinic(slug=_unique_slug(data["date"], data["title"]), created_by=user, version=0)
        for name in ("kind", "title", "date", "forum", "findings"):
            setattr(clinic, name, data[name])
        clinic.attendees_text = others
        clinic.version += 1
        clinic.save()
        clinic.attendees.set(people)
        clinic.indicators.set(data["indicators"])
        clinic.exceptions.add(
            *ExceptionRecord.objects.filter(indicator__in=data["indicators"], closed_at__isnull=True)
        )
        after = _clinic_snapshot(clinic)
        record_change(
            user=user,
            obj=clinic,
            action="edited" if before else "created",
            summary=f"{'Edited' if before else 'Created'} {clinic}",
            before=before,
            after=after,
            subject_key=clinic_key(clinic),
        )
        return clinic


def _unique_slug(date, title: str) -> str:
    base = slugify(f"{date:%Y-%m-%d} {title}")[:110] or f"{date:%Y-%m-%d}"
    slug, n = base, 2
    while Clinic.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _clinic_snapshot(clinic: Clinic) -> dict:
    return {
        "kind": clinic.kind,
        "title": clinic.title,
        "date": clinic.date.isoformat() if clinic.date else None,
        "forum": clinic.forum,
        "attendees": "; ".join([p.name for p in clinic.attendees.all()] + _lines(clinic.attendees_text)),
        "indicators": ", ".join(i.code for i in clinic.indicators.all()),
        "findings": clinic.findings,
    }


class TemplateUploadForm(forms.Form):
    file = forms.FileField(
        label="Indicator values file",
        help_text="The template filled in, as Excel (.xlsx) or CSV (.csv)",
        error_messages={"required": "Choose a file to upload"},
    )


class LaitUploadForm(forms.Form):
    file = forms.FileField(
        label="LAIT release",
        help_text="The release's files as one .zip, or its data file bds_long_0.parquet alone",
        error_messages={"required": "Choose the release's .zip or bds_long_0.parquet"},
    )


class MilestoneLinkForm(forms.Form):
    """Which plan milestone an indicator measures, and the periods of its baseline and target."""

    plan = forms.ChoiceField(label="Plan")
    priority = forms.IntegerField(
        label="Priority number", min_value=1, error_messages={"required": "Enter the priority number"}
    )
    milestone = forms.IntegerField(
        label="Milestone number", min_value=1, error_messages={"required": "Enter the milestone number"}
    )
    baseline_period = forms.ChoiceField(label="Baseline period", required=False)
    target_period = forms.ChoiceField(label="Target period", required=False)

    def __init__(self, *args, periods: list, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan"].choices = [(p.slug, p.title) for p in Plan.objects.all()]
        choices = [("", "Not set")] + [(str(p.pk), p.label) for p in periods]
        self.fields["baseline_period"].choices = choices
        self.fields["target_period"].choices = choices
        self.periods = {str(p.pk): p for p in periods}

    def clean(self):
        data = super().clean()
        if data.get("plan") and data.get("priority") and data.get("milestone"):
            milestone = Milestone.objects.filter(
                priority__plan__slug=data["plan"], priority__number=data["priority"], number=data["milestone"]
            ).first()
            if milestone is None:
                self.add_error("milestone", "There is no such milestone in that plan")
            elif hasattr(milestone, "indicator_link"):
                self.add_error("milestone", f"{milestone.reference} is already linked to an indicator")
            data["milestone_object"] = milestone
        data["baseline"] = self.periods.get(data.get("baseline_period") or "")
        data["target"] = self.periods.get(data.get("target_period") or "")
        return data

    @transaction.atomic
    def save(self, user, indicator: Indicator) -> MilestoneIndicatorLink:
        data = self.cleaned_data
        milestone = data["milestone_object"]
        link = MilestoneIndicatorLink.objects.create(
            milestone=milestone,
            indicator=indicator,
            baseline_period=data["baseline"],
            target_period=data["target"],
        )
        record_change(
            user=user,
            obj=link,
            action="linked",
            summary=f"Linked {milestone.reference} to indicator {indicator.code}",
            after=_link_snapshot(link),
            subject_key=milestone_key(milestone),
        )
        return link


def _link_snapshot(link: MilestoneIndicatorLink) -> dict:
    return {
        "indicator": link.indicator.code,
        "baseline_period": link.baseline_period.label if link.baseline_period_id else None,
        "target_period": link.target_period.label if link.target_period_id else None,
    }


@transaction.atomic
def unlink_milestone(user, link: MilestoneIndicatorLink) -> None:
    record_change(
        user=user,
        obj=link,
        action="unlinked",
        summary=f"Unlinked {link.milestone.reference} from indicator {link.indicator.code}",
        before=_link_snapshot(link),
        subject_key=milestone_key(link.milestone),
    )
    link.delete()
