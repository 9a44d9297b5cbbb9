"""The forms of the meetings' pages: a meeting scheduled, cancelled, its attendance recorded."""

from datetime import time

from django import forms

from outcomes.core.dates import GovukDateField
from outcomes.governance.models import Attendance, Membership

MEMBER_STATUSES = [("", "Not recorded")] + [
    (key, label) for key, label in Attendance.STATUSES if key != Attendance.SUBSTITUTE
]
OTHER_STATUSES = [(key, label) for key, label in Attendance.STATUSES if key != Attendance.SUBSTITUTE]
BLANK_OTHERS = 3


class MeetingForm(forms.Form):
    on = GovukDateField(name="The date of the meeting")
    starts_at = forms.CharField(
        label="Time",
        required=False,
        max_length=5,
        help_text="24-hour clock, for example 14:00. Leave empty if not known.",
    )
    venue = forms.CharField(label="Venue", required=False, max_length=300)
    date_as_written = forms.CharField(
        label="The date as the agenda writes it",
        required=False,
        max_length=100,
        help_text="For example Thursday 5th June 2014: the weekday is checked against the date.",
    )
    standing_items = forms.BooleanField(
        label="Put the body's standing items on the agenda", required=False, initial=True
    )

    def clean_starts_at(self) -> time | None:
        text = self.cleaned_data["starts_at"].strip()
        if not text:
            return None
        try:
            hours, minutes = (int(part) for part in text.replace(".", ":").split(":"))
            return time(hours, minutes)
        except ValueError:
            raise forms.ValidationError("Enter the time as hours and minutes, for example 14:00") from None


class CancelForm(forms.Form):
    reason = forms.CharField(
        label="Why is the meeting cancelled?",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        error_messages={"required": "Enter the reason the meeting is cancelled"},
    )


class AttendanceForm(forms.Form):
    """A status for each member on the day (and a substitute's name), then others by name."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, members: list[Membership], others: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.members = members
        self.others = others
        for m in members:
            self.fields[f"status_{m.pk}"] = forms.ChoiceField(
                choices=MEMBER_STATUSES, required=False, label=m.name, widget=forms.RadioSelect
            )
            self.fields[f"substitute_{m.pk}"] = forms.CharField(
                required=False, max_length=200, label=f"Substitute for {m.name}"
            )
        for n in range(others):
            self.fields[f"other_name_{n}"] = forms.CharField(required=False, max_length=200, label="Name")
            self.fields[f"other_position_{n}"] = forms.CharField(
                required=False, max_length=300, label="Job title and organisation"
            )
            self.fields[f"other_status_{n}"] = forms.ChoiceField(
                choices=OTHER_STATUSES, required=False, label="Status", initial=Attendance.IN_ATTENDANCE
            )
            self.fields[f"other_note_{n}"] = forms.CharField(required=False, max_length=300, label="Note")

    def member_rows(self):
        return [(m, self[f"status_{m.pk}"], self[f"substitute_{m.pk}"]) for m in self.members]

    def other_rows(self):
        return [
            (
                n,
                self[f"other_name_{n}"],
                self[f"other_position_{n}"],
                self[f"other_status_{n}"],
                self[f"other_note_{n}"],
            )
            for n in range(self.others)
        ]
