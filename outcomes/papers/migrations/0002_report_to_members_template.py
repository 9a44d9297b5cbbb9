from django.db import migrations

from outcomes.papers.defaults import ensure_default_template


def forwards(apps, schema_editor):
    ensure_default_template(
        apps.get_model("papers", "PaperTemplate"), apps.get_model("papers", "TemplateSection")
    )


class Migration(migrations.Migration):
    dependencies = [("papers", "0001_initial")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
