"""Paper questionnaires typed in centrally by staff for a school (seed 002: "input centrally on their
behalf"), through the same forms and the same save as online answers
(docs/decisions/0028-paper-questionnaires.md)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from outcomes.core import checks
from outcomes.surveys import access
from outcomes.surveys import questionnaire as questionnaires
from outcomes.surveys.answer_forms import ANSWERED_TYPES, AnswerForm, applies_when, first_input_id
from outcomes.surveys.models import Response, School
from outcomes.surveys.services import InvalidAnswers, record_response


def _with_condition(field: dict, applies: str) -> dict:
    """The question's hint, led by when it applies (so a screen reader hears it with the question)."""
    if not applies:
        return field
    note = f"Only if {applies}."
    if field["kind"] == "grid":
        return {**field, "hint": f"{note} {field['hint']}".strip()}
    if "params" not in field:
        return field
    hint = (field["params"].get("hint") or {}).get("text", "")
    return {**field, "params": {**field["params"], "hint": {"text": f"{note} {hint}".strip()}}}


@login_required
@require_GET
def schools(request: HttpRequest, slug: str) -> HttpResponse:
    edition = access.get_edition_for_paper_entry(request.user, slug)
    rows = (
        School.objects.filter(phase=edition.phase, is_group=False, active=True)
        .annotate(
            paper=Count("responses", filter=Q(responses__edition=edition, responses__mode=Response.PAPER))
        )
        .select_related("area")
        .order_by("name")
    )
    return render(
        request, "surveys/paper/schools.html", {"section": "surveys", "edition": edition, "schools": rows}
    )


@login_required
@require_http_methods(["GET", "POST"])
def entry(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    edition = access.get_edition_for_paper_entry(request.user, slug)
    school = access.get_school_for_paper_entry(request.user, edition, code)
    q = questionnaires.load(edition)
    form = AnswerForm(
        q, list(q.items), data=request.POST if request.method == "POST" else None, require=False
    )
    blank = None
    if request.method == "POST" and form.is_valid():
        try:
            record_response(edition, school, form.cleaned, mode=Response.PAPER, user=request.user)
        except InvalidAnswers as exc:
            form.errors = {name: message for name, message in exc.problems.items() if name in q.by_name}
            blank = exc.problems.get(questionnaires.BLANK)
        else:
            kept = q.shown_answers(form.cleaned)
            left_out = [q.by_name[name] for name in form.cleaned if name not in kept]
            note = ""
            if left_out:
                numbers = ", ".join(str(i.number or i.label) for i in left_out)
                note = (
                    f" {len(left_out)} answer{'s' if len(left_out) > 1 else ''} to questions that did not "
                    f"apply, given the other answers, {'were' if len(left_out) > 1 else 'was'} left out "
                    f"(question {numbers})."
                )
            messages.success(request, f"Paper questionnaire saved for {school.name}.{note}")
            found = checks.summary_message(checks.run_checks("surveys", edition=edition, school=school))
            if found:
                messages.warning(request, found)
            return redirect("surveys:paper_entry", edition.slug, school.code)
    errors = form.error_list()
    if blank:
        first = next(item for item in q.items if item.type in ANSWERED_TYPES)
        errors.insert(0, {"text": blank, "href": f"#{first_input_id(first)}"})
    fields = [_with_condition(f, applies_when(q, f["item"])) for f in form.fields()]
    sections = [(section, [f for f in fields if f["item"].section == section.name]) for section in q.sections]
    return render(
        request,
        "surveys/paper/entry.html",
        {
            "section": "surveys",
            "edition": edition,
            "school": school,
            "sections": sections,
            "errors": errors,
            "entered": Response.objects.filter(edition=edition, school=school, mode=Response.PAPER).count(),
        },
    )
