"""What the inspections' pages share: one form page for every step (a form drawn field by field,
a refusal's problems in the error summary) and the parsed "as at" date of the report pages."""

from collections.abc import Callable
from datetime import date

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from outcomes.core.forms import error_list
from outcomes.inspections.rules import Refused

SECTION = "inspections"


def field_kinds(form: forms.Form) -> list[tuple[str, str]]:
    """How the template draws each field: date, textarea, radios, select or input."""
    from outcomes.core.dates import GovukDateField

    kinds = []
    for name, field in form.fields.items():
        if isinstance(field, GovukDateField):
            kind = "date"
        elif isinstance(field.widget, forms.Textarea):
            kind = "textarea"
        elif isinstance(field.widget, forms.RadioSelect):
            kind = "radios"
        elif isinstance(field, forms.ChoiceField):
            kind = "select"
        else:
            kind = "input"
        kinds.append((name, kind))
    return kinds


def form_page(
    request: HttpRequest,
    form: forms.Form,
    act: Callable[[dict], HttpResponse],
    *,
    heading: str,
    button: str,
    cancel: str,
    caption: str = "",
    intro: list[str] | None = None,
) -> HttpResponse:
    """The form until it is valid and accepted; ``act`` makes the change (or raises Refused) and
    answers with where to go next."""
    problems: list[dict] = []
    if request.method == "POST" and form.is_valid():
        try:
            return act(form.cleaned_data)
        except Refused as refused:
            problems = [{"text": p, "href": "#main-content"} for p in refused.problems]
    return render(
        request,
        "inspections/form.html",
        {
            "section": SECTION,
            "form": form,
            "fields": field_kinds(form),
            "errors": error_list(form) + problems,
            "heading": heading,
            "caption": caption,
            "intro": intro or [],
            "button": button,
            "cancel": cancel,
        },
        status=400 if request.method == "POST" else 200,
    )


def as_at_of(request: HttpRequest, default: date):
    """The date asked for and the form that shows it: ``as_at`` as YYYY-MM-DD (links, the API), or
    the three boxes of the date input; ``default`` when none is given or what was typed is no date
    (the form then carries the problem for the error summary)."""
    from outcomes.inspections.forms import AsAtForm

    text = request.GET.get("as_at", "")
    if text:
        try:
            day = date.fromisoformat(text)
        except ValueError:
            day = None
        if day is not None:
            return day, AsAtForm(initial={"as_at": day})
    form = AsAtForm(request.GET if any(k.startswith("as_at-") for k in request.GET) else None)
    if form.is_bound and form.is_valid() and form.cleaned_data["as_at"]:
        return form.cleaned_data["as_at"], form
    if not form.is_bound:
        form = AsAtForm(initial={"as_at": default})
    return default, form
