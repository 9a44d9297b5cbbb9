from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from outcomes.core.imports.views import upload_page
from outcomes.indicators import access
from outcomes.indicators.forms import TemplateUploadForm
from outcomes.indicators.views.common import FORMATS


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
    from outcomes.indicators.template import content_type

    access.require_manager(request.user)
    if fmt not in FORMATS:
        raise Http404("No such format")
    response = HttpResponse(make(fmt), content_type=content_type(fmt))
    response["Content-Disposition"] = f'attachment; filename="indicator-values-template.{fmt}"'
    return response
