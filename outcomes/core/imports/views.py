"""The upload page every importer shares: the form, the file read within the size limit, the
importer run, and on failure the same page listing every problem (core/_import_problems.html)."""

import base64
import secrets
from collections.abc import Callable

from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.datastructures import MultiValueDict

from outcomes.core.confirm import CONFIRM_FIELD, Confirmation, is_confirmed
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


# A file whose import asks to be confirmed waits in the person's session (one at a time) until the
# confirmation posts back its token: a file cannot travel through a confirmation page.
HELD = "held_upload"
HELD_FIELD = "held"


def upload_files(request: HttpRequest) -> MultiValueDict:
    """The files to bind an upload form to: those posted, or, on a confirmed post, the file held
    for it (taken from the session, so it is used once)."""
    held = request.session.get(HELD) if is_confirmed(request) else None
    if held and held["token"] == request.POST.get(HELD_FIELD):
        del request.session[HELD]
        upload = SimpleUploadedFile(held["name"], base64.b64decode(held["data"]))
        return MultiValueDict({"file": [upload]})
    return request.FILES


def _ask_to_confirm(request: HttpRequest, confirmation: Confirmation, data: bytes, name: str, section: str):
    token = secrets.token_urlsafe(16)
    request.session[HELD] = {"token": token, "name": name, "data": base64.b64encode(data).decode()}
    fields = [
        (key, value)
        for key in request.POST
        if key not in ("csrfmiddlewaretoken", CONFIRM_FIELD, HELD_FIELD)
        for value in request.POST.getlist(key)
    ]
    context = {"section": section, "confirmation": confirmation, "action": request.path}
    return render(request, "core/confirm.html", {**context, "fields": [*fields, (HELD_FIELD, token)]})


def upload_page(
    request: HttpRequest,
    *,
    form,
    template: str,
    run: Callable[[bytes, str], HttpResponse],
    context: dict | None = None,
    confirm: Callable[[bytes, str], Confirmation | None] | None = None,
) -> HttpResponse:
    """GET shows the page; a valid POST hands the file's bytes and name to ``run``, which imports
    them (raising ImportFailed, with nothing written, on any problem) and returns the response.
    When ``confirm`` gives a confirmation (a destructive import; it may first check the file and
    raise ImportFailed, so that a bad file is refused before anyone is asked), the file is held and
    the person asked first; the confirmed post imports the held file (bind the form to ``upload_files``)."""
    failed = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            data, name = read_upload(upload), upload.name or "upload"
            confirmation = None
            if confirm is not None and not is_confirmed(request):
                confirmation = confirm(data, name)
            if confirmation is not None:
                return _ask_to_confirm(request, confirmation, data, name, (context or {}).get("section", ""))
            return run(data, name)
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
