"""The forms of the minutes pages: a minute written or edited, a resolution, circulation, approval
at a later meeting, and an action discharged by pointing at an agenda item."""

from django import forms
from django.db.models import Q

from outcomes.accounts.models import Person
from outcomes.core.dates import GovukDateField
from outcomes.core.formatting import format_date
from outcomes.governance.forms import owner_choices
from outcomes.governance.models import Action, AgendaItem, Body, Meeting, Resolution


class MinuteForm(forms.Form):
    agenda_item = forms.ModelChoiceField(
        AgendaItem.objects.none(),
        required=False,
        label="Agenda item",
        empty_label="None (a minute of its own)",
        help_text="The minute takes the item's title and, if the item is exempt, its exemption.",
    )
    title = forms.CharField(
        max_length=300, required=False, help_text="Leave empty to use the agenda item's title."
    )
    narrative = forms.CharField(widget=forms.Textarea(attrs={"rows": 10}), required=False, max_length=100000)
    number = forms.IntegerField(
        required=False,
        min_value=1,
        label="Minute number (optional)",
        help_text="Leave empty for the next number by the body's rule. Give it for the first minute of a "
        "body whose earlier minutes are not in Outcomes (the partnership's 269).",
    )

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agenda_item"].queryset = meeting.agenda_items.all()
        self.fields["agenda_item"].label_from_instance = lambda item: item.title[:120]

    def clean(self):
        data = super().clean()
        if not data.get("agenda_item") and not (data.get("title") or "").strip():
            self.add_error("title", "Enter the minute's title, or choose its agenda item")
        return data


class MinuteEditForm(forms.Form):
    title = forms.CharField(max_length=300, error_messages={"required": "Enter the minute's title"})
    narrative = forms.CharField(widget=forms.Textarea(attrs={"rows": 14}), required=False, max_length=100000)
    version = forms.IntegerField(widget=forms.HiddenInput)


class ResolutionForm(forms.Form):
    kind = forms.ChoiceField(
        choices=Resolution.KINDS,
        widget=forms.RadioSelect,
        label="Kind of resolution",
        error_messages={"required": "Choose the kind of resolution"},
    )
    text = forms.CharField(
        label="Resolved",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=20000,
        help_text="As resolved, for example: That the report be noted.",
        error_messages={
            "required": "Enter the resolution as resolved, for example: That the report be noted"
        },
    )
    amendment = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=5000,
        help_text="For an approval with amendment.",
    )
    target_body = forms.ModelChoiceField(
        Body.objects.all(),
        required=False,
        label="Body",
        help_text="The body it is referred to, or the body to report back to.",
    )
    owner_text = forms.CharField(label="Owner, as the minutes write it", max_length=300, required=False)
    owners = forms.ModelMultipleChoiceField(
        Person.objects.none(),
        required=False,
        label="Owners who update the action",
        widget=forms.CheckboxSelectMultiple,
    )
    due_on = GovukDateField(name="The date it is due", required=False)
    due_rule = forms.CharField(
        label="Due, in words",
        max_length=300,
        required=False,
        help_text="For example: within two months of its submission.",
    )

    def __init__(self, *args, body: Body, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owners"].queryset = owner_choices(body)


class CirculateForm(forms.Form):
    on = GovukDateField(name="The date the draft minutes were circulated")


class ApproveForm(forms.Form):
    approving = forms.ModelChoiceField(
        Meeting.objects.none(),
        label="The meeting that approved them",
        error_messages={"required": "Choose the meeting that approved the minutes"},
    )
    correction = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=5000,
        help_text="Any correction the meeting made before approving them as a correct record.",
    )

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["approving"].queryset = meeting.body.meetings.filter(date__gt=meeting.date).exclude(
            state=Meeting.CANCELLED
        )
        self.fields["approving"].label_from_instance = lambda m: f"The meeting of {format_date(m.date)}"


class DischargeByItemForm(forms.Form):
    agenda_item = forms.ModelChoiceField(
        AgendaItem.objects.none(),
        label="The agenda item that took the report",
        error_messages={"required": "Choose the agenda item that shows the action done"},
    )

    def __init__(self, *args, action: Action, **kwargs):
        super().__init__(*args, **kwargs)
        bodies = {action.body_id, *action.forward_plan_items.values_list("body_id", flat=True)}
        self.fields["agenda_item"].queryset = (
            AgendaItem.objects.filter(meeting__body__in=bodies, meeting__date__gte=action.raised_on)
            .filter(Q(exempt=False) | Q(meeting__body=action.body))
            .select_related("meeting__body")
            .order_by("meeting__date", "order", "id")
        )
        self.fields["agenda_item"].label_from_instance = lambda item: (
            f"{item.meeting.body.label}, {format_date(item.meeting.date)}: {item.title[:100]}"
        )


class ResolutionWordingForm(forms.Form):
    """A resolution's words corrected; what it raised (kind, body, owners, dates) is changed in the
    tracker instead (minuting.edit_resolution)."""

    text = forms.CharField(
        label="Resolved",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=20000,
        error_messages={
            "required": "Enter the resolution as resolved, for example: That the report be noted"
        },
    )
    amendment = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False, max_length=5000)
    version = forms.IntegerField(widget=forms.HiddenInput)
