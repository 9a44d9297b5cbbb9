from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from outcomes.core.forms import error_list
from outcomes.core.imports import ImportFailed
from outcomes.indicators import access
from outcomes.indicators.forms import TemplateUploadForm
from outcomes.indicators.views.common import FORMATS


@login_required
@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest) -> HttpResponse:
    from outcomes.indicators.template import GUIDANCE, import_template

    access.require_manager(request.user)
    form = TemplateUploadForm(request.POST or None, request.FILES or None)
    problems = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            run = import_template(upload.read(), upload.name or "upload", user=request.user)
        except ImportFailed as exc:
            problems = exc.problems
        else:
            messages.success(
                request,
                f"Imported {upload.name}: {run.created} values added, {run.updated} changed, "
                f"{run.unchanged} unchanged.",
            )
            return redirect("indicators:upload")
    return render(
        request,
        "indicators/upload.html",
        {
            "section": "indicators",
            "form": form,
            "errors": error_list(form),
            "problems": problems,
            "filename": request.FILES["file"].name if "file" in request.FILES else "",
            "columns": GUIDANCE,
        },
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
