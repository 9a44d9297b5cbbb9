import re

from django import forms

from outcomes.core.dates import GovukDateField
from outcomes.core.imports.cells import FIRST_YEAR, LAST_YEAR
from outcomes.plans import row_forms, rules
from outcomes.plans.evidence import EvidenceRefused, check_upload
from outcomes.plans.models import MEASURE_DIGITS, Plan, RagStatus
from outcomes.plans.update_tables import TableProblem, read_table

SPLIT = "split"
MOST_TABLES = 10
_TABLE_FIELD = re.compile(r"^table_(\d+)_cells$")


class ProseField(forms.CharField):
    """Text typed into a textarea. Browsers send line ends as CRLF; stored text uses LF, so that
    saving unchanged text changes nothing."""

    def to_python(self, value):
        text = super().to_python(value)
        return text.replace("\r\n", "\n").replace("\r", "\n")


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


class UpdateForm(forms.Form):
    """A milestone's update: its text and a RAG status, or a split over several colours."""

    text = ProseField(
        label="Update",
        widget=forms.Textarea,
        required=True,
        error_messages={"required": "Enter the update: what has happened since the last round"},
    )
    status = forms.ChoiceField(
        label="RAG status",
        error_messages={"required": "Choose a RAG status", "invalid_choice": "Choose a RAG status"},
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    # An improvement-plan row's (plans/kinds.py asks_direction); other kinds never show them.
    direction = forms.ChoiceField(
        label="Direction of travel",
        required=False,
        choices=[("", "Not given")] + [(k, f"{a} {w}") for k, (a, w) in rules.DIRECTIONS.items()],
        error_messages={"invalid_choice": "Choose improving, no change or worse"},
    )
    current = forms.CharField(label="Current performance", required=False, max_length=300)
    evidence = forms.FileField(
        label="Attach evidence (optional)",
        required=False,
        help_text="Such as a case study: PDF, Word, Excel, PowerPoint, OpenDocument, PNG, JPEG, text or CSV",
    )

    def __init__(self, *args, statuses: list[RagStatus], **kwargs):
        super().__init__(*args, **kwargs)
        self.statuses = statuses
        self.table_slots = self._table_slots()
        for i in range(self.table_slots):
            self.fields[f"table_{i}_caption"] = forms.CharField(label="Title", required=False, max_length=200)
            self.fields[f"table_{i}_cells"] = ProseField(label="Rows", required=False, widget=forms.Textarea)
        self.fields["status"].choices = [(s.key, s.label) for s in statuses] + [(SPLIT, "Split status")]
        for s in statuses:
            self.fields[f"weight_{s.key}"] = forms.CharField(
                label=f"{s.label} share",
                required=False,
                max_length=12,
            )

    def _table_slots(self) -> int:
        """The tables the page shows: those posted, or those held and one empty for a new table."""
        if self.is_bound:
            posted = [int(m[1]) for key in self.data if (m := _TABLE_FIELD.match(key))]
            return min(max(posted) + 1, MOST_TABLES) if posted else 0
        return min(len(self.initial.get("tables") or []) + 1, MOST_TABLES)

    def clean_evidence(self):
        upload = self.cleaned_data.get("evidence")
        if not upload:
            return None
        try:
            return check_upload(upload)
        except EvidenceRefused as exc:
            raise forms.ValidationError(str(exc)) from None

    def _clean_tables(self, data) -> None:
        # No table fields posted at all (a form from before tables): the update keeps its tables.
        if not self.table_slots:
            data["tables"] = None
            return
        tables = []
        for i in range(self.table_slots):
            try:
                table = read_table(data.get(f"table_{i}_caption") or "", data.get(f"table_{i}_cells") or "")
            except TableProblem as exc:
                self.add_error(f"table_{i}_cells", str(exc))
                continue
            if table:
                tables.append(table)
        data["tables"] = tables

    def clean(self):
        data = super().clean()
        self._clean_tables(data)
        status = data.get("status")
        if status == SPLIT:
            raw = {s.key: data.get(f"weight_{s.key}") for s in self.statuses if data.get(f"weight_{s.key}")}
            if len(raw) < 2:
                self.add_error(
                    f"weight_{self.statuses[0].key}",
                    "A split status needs shares for at least two colours, such as 1/2 and 1/2",
                )
                return data
            try:
                data["weights"] = rules.rag_weights_sum_to_one(raw, [s.key for s in self.statuses])
            except rules.RuleViolation as exc:
                self.add_error(f"weight_{next(iter(raw))}", _sentence(str(exc)))
        elif status:
            data["weights"] = {status: 1}
        return data


class RoundForm(forms.Form):
    title = forms.CharField(
        label="Title",
        max_length=200,
        help_text="As it heads the update column, for example Update December 2014",
        error_messages={"required": "Enter the title of the round, for example Update December 2014"},
    )
    opens = GovukDateField(name="The date the round opens")
    closes = GovukDateField(name="The date the round closes")

    def clean(self):
        data = super().clean()
        if data.get("opens") and data.get("closes") and data["closes"] < data["opens"]:
            self.add_error("closes", "The date the round closes must be on or after the date it opens")
        return data


class PlanForm(forms.Form):
    title = forms.CharField(
        label="Title",
        max_length=300,
        help_text="For example Children and Young People's Plan 2013 – 2016",
        error_messages={"required": "Enter the title of the plan"},
    )
    start = GovukDateField(name="The date the plan starts")
    end = GovukDateField(name="The date the plan ends")
    approving_body = forms.CharField(
        label="Approved by (optional)",
        max_length=300,
        required=False,
        help_text="The board or body that approved the plan",
    )
    approved_on = GovukDateField(name="The date the plan was approved", required=False)
    vision = ProseField(label="Vision (optional)", widget=forms.Textarea, required=False)
    # Decides the plan's columns, statuses and report layout (plans/kinds.py); absent: a CYPP.
    kind = forms.ChoiceField(label="Kind of plan", choices=Plan.KINDS, required=False)

    def clean_kind(self):
        return self.cleaned_data.get("kind") or Plan.CYPP

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", "The date the plan ends must be after the date it starts")
        return data


class RoundSettingsForm(forms.Form):
    close_rounds_automatically = forms.BooleanField(
        label="Close each round automatically at the end of its close date",
        required=False,
        help_text="Milestones without an update then become Blue, as when a round is closed by hand.",
    )
    remind_days_before = forms.IntegerField(
        label="Days before a round closes to remind lead officers",
        min_value=0,
        max_value=60,
        help_text="Lead officers with milestones still to update are sent an e-mail this many days before "
        "the close date (0: on the close date), and another if the round is still open after it.",
        error_messages={
            "required": "Enter the number of days before a round closes to remind lead officers",
            "invalid": "Enter the number of days as a whole number, such as 5",
            "min_value": "The number of days must be 0 or more",
            "max_value": "The number of days must be 60 or fewer",
        },
    )


class PlanImportForm(forms.Form):
    file = forms.FileField(
        label="Plan file",
        help_text="An Excel workbook made from the template (.xlsx) or a plan exported as JSON (.json)",
        error_messages={"required": "Choose a plan file to import"},
    )


class MilestoneForm(forms.Form):
    text = ProseField(
        label="Delivery milestone",
        widget=forms.Textarea,
        error_messages={"required": "Enter the delivery milestone"},
    )
    due = forms.DateField(
        label="Due date",
        required=False,
        help_text="For example 2014-03-31",
        error_messages={"invalid": "Enter the due date as YYYY-MM-DD"},
    )
    sub_heading = forms.CharField(
        label="Sub-heading",
        required=False,
        max_length=200,
        help_text="Only if this milestone starts a group, such as Care Leavers",
    )
    delivery_lead = forms.CharField(
        label="Delivery leads",
        required=False,
        max_length=1000,
        help_text="People and/or organisations, separated by ;",
    )
    strategy_lead = forms.CharField(
        label="Strategy leads",
        required=False,
        max_length=1000,
        help_text="People and/or organisations, separated by ;",
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, actions=None, rows: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.actions = {str(a.pk): a for a in actions or []}
        # An improvement plan's or grid's row: its workstream, baselines and targets (row_forms.py).
        self.rows = rows
        if rows:
            row_forms.add_row_fields(self)
        if actions is not None:
            # Where the milestone sits: moving or renumbering it keeps its updates and history.
            self.fields["action"] = forms.ChoiceField(
                label="Action",
                choices=[
                    (
                        str(a.pk),
                        f"Priority {a.priority.number}, action ({a.label})"
                        + (" (retired)" if a.is_retired else ""),
                    )
                    for a in actions
                ],
                required=False,  # left out: where it is
                error_messages={"required": "Choose the action", "invalid_choice": "Choose the action"},
            )
            self.fields["number"] = forms.IntegerField(
                label="Number",
                min_value=1,
                max_value=32_767,
                help_text="Milestones are numbered within their priority",
                required=False,
                error_messages={"required": "Enter the milestone's number, such as 29"},
            )
        for kind in ("baseline", "target", "actual"):
            self.fields[f"{kind}_value"] = forms.DecimalField(
                label=f"{kind.capitalize()} value",
                required=False,
                max_digits=MEASURE_DIGITS,
                decimal_places=4,
                error_messages={"invalid": f"Enter the {kind} as a number, such as 65.5"},
            )
            self.fields[f"{kind}_unit"] = forms.CharField(
                label=f"{kind.capitalize()} unit", required=False, max_length=20
            )
            self.fields[f"{kind}_period"] = forms.CharField(
                label=f"{kind.capitalize()} period", required=False, max_length=40
            )

    def clean_due(self):
        due = self.cleaned_data.get("due")
        if due is not None and not FIRST_YEAR <= due.year <= LAST_YEAR:
            raise forms.ValidationError(f"Enter a due date between {FIRST_YEAR} and {LAST_YEAR}")
        return due

    def clean(self):
        data = super().clean()
        for kind in ("baseline", "target", "actual"):
            if data.get(f"{kind}_value") is None and (data.get(f"{kind}_unit") or data.get(f"{kind}_period")):
                self.add_error(f"{kind}_value", f"Enter the {kind} value, or clear its unit and period")
        if self.rows:
            row_forms.check_rows(self)
        return data

    @property
    def model_fields(self) -> dict:
        names = ["text", "due", "sub_heading"] + [
            f"{kind}_{part}"
            for kind in ("baseline", "target", "actual")
            for part in ("value", "unit", "period")
        ]
        fields = {name: self.cleaned_data[name] for name in names}
        if self.cleaned_data.get("action"):
            fields["action"] = self.actions[self.cleaned_data["action"]]
        if self.cleaned_data.get("number"):
            fields["number"] = self.cleaned_data["number"]
        if self.rows:
            fields.update(row_forms.row_model_fields(self))
        return fields
