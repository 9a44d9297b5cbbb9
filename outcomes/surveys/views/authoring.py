"""The performance officer's survey pages: editions, questionnaire workbooks, the window, schools,
their rolls, links and codes, and which sign-ins are a school's staff."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from outcomes.core import checks, downloads
from outcomes.core.confirm import Confirmation, confirm_first
from outcomes.core.forms import error_list
from outcomes.core.imports.views import upload_page
from outcomes.core.models import ChangeRecord
from outcomes.surveys import access, editions, school_rolls, schools
from outcomes.surveys import workbook as edition_workbook
from outcomes.surveys.forms import (
    CopyEditionForm,
    ExtendWindowForm,
    LinkActionForm,
    SchoolsForm,
    StaffForm,
    StateForm,
    SuppressionForm,
    WorkbookForm,
)
from outcomes.surveys.models import (
    AccessLink,
    Edition,
    Question,
    School,
    SchoolParticipation,
    borough_suppression_threshold,
)
from outcomes.surveys.questionnaire import build, describe

SECTION = "surveys"


def _link_url(request: HttpRequest, link: AccessLink) -> str:
    return request.build_absolute_uri(reverse("surveys:pupil_link", args=[link.token]))


@login_required
def manage(request: HttpRequest) -> HttpResponse:
    access.require_survey_manager(request.user)
    editions = Edition.objects.select_related("survey").annotate(respondents=Count("responses"))
    return render(
        request,
        "surveys/authoring/manage.html",
        {
            "section": SECTION,
            "editions": editions,
            "school_counts": {e.pk: schools.school_count(e) for e in editions},
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest) -> HttpResponse:
    access.require_survey_manager(request.user)

    def run(data: bytes, name: str) -> HttpResponse:
        edition = edition_workbook.import_workbook(data, name, user=request.user)
        messages.success(request, f"Imported '{edition.title}'.")
        return redirect("surveys:edition", edition.slug)

    return upload_page(
        request,
        form=WorkbookForm(request.POST or None, request.FILES or None),
        template="surveys/authoring/upload.html",
        run=run,
        context={"section": SECTION},
    )


@login_required
def template(request: HttpRequest) -> HttpResponse:
    access.require_survey_manager(request.user)
    return downloads.attachment(edition_workbook.template_workbook(), "survey-template.xlsx")


@login_required
def edition(request: HttpRequest, slug: str) -> HttpResponse:
    found = access.get_edition_to_manage(request.user, slug)
    history = ChangeRecord.objects.filter(
        content_type__app_label="surveys", content_type__model="edition", object_id=str(found.pk)
    ).select_related("user")[:20]
    return render(
        request,
        "surveys/authoring/edition.html",
        {
            "section": SECTION,
            "edition": found,
            "school_count": schools.school_count(found),
            "questionnaire": build(found),
            "extensions": found.extensions.select_related("made_by"),
            "respondents": found.responses.count(),
            "links": found.links.count(),
            "states": [
                {"value": value, "text": label, "checked": found.state == value}
                for value, label in Edition.STATES
            ],
            "types": dict(Question.TYPES),
            "describe": describe,
            "history": history,
            "borough_threshold": borough_suppression_threshold(),
            "data_checks": checks.for_page(request, "surveys", edition=found),
        },
    )


@login_required
def workbook(request: HttpRequest, slug: str) -> HttpResponse:
    found = access.get_edition_to_manage(request.user, slug)
    return downloads.attachment(edition_workbook.export_workbook(found), f"{found.slug}.xlsx")


@login_required
@require_http_methods(["GET", "POST"])
def copy(request: HttpRequest, slug: str) -> HttpResponse:
    found = access.get_edition_to_manage(request.user, slug)
    year = found.year + 1
    initial = {
        "year": year,
        "title": found.title.replace(str(found.year), str(year)),
        "slug": found.slug.replace(str(found.year), str(year)),
        "opens": found.opens.replace(year=found.opens.year + 1) if found.opens else None,
        "closes": found.closes.replace(year=found.closes.year + 1) if found.closes else None,
    }
    form = CopyEditionForm(request.POST or None, initial=initial, edition=found)
    if request.method == "POST" and form.is_valid():
        new = edition_workbook.copy_edition(found, user=request.user, **form.cleaned_data)
        messages.success(request, f"Started '{new.title}' as a copy of '{found.title}'. It is a draft.")
        return redirect("surveys:edition", new.slug)
    return render(
        request,
        "surveys/authoring/copy.html",
        {"section": SECTION, "edition": found, "form": form, "errors": error_list(form)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def extend(request: HttpRequest, slug: str) -> HttpResponse:
    found = access.get_edition_to_manage(request.user, slug)
    form = ExtendWindowForm(request.POST or None, edition=found)
    if request.method == "POST" and form.is_valid():
        editions.extend_window(found, user=request.user, **form.cleaned_data)
        messages.success(request, f"'{found.title}' now closes on {form.cleaned_data['closes']:%-d %B %Y}.")
        return redirect("surveys:edition", found.slug)
    return render(
        request,
        "surveys/authoring/extend.html",
        {"section": SECTION, "edition": found, "form": form, "errors": error_list(form)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def suppression(request: HttpRequest, slug: str) -> HttpResponse:
    found = access.get_edition_to_manage(request.user, slug)
    form = SuppressionForm(
        request.POST or None, initial={"suppression_threshold": found.suppression_threshold}
    )
    if request.method == "POST" and form.is_valid():
        value = form.cleaned_data["suppression_threshold"]
        editions.set_suppression_threshold(found, value, user=request.user)
        threshold = found.suppression_threshold_in_force
        messages.success(
            request, f"'{found.title}' now hides figures based on fewer than {threshold} pupils."
        )
        return redirect("surveys:edition", found.slug)
    return render(
        request,
        "surveys/authoring/suppression.html",
        {
            "section": SECTION,
            "edition": found,
            "form": form,
            "errors": error_list(form),
            "borough_threshold": borough_suppression_threshold(),
        },
    )


@login_required
@require_POST
def state(request: HttpRequest, slug: str) -> HttpResponse:
    found = access.get_edition_to_manage(request.user, slug)
    form = StateForm(request.POST)
    if form.is_valid():
        new = form.cleaned_data["state"]
        if new != found.state and new in (Edition.LIVE, Edition.CLOSED):
            asked = confirm_first(
                request,
                Confirmation(
                    title=f"{'Open' if new == Edition.LIVE else 'Close'} {found.title} to pupils?",
                    consequences=[
                        "Pupils will be able to answer it with their school's link or code between "
                        f"{found.opens:%-d %B %Y} and {found.effective_closes:%-d %B %Y}."
                        if new == Edition.LIVE
                        else "Pupils will no longer be able to answer it; answers already sent are kept."
                    ],
                    button="Make it live" if new == Edition.LIVE else "Close it",
                    cancel_url=reverse("surveys:edition", args=[found.slug]),
                    warning=new == Edition.CLOSED,
                ),
                section=SECTION,
            )
            if asked is not None:
                return asked
        editions.set_state(found, new, user=request.user)
        messages.success(request, f"'{found.title}' is now {found.get_state_display().lower()}.")
    return redirect("surveys:edition", found.slug)


@login_required
@require_http_methods(["GET", "POST"])
def links(request: HttpRequest, slug: str) -> HttpResponse:
    found = access.get_edition_to_manage(request.user, slug)
    if request.method == "POST":
        made = schools.ensure_links(found, user=request.user)
        messages.success(
            request,
            f"Created links and codes for {len(made)} schools." if made else "Every school has a link.",
        )
        return redirect("surveys:links", found.slug)
    rows = [
        {"link": link, "url": _link_url(request, link)}
        for link in found.links.select_related("school__area").order_by("school__name")
    ]
    missing = School.objects.filter(phase=found.phase, active=True, is_group=False).exclude(
        links__edition=found
    )
    participation = dict(SchoolParticipation.objects.filter(edition=found).values_list("school_id", "status"))
    labels = dict(SchoolParticipation.STATUSES)
    for row in rows:
        row["status"] = labels.get(participation.get(row["link"].school_id), "")
    return render(
        request,
        "surveys/authoring/links.html",
        {
            "section": SECTION,
            "edition": found,
            "rows": rows,
            "school_count": schools.school_count(found),
            "missing": missing.count(),
            "start_url": request.build_absolute_uri(reverse("surveys:pupil_start")),
        },
    )


@login_required
def links_xlsx(request: HttpRequest, slug: str) -> HttpResponse:
    found = access.get_edition_to_manage(request.user, slug)
    rows = [
        [
            link.school.code,
            link.school.name,
            link.school.area.name if link.school.area else "",
            link.code,
            _link_url(request, link),
            link.active,
        ]
        for link in found.links.select_related("school__area").order_by("school__name")
    ]
    headers = ["school", "name", "area", "code", "link", "active"]
    return downloads.workbook_download([downloads.Sheet("links", headers, rows)], f"{found.slug}-links.xlsx")


@login_required
@require_POST
def link_action(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    found = access.get_edition_to_manage(request.user, slug)
    link = (
        AccessLink.objects.filter(edition=found, school__code=code)
        .select_related("school", "edition")
        .first()
    )
    if link is None:
        raise Http404("No such link")
    form = LinkActionForm(request.POST)
    if form.is_valid():
        action = form.cleaned_data["action"]
        asked = _confirm_link_action(request, link, action)
        if asked is not None:
            return asked
        if action == "replace":
            schools.replace_link(link, user=request.user)
            messages.success(request, f"{link.school.name} has a new link and code: {link.code}.")
        else:
            schools.set_link_active(link, action == "reopen", user=request.user)
            done = "reopened" if action == "reopen" else "withdrawn"
            messages.success(request, f"The link of {link.school.name} is {done}.")
    return redirect("surveys:links", found.slug)


def _confirm_link_action(request: HttpRequest, link: AccessLink, action: str) -> HttpResponse | None:
    """Withdrawing a link, or replacing it, stops its code working for pupils: ask first."""
    if action == "reopen":
        return None
    school = link.school.name
    if action == "withdraw":
        question = Confirmation(
            title=f"Withdraw the link of {school}?",
            consequences=[
                f"Pupils of {school} will no longer be able to start the survey with its link or "
                f"the code {link.code}.",
                "Answers already sent are kept. You can reopen the link later.",
            ],
            button="Withdraw the link",
            cancel_url=reverse("surveys:links", args=[link.edition.slug]),
            caption=link.edition.title,
        )
    else:
        question = Confirmation(
            title=f"Give {school} a new link and code?",
            consequences=[
                f"The current link and the code {link.code} will stop working at once: pupils and staff "
                "who have them will need the new ones.",
            ],
            button="Make a new link and code",
            cancel_url=reverse("surveys:links", args=[link.edition.slug]),
            caption=link.edition.title,
        )
    return confirm_first(request, question, section=SECTION)


@login_required
def school_list(request: HttpRequest) -> HttpResponse:
    access.require_survey_manager(request.user)
    rows = (
        School.objects.select_related("area").prefetch_related("rolls", "staff").order_by("is_group", "name")
    )
    return render(
        request,
        "surveys/authoring/schools.html",
        {"section": SECTION, "schools": rows, "data_checks": checks.for_page(request, "surveys")},
    )


@login_required
@require_http_methods(["GET", "POST"])
def school_import(request: HttpRequest) -> HttpResponse:
    access.require_survey_manager(request.user)

    def run(data: bytes, name: str) -> HttpResponse:
        counts = school_rolls.import_schools(data, name, user=request.user)
        messages.success(
            request,
            f"Imported {counts['schools']} schools, {counts['rolls']} rolls and {counts['areas']} areas.",
        )
        return redirect("surveys:schools")

    return upload_page(
        request,
        form=SchoolsForm(request.POST or None, request.FILES or None),
        template="surveys/authoring/school_import.html",
        run=run,
        context={"section": SECTION},
    )


@login_required
def school_template(request: HttpRequest) -> HttpResponse:
    access.require_survey_manager(request.user)
    return downloads.attachment(school_rolls.schools_workbook([]), "schools-template.xlsx")


@login_required
def school_export(request: HttpRequest) -> HttpResponse:
    access.require_survey_manager(request.user)
    return downloads.attachment(school_rolls.schools_workbook(), "schools.xlsx")


@login_required
@require_http_methods(["GET", "POST"])
def school_staff(request: HttpRequest, code: str) -> HttpResponse:
    school = access.get_school_to_manage(request.user, code)
    accounts = schools.school_accounts()
    form = StaffForm(request.POST or None, accounts=accounts)
    if request.method == "POST":
        removing = request.POST.get("remove")
        if removing:
            account = school.staff.filter(username=removing).first()
            if account is not None:
                asked = confirm_first(
                    request,
                    Confirmation(
                        title=f"Remove {account.username} from {school.name}?",
                        consequences=[f"{account.username} will no longer see {school.name}'s results."],
                        button="Remove",
                        cancel_url=reverse("surveys:school_staff", args=[school.code]),
                    ),
                    section=SECTION,
                )
                if asked is not None:
                    return asked
                schools.unlink_staff(school, account, user=request.user)
                messages.success(request, f"{account.username} can no longer see {school.name}'s results.")
            return redirect("surveys:school_staff", school.code)
        if form.is_valid():
            account = accounts.get(username=form.cleaned_data["account"])
            schools.link_staff(school, account, user=request.user)
            messages.success(request, f"{account.username} can now see {school.name}'s results.")
            return redirect("surveys:school_staff", school.code)
    return render(
        request,
        "surveys/authoring/school_staff.html",
        {
            "section": SECTION,
            "school": school,
            "staff": school.staff.order_by("username"),
            "form": form,
            "choices": [
                {"value": value, "text": text, "selected": form["account"].value() == value}
                for value, text in form.fields["account"].choices
            ],
            "errors": error_list(form),
            "has_accounts": accounts.exists(),
        },
    )
