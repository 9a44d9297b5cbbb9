"""Bulk entry for a body's runners (decision 0143): its members and an existing action log from the
Excel or CSV template, through the shared upload page (core/imports/views.upload_page), all or
nothing; a blank template of each."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_GET, require_http_methods

from outcomes.core import downloads
from outcomes.core.imports.views import upload_page
from outcomes.governance import access, bulk_log, bulk_members
from outcomes.governance.bulk_common import UploadForm

SECTION = "governance"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


@login_required
@require_http_methods(["GET", "POST"])
def members_import(request: HttpRequest, slug: str) -> HttpResponse:
    body = access.get_body_to_run(request.user, slug)

    def run(data: bytes, name: str) -> HttpResponse:
        result = bulk_members.import_members(body, data, name, user=request.user)
        messages.success(
            request,
            f"Imported {name}: {_plural(result.added, 'member')} added, {result.changed} changed, "
            f"{result.unchanged} as they were.",
        )
        return redirect("governance:body", body.slug)

    form = UploadForm(request.POST or None, request.FILES or None)
    form.fields["file"].label = "Members file"
    return upload_page(
        request,
        form=form,
        template="governance/import_upload.html",
        run=run,
        context={"section": SECTION, "body": body, "what": "members", "columns": bulk_members.GUIDANCE},
    )


@login_required
@require_GET
def members_template(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    body = access.get_body_to_run(request.user, slug)
    downloads.check_table_format(fmt)
    return downloads.attachment(bulk_members.blank_template(fmt), f"{body.slug}-members-template.{fmt}")


@login_required
@require_http_methods(["GET", "POST"])
def log_import(request: HttpRequest, slug: str) -> HttpResponse:
    body = access.get_body_to_run(request.user, slug)

    def run(data: bytes, name: str) -> HttpResponse:
        result = bulk_log.import_log(body, data, name, user=request.user)
        text = (
            f"Imported {name}: {_plural(result.added, 'action')} added; "
            f"{_plural(result.updates, 'dated update')} added"
        )
        if result.updated_actions:
            text += f", to {_plural(result.updated_actions, 'action')} already on the tracker among them"
        text += "."
        if result.differing:
            numbers = ", ".join(str(n) for n in result.differing)
            text += (
                f" Actions already on the tracker are only given new updates: what else the file says "
                f"of action{'s' if len(result.differing) != 1 else ''} {numbers} was left as it was "
                "(change it on the action's page if it is meant)."
            )
        messages.success(request, text)
        return redirect("governance:body", body.slug)

    form = UploadForm(request.POST or None, request.FILES or None)
    form.fields["file"].label = "Action log file"
    return upload_page(
        request,
        form=form,
        template="governance/import_upload.html",
        run=run,
        context={"section": SECTION, "body": body, "what": "actions", "columns": bulk_log.GUIDANCE},
    )


@login_required
@require_GET
def log_template(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    body = access.get_body_to_run(request.user, slug)
    downloads.check_table_format(fmt)
    return downloads.attachment(bulk_log.blank_template(fmt), f"{body.slug}-action-log-template.{fmt}")
