"""Each release's borough results become its publication (decision 0093): kind "survey-release",
subject "edition:<pk>", version = the release's number; the borough's ReleasedReport goes."""

import django.db.models.deletion
from django.db import migrations, models


def _kind(release) -> str:
    return "Final" if release.kind == "final" else "Interim"


def to_publications(apps, schema_editor):
    Release = apps.get_model("surveys", "Release")
    ReleasedReport = apps.get_model("surveys", "ReleasedReport")
    Publication = apps.get_model("documents", "Publication")
    previous = {}
    for release in Release.objects.select_related("edition").order_by("edition_id", "number"):
        borough = ReleasedReport.objects.filter(release=release, school=None).first()
        if borough is None:
            continue
        replaces = previous.get(release.edition_id)
        release.publication = Publication.objects.create(
            kind="survey-release",
            subject=f"edition:{release.edition_id}",
            version=release.number,
            title=f"{release.edition.title}: {_kind(release).lower()} release {release.number} of results",
            interim=release.kind == "interim",
            content=borough.content,
            published_by_id=release.published_by_id,
            published_at=release.published_at,
            replaces=replaces,
            changes=[],
        )
        release.save(update_fields=["publication"])
        borough.delete()
        previous[release.edition_id] = release.publication


def to_borough_reports(apps, schema_editor):
    Release = apps.get_model("surveys", "Release")
    ReleasedReport = apps.get_model("surveys", "ReleasedReport")
    for release in Release.objects.exclude(publication=None).select_related("publication"):
        ReleasedReport.objects.create(release=release, school=None, content=release.publication.content)
        publication = release.publication
        release.publication = None
        release.save(update_fields=["publication"])
        publication.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0001_initial"),
        ("surveys", "0006_releases"),
    ]

    operations = [
        migrations.AddField(
            model_name="release",
            name="publication",
            field=models.OneToOneField(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="survey_release",
                to="documents.publication",
            ),
        ),
        migrations.RunPython(to_publications, to_borough_reports),
    ]
