"""The upload page every importer shares: the form, the file read within the size limit, the
importer run, and on failure the same page listing every problem (core/_import_problems.html)."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from outcomes.core.forms import error_list
from outcomes.core.imports.limits import limits
from outcomes.core.imports.problems import ImportFailed
from outcomes.core.imports.tables import too_large


def read_upload(upload) -> bytes:
    """The uploaded file's bytes, refused unread when it is larger than the limit."""
    most = limits().file_bytes
    name = upload.name or "upload"
    if upload.size is not None and upload.size > most:
        raise ImportFailed(name, [too_large(upload.size)])
    data = upload.read(most + 1)
    if len(data) > most:
        raise ImportFailed(name, [too_large(len(data))])
    return data


def upload_page(
    request: HttpRequest,
    *,
    form,
    template: str,
    run: Callable[[bytes, str], HttpResponse],
    context: dict | None = None,
) -> HttpResponse:
    """GET shows the page; a valid POST hands the file's bytes and name to ``run``, which imports
    them (raising ImportFailed, with nothing written, on any problem) and returns the response."""
    failed = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            return run(read_upload(upload), upload.name or "upload")
        except ImportFailed as exc:
            failed = exc
    return render(
        request,
        template,
        {
            **(context or {}),
            "form": form,
            "errors": error_list(form),
            "failed": failed,
            "problems": failed.problems if failed else [],
            "filename": failed.source if failed else "",
            "limits": limits(),
        },
    )
