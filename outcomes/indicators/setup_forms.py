"""The forms a performance officer sets up an indicator and its targets with. Areas, periods, owners
and parent indicators are chosen by their names and codes; the rules are those of ``setup``."""

from django import forms

from outcomes.accounts.models import Person
from outcomes.core.dates import GovukDateField
from outcomes.core.imports import cells
from outcomes.indicators import setup
from outcomes.indicators.access import area_key
from outcomes.indicators.areas import home_area
from outcomes.indicators.models import Area, Indicator, Period, Target
from outcomes.indicators.periods import PeriodNotUnderstood, parse_period
from outcomes.plans.forms import ProseField

# The model fields' sizes (decimal places, band and target values).
FIGURE_DIGITS = {"max_digits": 20, "decimal_places": 6}


class NumberField(forms.CharField):
    """A figure typed as a person writes it (82.5, 82.5%, 1,406), read by the same reader as the
    imports, so that nothing the database or an export cannot hold gets in."""

    def to_python(self, value):
        text = super().to_python(value)
        try:
            return cells.decimal(text, percent=True, **FIGURE_DIGITS)
        except cells.BadValue as exc:
            raise forms.ValidationError(f"Enter a number: {exc}") from None


def _text(label: str, max_length: int, **options) -> forms.CharField:
    return forms.CharField(label=label, max_length=max_length, required=False, **options)


def _prose(label: str, **options) -> ProseField:
    # No longer than a spreadsheet cell holds, as the template's reader allows: what is typed here
    # downloads whole.
    return ProseField(
        label=label,
        required=False,
        widget=forms.Textarea,
        max_length=cells.max_length(Indicator, "definition"),
        **options,
    )


