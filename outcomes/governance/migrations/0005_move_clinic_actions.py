"""The performance clinics' agreed actions move into the one tracker (decision 0142): each becomes
an action of the body "Performance clinics" (slug ``clinics``), numbered after that body's last in
the order of the clinics' dates and their own numbers, with the clinic that agreed it and the one
that followed it up. Open is ongoing; done is discharged with the follow-up as its evidence, on the
day of the clinic that followed it up; not done stays ongoing with the follow-up as a dated update.
Each action's earlier history is carried over to it, and its move is recorded in words (the record
keeps the agreed action's id, by which reminders 0002 carries over the reminders already sent).
It runs before indicators 0007 removes the agreed actions."""

from django.db import migrations

NOT_DONE = "Not done: "


def move(apps, schema_editor):
    AgreedAction = apps.get_model("indicators", "AgreedAction")
    Body = apps.get_model("governance", "Body")
    Action = apps.get_model("governance", "Action")
    ActionUpdate = apps.get_model("governance", "ActionUpdate")
    ChangeRecord = apps.get_model("core", "ChangeRecord")
    ContentType = apps.get_model("contenttypes", "ContentType")
    agreed = list(
        AgreedAction.objects.select_related("clinic", "owner", "followed_up_at").order_by(
            "clinic__date", "clinic_id", "number", "id"
        )
    )
    if not agreed:
        return
    body, _ = Body.objects.get_or_create(
        slug="clinics", defaults={"name": "Performance clinics", "short_name": "Performance clinics"}
    )
    number = max(Action.objects.filter(body=body).values_list("number", flat=True), default=0)
    old_type, _ = ContentType.objects.get_or_create(app_label="indicators", model="agreedaction")
    new_type, _ = ContentType.objects.get_or_create(app_label="governance", model="action")
    for old in agreed:
        number += 1
        clinic, followed = old.clinic, old.followed_up_at
        names = [n for n in (old.owner.name if old.owner_id else "", old.owner_text) if n]
        on = followed.date if followed else old.updated_at.date()
        status = "ongoing"
        discharged_on, evidence = None, ""
        if old.status == "done":
            status, discharged_on = "discharged", max(on, clinic.date)
            evidence = old.follow_up or "Recorded as done at the clinic."
        action = Action.objects.create(
            body=body,
            number=number,
            owner_text="; ".join(names) or "Not recorded",
            details=old.text,
            due_on=old.due,
            status=status,
            raised_on=clinic.date,
            discharged_on=discharged_on,
            evidence=evidence,
            clinic=clinic,
            followed_up_at=followed,
        )
        if old.owner_id:
            action.owners.add(old.owner)
        if old.status != "done" and old.follow_up:
            prefix = NOT_DONE if old.status == "not_done" else ""
            ActionUpdate.objects.create(action=action, on=on, text=prefix + old.follow_up)
        subject = f"clinic:{clinic.pk}"
        ChangeRecord.objects.filter(content_type=old_type, object_id=str(old.pk)).update(
            content_type=new_type, object_id=str(action.pk), subject_key=subject
        )
        ChangeRecord.objects.create(
            content_type=new_type,
            object_id=str(action.pk),
            subject_key=subject,
            action="moved_to_tracker",
            summary=(
                f"Moved action {old.number} of {clinic.title} onto the Performance clinics' action "
                f"tracker as action {number}"
            )[:300],
            before={"agreed_action": old.pk, "number": old.number, "status": old.status},
            after={"agreed_action": old.pk, "number": number, "status": status},
        )


class Migration(migrations.Migration):
    # Apart from 0004's new columns: on PostgreSQL their constraints and indexes are made at the end of
    # the migration, and they cannot be made on a table whose rows this move has just written.
    dependencies = [
        ("governance", "0004_clinic_actions"),
        ("indicators", "0006_updated_at"),
        ("core", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    run_before = [("indicators", "0007_agreed_actions_moved_to_governance")]

    operations = [
        migrations.RunPython(move, migrations.RunPython.noop),
    ]
