"""The agenda pages: a meeting's agenda (read, and edited by those who run the bodies), its items and
headings, the body's standing items and forward plan, publishing, the versions and the pack (made
as a job). Views are thin: access.py decides who, agenda_services.py changes, agenda.py numbers."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from outcomes.core.confirm import Confirmation, confirm_first
from outcomes.core.conflicts import SaveConflict
from outcomes.core.formatting import format_date
from outcomes.core.forms import error_list
from outcomes.documents.publications import PublicationConflict
from outcomes.governance import access, agenda_services, extensions, pack_job
from outcomes.governance.agenda import agenda_content, every_item, shown_content
from outcomes.governance.agenda_history import agenda_history
from outcomes.governance.forms_agendas import (
    ItemForm,
    MoveForm,
    PackForm,
    PlaceForm,
    SectionForm,
)
from outcomes.governance.models import AgendaItem, Meeting
from outcomes.governance.rules import Refused
from outcomes.governance.view_steps import confirm_then
from outcomes.jobs.queue import start_job
from outcomes.papers.access import writes_papers
from outcomes.papers.models import Paper

SECTION = "governance"


def _agenda_url(meeting: Meeting) -> str:
    return reverse("governance:agenda", args=[meeting.body.slug, meeting.date.isoformat()])


def _papers(content: dict) -> dict[str, Paper]:
    slugs = [i["paper"]["slug"] for i in every_item(content) if i["paper"]]
    return {p.slug: p for p in Paper.objects.filter(slug__in=slugs)}


def _page(request, template: str, context: dict, status: int = 200) -> HttpResponse:
    return render(request, f"governance/{template}", {"section": SECTION, **context}, status=status)


@login_required
@require_GET
def agenda(request: HttpRequest, slug: str, on: str) -> HttpResponse:
    meeting = access.get_agenda_for_user(request.user, slug, on)
    runs = access.runs_bodies(request.user)
    published = agenda_services.current(meeting)
    content = agenda_content(meeting, timezone.localdate(), papers=False) if runs else published.content
    content = shown_content(content, exempt=access.sees_exempt(request.user))
    return _page(
        request,
        "agenda.html",
        {
            "meeting": meeting,
            "body": meeting.body,
            "content": content,
            "papers": _papers(content),
            "runs": runs,
            "published": published,
            "history": agenda_history(meeting) if runs else [],
            "pack_form": PackForm(),
            "place_form": PlaceForm(meeting=meeting) if runs else None,
            "standing": meeting.body.standing_items.all(),
            # What the body's standing items carry at this meeting (the risk register's reviews due).
            "standing_panels": extensions.standing(
                meeting.body,
                [s.title for s in meeting.body.standing_items.all()],
                meeting.date,
                request.user,
            ),
        },
    )


def _item_form(request, meeting: Meeting, item: AgendaItem | None) -> ItemForm:
    initial = {}
    if item is not None:
        initial = {
            "title": item.title,
            "kind": item.kind,
            "section": item.section,
            "parent": item.parent,
            "presenter": item.presenter,
            "presenter_person": item.presenter_person,
            "paper": item.paper,
            "exempt": item.exempt,
            "exempt_reason": item.exempt_reason,
            "other_body": item.other_body,
            "other_meeting_date": item.other_meeting_date,
            "seen": agenda_services.seen_token(item),
        }
    return ItemForm(
        request.POST or None,
        meeting=meeting,
        item=item,
        may_attach=writes_papers(request.user),
        initial=initial,
    )


def _item(meeting: Meeting, pk: int) -> AgendaItem:
    item = meeting.agenda_items.filter(pk=pk).select_related("meeting__body").first()
    if item is None:
        raise Http404("No such item")
    return item


@login_required
@require_http_methods(["GET", "POST"])
def item_form(request: HttpRequest, slug: str, on: str, pk: int | None = None) -> HttpResponse:
    meeting = access.get_agenda_to_run(request.user, slug, on)
    item = _item(meeting, pk) if pk is not None else None
    form = _item_form(request, meeting, item)
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            fields = dict(form.cleaned_data)
            if item is None:
                fields.pop("seen", None)
                item = agenda_services.add_item(user=request.user, meeting=meeting, **fields)
            else:
                agenda_services.edit_item(user=request.user, item=item, **fields)
        except Refused as refused:
            problems = refused.problems
        except SaveConflict as conflict:
            # Their version is shown on the agenda; the form now carries it, so saving again
            # replaces it knowingly.
            item.refresh_from_db()
            data = request.POST.copy()
            data["seen"] = agenda_services.seen_token(item)
            form = ItemForm(data, meeting=meeting, item=item, may_attach=writes_papers(request.user))
            form.is_valid()
            problems = [str(conflict), f"Their version of the title: {item.title}"]
        else:
            messages.success(request, f"Saved the item {item.title[:80]}.")
            return redirect(_agenda_url(meeting))
    return _page(
        request,
        "agenda_item_form.html",
        {
            "meeting": meeting,
            "item": item,
            "form": form,
            "errors": error_list(form) + [{"text": p, "href": "#id_title"} for p in problems],
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def item_move(request: HttpRequest, slug: str, on: str, pk: int) -> HttpResponse:
    meeting = access.get_agenda_to_run(request.user, slug, on)
    item = _item(meeting, pk)
    form = MoveForm(request.POST)
    if not form.is_valid():
        return HttpResponse("Choose up or down.", status=400)
    agenda_services.move_item(user=request.user, item=item, direction=form.cleaned_data["direction"])
    return redirect(_agenda_url(meeting))


@login_required
@require_POST
def item_remove(request: HttpRequest, slug: str, on: str, pk: int) -> HttpResponse:
    meeting = access.get_agenda_to_run(request.user, slug, on)
    item = _item(meeting, pk)
    return confirm_then(
        request,
        Confirmation(
            title=f"Remove the item {item.title[:80]}?",
            consequences=[
                "The item and its sub-items leave the agenda; the items after it are numbered again.",
                "A published version keeps it until the agenda is published again.",
            ],
            button="Remove the item",
            cancel_url=_agenda_url(meeting),
        ),
        lambda: agenda_services.remove_item(user=request.user, item=item),
        "Item removed.",
    )


def _section(meeting: Meeting, pk: int):
    section = meeting.agenda_sections.filter(pk=pk).first()
    if section is None:
        raise Http404("No such heading")
    return section


@login_required
@require_http_methods(["GET", "POST"])
def section_form(request: HttpRequest, slug: str, on: str, pk: int | None = None) -> HttpResponse:
    meeting = access.get_agenda_to_run(request.user, slug, on)
    section = _section(meeting, pk) if pk is not None else None
    form = SectionForm(request.POST or None, initial={"title": section.title} if section else {})
    if request.method == "POST" and form.is_valid():
        if section is None:
            agenda_services.add_section(user=request.user, meeting=meeting, **form.cleaned_data)
        else:
            agenda_services.edit_section(user=request.user, section=section, **form.cleaned_data)
        return redirect(_agenda_url(meeting))
    return _page(
        request,
        "agenda_section_form.html",
        {"meeting": meeting, "heading": section, "form": form, "errors": error_list(form)},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def section_move(request: HttpRequest, slug: str, on: str, pk: int) -> HttpResponse:
    meeting = access.get_agenda_to_run(request.user, slug, on)
    section = _section(meeting, pk)
    form = MoveForm(request.POST)
    if not form.is_valid():
        return HttpResponse("Choose up or down.", status=400)
    agenda_services.move_section(user=request.user, section=section, direction=form.cleaned_data["direction"])
    return redirect(_agenda_url(meeting))


@login_required
@require_POST
def section_remove(request: HttpRequest, slug: str, on: str, pk: int) -> HttpResponse:
    meeting = access.get_agenda_to_run(request.user, slug, on)
    section = _section(meeting, pk)
    return confirm_then(
        request,
        Confirmation(
            title=f"Remove the heading {section.title}?",
            consequences=["The heading leaves the agenda. Only an empty heading can be removed."],
            button="Remove the heading",
            cancel_url=_agenda_url(meeting),
        ),
        lambda: agenda_services.remove_section(user=request.user, section=section),
        "Heading removed.",
    )


@login_required
@require_POST
def add_standing(request: HttpRequest, slug: str, on: str) -> HttpResponse:
    meeting = access.get_agenda_to_run(request.user, slug, on)
    added = agenda_services.add_standing_items(user=request.user, meeting=meeting)
    messages.success(request, f"Added {len(added)} standing item{'s' if len(added) != 1 else ''}.")
    return redirect(_agenda_url(meeting))


@login_required
@require_http_methods(["GET", "POST"])
def place(request: HttpRequest, slug: str, on: str) -> HttpResponse:
    meeting = access.get_agenda_to_run(request.user, slug, on)
    form = PlaceForm(request.POST or None, meeting=meeting)
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            agenda_services.place(
                user=request.user,
                plan_item=form.cleaned_data["plan_item"],
                meeting=meeting,
                section=form.cleaned_data["section"],
            )
        except Refused as refused:
            problems = refused.problems
        else:
            return redirect(_agenda_url(meeting))
    return _page(
        request,
        "agenda_place.html",
        {
            "meeting": meeting,
            "form": form,
            "errors": error_list(form) + [{"text": p, "href": "#id_plan_item"} for p in problems],
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def publish(request: HttpRequest, slug: str, on: str) -> HttpResponse:
    meeting = access.get_agenda_to_run(request.user, slug, on)
    current = agenda_services.current(meeting)
    asked = confirm_first(
        request,
        Confirmation(
            title=f"Publish the agenda of the {meeting.body.label} meeting of {format_date(meeting.date)}?",
            consequences=[
                "The agenda and its papers are frozen as they stand, as "
                + (
                    f"version {current.version + 1}, replacing version {current.version}."
                    if current
                    else "version 1."
                ),
                "Board and panel members read it, without its exempt items.",
            ],
            button="Publish the agenda",
            cancel_url=_agenda_url(meeting),
            warning=False,
        ),
        SECTION,
    )
    if asked is not None:
        return asked
    try:
        publication = agenda_services.publish_agenda(user=request.user, meeting=meeting)
    except (Refused, PublicationConflict) as problem:
        messages.error(request, " ".join(getattr(problem, "problems", [str(problem)])))
    else:
        messages.success(request, f"Published the agenda, version {publication.version}.")
    return redirect(_agenda_url(meeting))


@login_required
@require_POST
def pack(request: HttpRequest, slug: str, on: str) -> HttpResponse:
    """Make the pack as a job (the working agenda for those who run the bodies unless a version is
    asked; the current version for everyone else); its page shows the progress and the download."""
    meeting = access.get_agenda_for_user(request.user, slug, on)
    form = PackForm(request.POST)
    if not form.is_valid():
        return HttpResponse("Choose PDF, Word or HTML.", status=400)
    version = form.cleaned_data["version"]
    published = agenda_services.current(meeting)
    if not access.runs_bodies(request.user):
        version = published.version if version is None else version
    if version is not None and (published is None or version > published.version):
        raise Http404("No such version")
    exempt = access.sees_exempt(request.user)
    fmt = form.cleaned_data["fmt"]
    job = start_job(
        pack_job.agenda_pack,
        user=request.user,
        label=f"Agenda pack ({fmt.upper()}): {meeting}"
        + (f", version {version}" if version else ", working"),
        meeting=meeting.pk,
        fmt=fmt,
        exempt=exempt,
        version=version,
    )
    return redirect("jobs:detail", pk=job.pk)


@login_required
@require_GET
def versions(request: HttpRequest, slug: str, on: str) -> HttpResponse:
    meeting = access.get_agenda_for_user(request.user, slug, on)
    found = list(reversed(agenda_services.versions(meeting)))
    return _page(
        request, "agenda_versions.html", {"meeting": meeting, "body": meeting.body, "versions": found}
    )


@login_required
@require_GET
def version(request: HttpRequest, slug: str, on: str, number: int) -> HttpResponse:
    meeting = access.get_agenda_for_user(request.user, slug, on)
    found = agenda_services.versions(meeting)
    if not 1 <= number <= len(found):
        raise Http404("No such version")
    publication = found[number - 1]
    content = shown_content(publication.content, exempt=access.sees_exempt(request.user))
    return _page(
        request,
        "agenda_version.html",
        {
            "meeting": meeting,
            "body": meeting.body,
            "publication": publication,
            "content": content,
            "papers": _papers(content),
            "pack_form": PackForm(initial={"version": number}),
            "is_current": number == len(found),
        },
    )
