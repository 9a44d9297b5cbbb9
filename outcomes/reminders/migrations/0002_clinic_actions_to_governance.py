"""The clinics' agreed actions are actions of the tracker now (decision 0142, governance 0004), and
one source reminds their owners. A person who had switched off a kind of reminder about clinic
actions has the same kind switched off for the tracker's actions; the reminders already sent about
an agreed action are carried over to its action, so none is sent twice."""

from django.db import migrations

KINDS = {"actions.due": "governance.due", "actions.overdue": "governance.overdue"}


def carry_over(apps, schema_editor):
    Preference = apps.get_model("reminders", "Preference")
    SentReminder = apps.get_model("reminders", "SentReminder")
    ChangeRecord = apps.get_model("core", "ChangeRecord")
    for preference in Preference.objects.all():
        off = list(preference.switched_off or [])
        carried = [KINDS.get(kind, kind) for kind in off]
        carried = list(dict.fromkeys(carried))
        if carried != off:
            preference.switched_off = carried
            preference.save(update_fields=["switched_off"])
    moved = {
        str(record.before["agreed_action"]): record.object_id
        for record in ChangeRecord.objects.filter(action="moved_to_tracker")
        if record.before and "agreed_action" in record.before
    }
    for sent in SentReminder.objects.filter(kind__in=list(KINDS)):
        subject, _, when = sent.item.partition("@")
        old = subject.removeprefix("clinic-action:")
        if old in moved:
            item = f"governance-action:{moved[old]}@{when}"
            kind = KINDS[sent.kind]
            if not SentReminder.objects.filter(user_id=sent.user_id, kind=kind, item=item).exists():
                sent.kind, sent.item = kind, item
                sent.save(update_fields=["kind", "item"])


class Migration(migrations.Migration):
    dependencies = [
        ("reminders", "0001_initial"),
        ("governance", "0005_move_clinic_actions"),
        ("core", "0001_initial"),
    ]

    operations = [migrations.RunPython(carry_over, migrations.RunPython.noop)]
