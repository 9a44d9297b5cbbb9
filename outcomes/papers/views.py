from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_http_methods, require_POST

from outcomes.core import downloads
from outcomes.core.confirm import Confirmation, confirm_first
from outcomes.core.conflicts import SaveConflict, rebind_after_conflict
from outcomes.core.forms import error_list
from outcomes.documents.publications import PublicationConflict
from outcomes.documents.render.html import render_html
from outcomes.papers import access, presenting, services
from outcomes.papers.content import publication_problems, sections_of
from outcomes.papers.forms import FigureForm, NewPaperForm, PaperForm, TemplateSectionForm
from outcomes.papers.history import paper_history
from outcomes.papers.models import FigureBlock, Paper


@login_required
def paper_list(request: HttpRequest) -> HttpResponse:
    access.require_reader(request.user)
    papers = list(access.visible_papers(request.user).select_related("template"))
    rows = [(p, services.current_publication(p)) for p in papers]
    return render(
        request,
        "papers/paper_list.html",
        {"section": "papers", "rows": rows, "writes": access.writes_papers(request.user)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def paper_new(request: HttpRequest) -> HttpResponse:
    access.require_writer(request.user)
    form = NewPaperForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        paper = services.start_paper(user=request.user, **form.cleaned_data)
        messages.success(request, "Paper started: write its sections below.")
        return redirect("papers:edit", paper.slug)
    return render(
        request, "papers/paper_new.html", {"section": "papers", "form": form, "errors": error_list(form)}
    )


@login_required
def paper_detail(request: HttpRequest, slug: str) -> HttpResponse:
    paper = access.get_paper_for_user(request.user, slug)
    shown = presenting.shown_to(request.user, paper)
    writes = access.writes_papers(request.user)
    live = shown if shown.is_draft else (presenting.draft(paper) if writes else None)
    return render(
        request,
        "papers/paper_detail.html",
        {
            "section": "papers",
            "paper": paper,
            "shown": shown,
            "body": mark_safe(render_html(shown.document(), title=False)),
            "writes": writes,
            "editable": writes and services.is_editable(paper),
            "problems": publication_problems(paper) if writes and shown.is_draft else [],
            "changes": presenting.changed_since_published(paper, live) if live else [],
            "figures": [(s, b) for s in sections_of(paper) if s.pk for b in s.blocks.all()] if writes else [],
            "versions": services.versions(paper),
            "formats": presenting.FORMATS,
            "history": paper_history(paper) if writes else [],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def paper_edit(request: HttpRequest, slug: str) -> HttpResponse:
    paper = access.get_paper_to_write(request.user, slug)
    if not services.is_editable(paper):
        messages.error(request, "This paper has been published: open it for a new version to change it.")
        return redirect("papers:detail", slug)
    sections = sections_of(paper)
    initial = {"version": paper.version}
    for s in sections:
        initial[f"label_{s.template_section.key}"] = s.label
        initial[f"text_{s.template_section.key}"] = s.text
        if s.template_section.key == "risks":
            initial["significant_risks"] = s.significant
    for name in ("name", "title", "telephone", "email"):
        initial[f"contact_{name}"] = getattr(paper, f"contact_{name}")
    form = PaperForm(request.POST or None, initial=initial, sections=sections)
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.save_paper(
                user=request.user,
                paper=paper,
                sections=form.section_values(),
                contact=form.contact(),
                significant_risks=form.significant(),
                expected_version=form.cleaned_data["version"],
            )
        except SaveConflict as exc:
            paper.refresh_from_db()
            saved = sections_of(paper)
            typed = form.section_values()
            # Beside the form: what the other person saved where it differs from what this one typed.
            conflict = {
                "who": exc.who,
                "rows": [
                    (s.label, s.text)
                    for s in saved
                    if typed.get(s.template_section.key, ("", ""))[1] != s.text
                ],
            }
            form = rebind_after_conflict(PaperForm, request.POST, paper.version, str(exc), sections=saved)
        else:
            messages.success(request, "Paper saved.")
            return redirect("papers:detail", slug)
    return render(
        request,
        "papers/paper_edit.html",
        {
            "section": "papers",
            "paper": paper,
            "form": form,
            "sections": sections,
            "errors": error_list(form),
            "conflict": conflict,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def figure_add(request: HttpRequest, slug: str) -> HttpResponse:
    paper = access.get_paper_to_write(request.user, slug)
    if not services.is_editable(paper):
        raise Http404("This paper is published: open it for a new version first.")
    sections = sections_of(paper)
    form = FigureForm(
        request.POST or None, initial={"section": request.GET.get("section")}, sections=sections
    )
    if request.method == "POST" and form.is_valid():
        section = next(s for s in sections if s.template_section.key == form.cleaned_data["section"])
        services.add_block(
            user=request.user,
            section=section,
            kind=form.cleaned_data["kind"],
            caption=form.cleaned_data["caption"],
            **form.subject(),
        )
        messages.success(request, f"Figure added to {section.label}.")
        return redirect("papers:detail", slug)
    return render(
        request,
        "papers/figure_add.html",
        {"section": "papers", "paper": paper, "form": form, "errors": error_list(form)},
    )


@login_required
@require_POST
def figure_remove(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    paper = access.get_paper_to_write(request.user, slug)
    block = get_object_or_404(FigureBlock, pk=pk, section__paper=paper)
    if not services.is_editable(paper):
        raise Http404("This paper is published: open it for a new version first.")
    asked = confirm_first(
        request,
        Confirmation(
            title=f"Remove “{block.get_kind_display()}” from {block.section.label}?",
            consequences=["The figure leaves the draft. Versions already published keep it."],
            button="Remove the figure",
            cancel_url=reverse("papers:detail", args=[slug]),
        ),
        "papers",
    )
    if asked is not None:
        return asked
    services.remove_block(user=request.user, block=block)
    messages.success(request, "Figure removed.")
    return redirect("papers:detail", slug)


@login_required
@require_http_methods(["GET", "POST"])
def paper_publish(request: HttpRequest, slug: str) -> HttpResponse:
    paper = access.get_paper_to_write(request.user, slug)
    if not services.is_editable(paper):
        messages.info(request, "This version is already published.")
        return redirect("papers:detail", slug)
    problems = publication_problems(paper)
    if request.method == "POST" and not problems:
        current = services.current_publication(paper)
        number = current.version + 1 if current else 1
        asked = confirm_first(
            request,
            Confirmation(
                title=f"Publish version {number} of “{paper.title}”?",
                consequences=[
                    "Board members and lead officers will read it as it stands now.",
                    "Its figures are frozen as at today: later changes to the data do not change it.",
                    "To change it afterwards you publish a new version; this one stays readable.",
                ],
                button="Publish the paper",
                cancel_url=reverse("papers:detail", args=[slug]),
                warning=False,
            ),
            "papers",
        )
        if asked is not None:
            return asked
        try:
            publication = services.publish_paper(user=request.user, paper=paper)
        except services.PaperRefused as refused:
            problems = refused.problems
        except PublicationConflict as exc:
            messages.error(request, str(exc))
            return redirect("papers:detail", slug)
        else:
            messages.success(request, f"Version {publication.version} published.")
            return redirect("papers:detail", slug)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "papers/paper_publish.html",
        {"section": "papers", "paper": paper, "problems": problems},
        status=status,
    )


@login_required
@require_POST
def paper_reopen(request: HttpRequest, slug: str) -> HttpResponse:
    paper = access.get_paper_to_write(request.user, slug)
    services.reopen_paper(user=request.user, paper=paper)
    messages.success(request, "The paper is open for a new version. The published version stays as it is.")
    return redirect("papers:detail", slug)


def _download(paper: Paper, shown: presenting.Shown, fmt: str) -> HttpResponse:
    if fmt not in presenting.FORMATS:
        raise Http404("No such format")
    content = presenting.render(shown, fmt)
    name = presenting.filename(paper, shown, fmt)
    return downloads.attachment(content, name)


@login_required
def paper_download(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    paper = access.get_paper_for_user(request.user, slug)
    return _download(paper, presenting.shown_to(request.user, paper), fmt)


def _version(request: HttpRequest, slug: str, number: int):
    paper = access.get_paper_for_user(request.user, slug)
    publication = next((p for p in services.versions(paper) if p.version == number), None)
    if publication is None:
        raise Http404("No such version")
    return paper, presenting.published(publication)


@login_required
def version_detail(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    paper, shown = _version(request, slug, number)
    return render(
        request,
        "papers/version_detail.html",
        {
            "section": "papers",
            "paper": paper,
            "shown": shown,
            "body": mark_safe(render_html(shown.document(), title=False)),
            "formats": presenting.FORMATS,
        },
    )


@login_required
def version_download(request: HttpRequest, slug: str, number: int, fmt: str) -> HttpResponse:
    paper, shown = _version(request, slug, number)
    return _download(paper, shown, fmt)


@login_required
@require_http_methods(["GET", "POST"])
def template_detail(request: HttpRequest, slug: str) -> HttpResponse:
    template = access.get_template_to_manage(request.user, slug)
    form = TemplateSectionForm(request.POST or None, template=template)
    if request.method == "POST" and form.is_valid():
        try:
            section = services.add_template_section(
                user=request.user,
                template=template,
                label=" ".join(form.cleaned_data["label"].split()),
                required=form.cleaned_data["required"],
                after_key=form.cleaned_data["after"],
            )
        except ValueError as exc:
            form.add_error("label", str(exc))
        else:
            messages.success(request, f"Section “{section.label}” added to the template.")
            return redirect("papers:template", slug)
    return render(
        request,
        "papers/template_detail.html",
        {"section": "papers", "template": template, "form": form, "errors": error_list(form)},
    )
