"""The clinic that agreed an action and the one that followed it up, as columns of the tracker's
actions (decision 0142); 0005 moves the clinics' agreed actions into them."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("governance", "0003_meetings_agendas_minutes"),
        ("indicators", "0006_updated_at"),
        ("core", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    run_before = [("indicators", "0007_agreed_actions_moved_to_governance")]

    operations = [
        migrations.AddField(
            model_name="action",
            name="clinic",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="indicators.clinic",
            ),
        ),
        migrations.AddField(
            model_name="action",
            name="followed_up_at",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="indicators.clinic",
            ),
        ),
    ]
