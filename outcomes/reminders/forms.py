from django import forms

from outcomes.reminders.models import Preference


class PreferencesForm(forms.Form):
    email = forms.EmailField(
        label="E-mail address",
        required=False,
        max_length=254,
        help_text="Reminders go to this address. Leave it empty to receive none.",
        error_messages={"invalid": "Enter an e-mail address in the correct format, like name@example.org"},
    )
    wanted = forms.MultipleChoiceField(label="Send me a reminder", required=False)
    delivery = forms.ChoiceField(
        label="How often",
        choices=Preference.DELIVERIES,
        error_messages={"required": "Choose how often to receive reminders"},
    )

    def __init__(self, *args, kinds, **kwargs):
        super().__init__(*args, **kwargs)
        self.kinds = kinds
        wanted = self.fields["wanted"]
        assert isinstance(wanted, forms.MultipleChoiceField)
        wanted.choices = [(kind.key, kind.label) for kind in kinds]
