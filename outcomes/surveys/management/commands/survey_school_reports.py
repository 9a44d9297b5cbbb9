from django.core.management.base import BaseCommand, CommandError

from outcomes.jobs.terminal import run_with_progress_bar, write_result_file
from outcomes.surveys.models import Edition
from outcomes.surveys.school_reports import school_reports_zip


class Command(BaseCommand):
    help = (
        "Write every school's report in a release of an edition's survey results (the latest unless "
        "--number N) as PDFs in one .zip, each as its page and PDF download show it, named by the "
        "school's code and name. Schools without a report of their own are listed with the reason. "
        "It runs as a job (listed with the others), here with a progress bar on standard error."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--release", "--edition", dest="slug", required=True, help="The edition's slug: primary-2009."
        )
        parser.add_argument("--number", type=int, help="The release's number; the latest when left out.")
        parser.add_argument("--out", required=True, help="The .zip file to write.")

    def handle(self, *args, slug, number, out, **options):
        edition = Edition.objects.filter(slug=slug).first()
        if edition is None:
            raise CommandError(f"There is no edition '{slug}'.")
        releases = edition.releases.order_by("-number")
        release = releases.filter(number=number).first() if number else releases.first()
        if release is None:
            which = f"no release {number}" if number else "no release"
            raise CommandError(f"'{edition.slug}' has {which} (see its Releases page).")
        label = f"Every school's report as PDFs: {edition.title}, release {release.number} (command)"
        # The bar draws on the stream itself: Django's wrapper would end every redraw with a new line.
        stream = self.stderr._out
        job = run_with_progress_bar(school_reports_zip, label=label, stream=stream, release=release.pk)
        write_result_file(job, out, self.stdout)
