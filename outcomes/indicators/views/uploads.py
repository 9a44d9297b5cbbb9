from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from outcomes.core import downloads
from outcomes.core.imports.views import upload_page
from outcomes.indicators import access
from outcomes.indicators.forms import TemplateUploadForm


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
        return redirect("indicators:upload")

    return upload_page(
        request,
        form=TemplateUploadForm(request.POST or None, request.FILES or None),
        template="indicators/upload.html",
        run=run,
        context={"section": "indicators", "columns": GUIDANCE},
    )


@login_required
def blank_template(request: HttpRequest, fmt: str) -> HttpResponse:
    from outcomes.indicators.template import blank_template as make

    access.require_manager(request.user)
    downloads.check_table_format(fmt)
    return downloads.attachment(make(fmt), f"indicator-values-template.{fmt}")
