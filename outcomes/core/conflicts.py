"""Edit conflicts: when two people edit one record, the second to save keeps what they typed.

A form carries the version of the record it was opened at; the service refuses a save made from an
older version. The page then shows again with the second person's own text still in the form and the
other person's saved version beside it (template ``core/conflict.html``). The form now carries the
saved version, so saving again replaces the other person's version knowingly, having read it.
"""

from datetime import date, datetime

from django import forms
from django.http import QueryDict
from django.utils import timezone

from outcomes.core.formatting import format_date
from outcomes.core.models import ChangeRecord


class SaveConflict(Exception):
    """Someone else saved ``record`` after the form was opened. The message says who and when, from
    the record's latest change (``ChangeRecord``); ``who`` names them for the version shown beside
    the form. ``thing`` names the record in the message ("this clinic")."""

    def __init__(self, thing: str, record):
        from django.contrib.contenttypes.models import ContentType

        last = (
            ChangeRecord.objects.filter(
                content_type=ContentType.objects.get_for_model(record), object_id=str(record.pk)
            )
            .select_related("user")
            .first()
        )
        self.who = last.user.display_name if last and last.user else None
        super().__init__(conflict_message(thing, self.who, last.at if last else None))


def rebind_after_conflict(
    form_class: type[forms.Form],
    data: QueryDict,
    saved_version: int | None,
    message: str,
    *args,
    version_field: str = "version",
    **kwargs,
) -> forms.Form:
    """The form bound again to what the person submitted, against ``saved_version`` (None: the
    record has gone, so saving creates it again), with ``message`` as an error on the whole form."""
    data = data.copy()
    data[version_field] = "" if saved_version is None else str(saved_version)
    form = form_class(data, *args, **kwargs)
    form.is_valid()
    form.add_error(None, message)
    return form


def conflict_message(thing: str, who: str | None, when: datetime | None) -> str:
    """ "Sam Patel saved this clinic at 14:05 while you were editing it. ..." in one wording for every
    record; ``thing`` names the record ("this clinic")."""
    at = f" at {timezone.localtime(when):%H:%M}" if when else ""
    return (
        f"{who or 'Someone else'} saved {thing}{at} while you were editing it. "
        "Your changes have not been saved: compare them with theirs below and save again."
    )


def saved_fields(form: forms.Form, saved: dict) -> list[tuple[str, str]]:
    """The saved record as (label, text) in the form's own labels and words, one per field the
    person can see, for showing beside the form. ``saved`` holds the record's values as the form's
    initial data does."""
    rows = []
    for name, field in form.fields.items():
        if field.widget.is_hidden:
            continue
        value = saved.get(name)
        if isinstance(field, forms.ChoiceField):
            value = dict(_flat_choices(field.choices)).get(value, value)
        elif isinstance(value, date):
            value = format_date(value)
        rows.append((str(form[name].label), "" if value is None else str(value)))
    return rows


def _flat_choices(choices) -> list[tuple]:
    flat: list[tuple] = []
    for key, label in choices:
        if isinstance(label, (list, tuple)):
            flat.extend(label)
        else:
            flat.append((key, label))
    return flat