class IndicatorForm(forms.Form):
    """Every field of SPEC §2. For a LAIT measure, DfE's fields are left out (``setup.LAIT_FIELDS``)."""

    code = forms.CharField(
        label="Code",
        max_length=60,
        help_text="NI 59, a LAIT code or a code of the partnership's own, for example CYPP-BF1",
        error_messages={"required": "Enter the indicator's code, for example NI 59"},
    )
    name = forms.CharField(
        label="Name", max_length=300, error_messages={"required": "Enter the indicator's name"}
    )
    definition = _prose("Definition", help_text="What is measured, as the partnership defines it")
    methodology = _prose("Methodology", help_text="How it is calculated, and anything left out")
    topic = _text("Topic", 100, help_text="For example Health, Education, Children's social care")
    unit_kind = forms.ChoiceField(
        label="Unit", choices=Indicator.UNIT_KINDS, error_messages={"required": "Choose the unit"}
    )
    multiplier = forms.IntegerField(
        label="Rate per",
        required=False,
        min_value=1,
        max_value=10**9,
        help_text="Only for a rate: 10000 for a rate per 10,000 children",
        error_messages={"invalid": "Enter what the rate is per as a whole number, for example 10000"},
    )
    unit_label = _text("Unit as published", 120, help_text="For example % of births")
    numerator_definition = _text("Numerator", 300, help_text="What is counted, for example babies breastfed")
    denominator_definition = _text("Denominator", 300, help_text="What it is out of, for example births")
    decimal_places = forms.IntegerField(
        label="Decimal places",
        required=False,
        min_value=0,
        max_value=6,
        help_text="How many decimal places the figure is shown with; blank: as published",
        error_messages={"invalid": "Enter the number of decimal places, from 0 to 6"},
    )
    polarity = forms.ChoiceField(
        label="Good performance",
        choices=Indicator.POLARITIES,
        error_messages={"required": "Choose what good performance is"},
    )
    band_lower = NumberField(
        label="Good band from", required=False, help_text="Only when good is within a band"
    )
    band_upper = NumberField(label="Good band to", required=False)
    period_type = forms.ChoiceField(
        label="Period type",
        choices=Indicator.PERIOD_TYPES,
        error_messages={"required": "Choose the period type"},
    )
    source = _text("Source", 300, help_text="Who publishes or supplies the figures")
    owner = forms.ChoiceField(label="Owner", required=False)
    parent = forms.CharField(
        label="Sub-indicator of",
        max_length=60,
        required=False,
        help_text="The code of the indicator this one is part of (NI 111 for NI 111a); blank if none",
    )
    sub_label = _text("Sub-indicator label", 10, help_text="For example a or b")
    no_quartile = forms.BooleanField(label="Do not rank it in quartile bands A to D", required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, indicator: Indicator | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicator = indicator
        self.fields["owner"].choices = [("", "No owner")] + [
            (name, name) for name in Person.objects.order_by("name").values_list("name", flat=True)
        ]
        if indicator is not None and indicator.from_lait:
            for name in setup.LAIT_FIELDS:
                del self.fields[name]
            if indicator.polarity != Indicator.BAND:
                # DfE judges it high or low: a good band would only be refused.
                del self.fields["band_lower"], self.fields["band_upper"]

    def clean_parent(self):
        code = self.cleaned_data["parent"].strip()
        if not code:
            return None
        parent = Indicator.objects.filter(code__iexact=code).first()
        if parent is None:
            raise forms.ValidationError(f"There is no indicator with the code {code}")
        return parent

    def clean_owner(self):
        name = self.cleaned_data["owner"]
        return Person.objects.filter(name=name).first() if name else None

    def clean(self):
        data = super().clean()
        fields = self.fields_to_save()
        if self.indicator is not None and self.indicator.from_lait:
            # DfE's fields are not on the form: the rules read them from the indicator.
            fields = {**{k: getattr(self.indicator, k) for k in setup.LAIT_FIELDS}, **fields}
        for field, message in setup.definition_problems(fields, self.indicator):
            if field in self.fields and field not in self.errors:
                self.add_error(field, message)
        return data

    def fields_to_save(self) -> dict:
        """The fields to save, as model values."""
        return {k: v for k, v in self.cleaned_data.items() if k in setup.LABELS and k in self.fields}

    @staticmethod
    def initial_for(indicator: Indicator) -> dict:
        initial = {k: getattr(indicator, k) for k in setup.LABELS if k not in ("owner", "parent")}
        initial["owner"] = indicator.owner.name if indicator.owner_id else ""
        initial["parent"] = indicator.parent.code if indicator.parent_id else ""
        initial["version"] = indicator.version
        return initial


class TargetForm(forms.Form):
    area = forms.ChoiceField(label="Area", required=False)
    period = forms.CharField(
        label="For the period",
        max_length=40,
        required=False,
        help_text="A target for a period, written as its values are: 2010-11, 2014, April 2010, Q1 2010/11",
    )
    due = GovukDateField(name="The date the target is due by", required=False)
    value = NumberField(label="Target", error_messages={"required": "Enter the target, for example 85"})
    upper_value = NumberField(
        label="Upper end of the target band",
        required=False,
        help_text="Only for an indicator judged within a band: the target above is its lower end",
    )
    amber_tolerance = NumberField(
        label="Amber tolerance",
        required=False,
        help_text="A value that misses the target by no more than this is Amber, not Red; blank: no Amber",
    )
    tolerance_kind = forms.ChoiceField(
        label="The tolerance is",
        choices=Target.TOLERANCE_KINDS,
        initial=Target.ABSOLUTE,
        error_messages={"required": "Choose how the tolerance is measured"},
    )
    note = forms.CharField(label="Note", max_length=300, required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, indicator: Indicator, target: Target | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicator, self.target = indicator, target
        home = home_area()
        areas = Area.objects.exclude(kind=Area.OTHER).filter(active=True).order_by("kind", "name")
        if home is not None:
            areas = areas.exclude(pk=home.pk)
        own = f"The partnership's own area ({home.name})" if home else "The partnership's own area"
        self.areas = {area_key(a): a for a in areas}
        self.fields["area"].choices = [("", own)] + [(key, a.name) for key, a in self.areas.items()]

    def clean_area(self):
        key = self.cleaned_data["area"]
        if key and key not in self.areas:
            raise forms.ValidationError("Choose an area from the list")
        return self.areas.get(key)

    def clean_period(self):
        label = self.cleaned_data["period"].strip()
        if not label:
            return None
        try:
            parsed = parse_period(label, self.indicator.period_type)
        except PeriodNotUnderstood as exc:
            raise forms.ValidationError(str(exc)) from None
        # The stored period, or one to store when the target is saved (nothing is written before).
        found = Period.objects.filter(kind=parsed.kind, start=parsed.start, end=parsed.end).first()
        return found or Period(
            label=parsed.label, kind=parsed.kind, start=parsed.start, end=parsed.end, sort_key=parsed.sort_key
        )

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        for field, message in setup.target_problems(self.indicator, data, self.target):
            self.add_error(field, message)
        return data

    @staticmethod
    def initial_for(target: Target) -> dict:
        return {
            "area": area_key(target.area) if target.area_id else "",
            "period": target.period.label if target.period_id else "",
            "due": target.due,
            "value": setup._figure(target.value),
            "upper_value": setup._figure(target.upper_value),
            "amber_tolerance": setup._figure(target.amber_tolerance),
            "tolerance_kind": target.tolerance_kind,
            "note": target.note,
            "version": target.version,
        }
