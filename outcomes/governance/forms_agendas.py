"""The forms of the agenda pages: an item, a heading, a standing item, placing a forward-plan item,
the pack to make."""

from django import forms

from outcomes.accounts.models import Person
from outcomes.core.dates import GovukDateField
from outcomes.governance.models import AgendaItem, Body, Meeting
from outcomes.papers.models import Paper

DIRECTIONS = [("up", "Up"), ("down", "Down")]


class ItemForm(forms.Form):
    title = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text="As the agenda prints it, word for word.",
        error_messages={"required": "Enter the item's title"},
    )
    kind = forms.ChoiceField(choices=AgendaItem.KINDS, initial=AgendaItem.OTHER)
    section = forms.ModelChoiceField(queryset=None, required=False, empty_label="No heading", label="Heading")
    parent = forms.ModelChoiceField(
        queryset=None, required=False, empty_label="None: a main item", label="Sub-item of"
    )
    presenter = forms.CharField(max_length=300, required=False, label="Presented by, as written")
    presenter_person = forms.ModelChoiceField(
        queryset=Person.objects.order_by("name"), required=False, label="Presenter, if Outcomes knows them"
    )
    paper = forms.ModelChoiceField(queryset=Paper.objects.order_by("slug"), required=False, label="Paper")
    exempt = forms.BooleanField(required=False, label="Exempt: closed to the public")
    exempt_reason = forms.CharField(max_length=300, required=False, label="Why it is exempt")
    other_body = forms.ModelChoiceField(
        queryset=Body.objects.all(), required=False, label="Whose minutes (another body's minutes)"
    )
    other_meeting_date = GovukDateField(name="The date of that body's meeting", required=False)
    # When the item was last saved as the form was opened: a save from an older one is refused
    # (core/conflicts.py), so that two people changing one item do not overwrite each other.
    seen = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, meeting: Meeting, item: AgendaItem | None = None, may_attach: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].queryset = meeting.agenda_sections.all()
        parents = meeting.agenda_items.filter(parent=None)
        if item is not None:
            parents = parents.exclude(pk=item.pk)
        self.fields["parent"].queryset = parents
        if not may_attach:
            del self.fields["paper"]


class SectionForm(forms.Form):
    title = forms.CharField(
        max_length=100,
        label="Heading",
        help_text="For example: For Decision, For Discussion, For Information.",
    )


class MoveForm(forms.Form):
    direction = forms.ChoiceField(choices=DIRECTIONS)


class StandingForm(forms.Form):
    title = forms.CharField(max_length=300, error_messages={"required": "Enter the standing item's title"})
    kind = forms.ChoiceField(choices=AgendaItem.KINDS, initial=AgendaItem.OTHER)
    section_title = forms.CharField(max_length=100, required=False, label="Under the heading (optional)")


class PlaceForm(forms.Form):
    plan_item = forms.ModelChoiceField(queryset=None, label="Forward plan item")
    section = forms.ModelChoiceField(queryset=None, required=False, empty_label="No heading")

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan_item"].queryset = meeting.body.forward_plan.filter(agenda_item=None)
        self.fields["section"].queryset = meeting.agenda_sections.all()


class PackForm(forms.Form):
    fmt = forms.ChoiceField(choices=[("pdf", "PDF"), ("docx", "Word"), ("html", "HTML")], label="Format")
    version = forms.IntegerField(required=False, min_value=1)
