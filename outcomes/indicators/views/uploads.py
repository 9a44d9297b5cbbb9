from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from outcomes.core import checks, downloads
from outcomes.core.imports.views import upload_page
from outcomes.indicators import access
from outcomes.indicators.forms import LaitUploadForm, TemplateUploadForm
from outcomes.indicators.models import ImportRun


@login_required
@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest) -> HttpResponse:
    from outcomes.indicators.template import GUIDANCE, import_template

    access.require_manager(request.user)

    def run(data: bytes, name: str) -> HttpResponse:
        run = import_template(data, name, user=request.user)
        messages.success(
            request,
            f"Imported {name}: {run.created} values added, {run.updated} changed, {run.unchanged} unchanged.",
        )
        # The result page lists what the data checks find in the values just imported.
        return redirect(reverse("indicators:upload") + f"?run={run.pk}")

    return upload_page(
        request,
        form=TemplateUploadForm(request.POST or None, request.FILES or None),
        template="indicators/upload.html",
        run=run,
        context={"section": "indicators", "columns": GUIDANCE, "data_checks": _checks_of_run(request)},
    )


def _checks_of_run(request: HttpRequest) -> dict | None:
    run = (
        ImportRun.objects.filter(pk=request.GET.get("run", "")).first()
        if request.GET.get("run", "").isdigit()
        else None
    )
    return checks.for_page(request, "indicators", import_run=run) if run is not None else None


@login_required
@require_http_methods(["GET", "POST"])
def lait_upload(request: HttpRequest) -> HttpResponse:
    """A LAIT release uploaded, checked, and queued as a job whose page shows it to the end."""
    from outcomes.indicators.lait_release import import_lait_release, release_files
    from outcomes.jobs.queue import start_job

    access.require_manager(request.user)

    def run(data: bytes, name: str) -> HttpResponse:
        release_files(data, name)
        job = start_job(
            import_lait_release,
            user=request.user,
            label=f"Import the LAIT release {name}",
            inputs=[(name, data)],
        )
        return redirect("jobs:detail", pk=job.pk)

    return upload_page(
        request,
        form=LaitUploadForm(request.POST or None, request.FILES or None),
        template="indicators/lait_upload.html",
        run=run,
        context={"section": "indicators", "held": settings.OUTCOMES_LAIT_DIR},
    )


@login_required
def blank_template(request: HttpRequest, fmt: str) -> HttpResponse:
    from outcomes.indicators.template import blank_template as make

    access.require_manager(request.user)
    downloads.check_table_format(fmt)
    return downloads.attachment(make(fmt), f"indicator-values-template.{fmt}")
