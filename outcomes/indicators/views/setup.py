"""Pages where performance officers set up indicators: a definition, its dated targets, the history
of both, and the definitions template uploaded in bulk. Changes go through ``indicators.setup``."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from outcomes.core import downloads
from outcomes.core.conflicts import SaveConflict, rebind_after_conflict, saved_fields
from outcomes.core.forms import error_list
from outcomes.core.imports.views import upload_page
from outcomes.indicators import access, setup
from outcomes.indicators.definitions import GUIDANCE, blank_template, export_definitions, import_definitions
from outcomes.indicators.forms import TemplateUploadForm
from outcomes.indicators.models import Indicator, Target
from outcomes.indicators.setup_forms import IndicatorForm, TargetForm
from outcomes.indicators.views.common import check_format, table_download


def _context(**extra) -> dict:
    return {"section": "indicators", "code_slug": access.code_slug, **extra}


@login_required
@require_http_methods(["GET", "POST"])
def indicator_new(request: HttpRequest) -> HttpResponse:
    access.require_manager(request.user)
    initial = {
        "unit_kind": Indicator.PERCENTAGE,
        "polarity": Indicator.HIGH,
        "period_type": Indicator.FINANCIAL,
    }
    form = IndicatorForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        indicator, _ = setup.save_indicator(
            user=request.user, indicator=None, fields=form.fields_to_save(), expected_version=None
        )
        messages.success(request, f"Set up {indicator.code}. Now give it its targets.")
        return redirect("indicators:targets", access.code_slug(indicator.code))
    return _indicator_form(request, form, None, None)


@login_required
@require_http_methods(["GET", "POST"])
def indicator_edit(request: HttpRequest, code: str) -> HttpResponse:
    indicator = access.get_indicator_to_manage(request.user, code)
    form = IndicatorForm(
        request.POST or None, indicator=indicator, initial=IndicatorForm.initial_for(indicator)
    )
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            indicator, _ = setup.save_indicator(
                user=request.user,
                indicator=indicator,
                fields=form.fields_to_save(),
                expected_version=form.cleaned_data.get("version"),
            )
        except SaveConflict as exc:
            indicator.refresh_from_db()
            form = rebind_after_conflict(
                IndicatorForm, request.POST, indicator.version, str(exc), indicator=indicator
            )
            conflict = {"who": exc.who, "rows": saved_fields(form, IndicatorForm.initial_for(indicator))}
        else:
            messages.success(request, f"Saved the definition of {indicator.code}.")
            return redirect("indicators:indicator", access.code_slug(indicator.code))
    return _indicator_form(request, form, indicator, conflict)


def _indicator_form(request, form: IndicatorForm, indicator: Indicator | None, conflict) -> HttpResponse:
    lait = []
    if indicator is not None and indicator.from_lait:
        words = setup.indicator_words(indicator)
        lait = [(setup.LABELS[k], words[setup.LABELS[k]]) for k in setup.LABELS if k in setup.LAIT_FIELDS]
    return render(
        request,
        "indicators/indicator_form.html",
        _context(
            form=form,
            errors=error_list(form),
            indicator=indicator,
            lait_fields=lait,
            conflict=conflict,
            slug=access.code_slug(indicator.code) if indicator else "",
        ),
    )


@login_required
@require_GET
def targets(request: HttpRequest, code: str) -> HttpResponse:
    indicator = access.get_indicator_to_manage(request.user, code)
    rows = Target.objects.filter(indicator=indicator).select_related("period", "area")
    ordered = sorted(rows, key=lambda t: (t.period.end if t.period_id else t.due, t.pk))
    return render(
        request,
        "indicators/targets.html",
        _context(
            indicator=indicator,
            slug=access.code_slug(indicator.code),
            targets=[(t, setup.target_when(t), setup.target_words(t)) for t in ordered],
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def target_new(request: HttpRequest, code: str) -> HttpResponse:
    indicator = access.get_indicator_to_manage(request.user, code)
    form = TargetForm(request.POST or None, indicator=indicator)
    if request.method == "POST" and form.is_valid():
        target, _ = setup.save_target(
            user=request.user,
            indicator=indicator,
            target=None,
            fields=form.cleaned_data,
            expected_version=None,
        )
        messages.success(request, f"Added the target {setup.target_when(target)} of {indicator.code}.")
        return redirect("indicators:targets", access.code_slug(indicator.code))
    return _target_form(request, form, indicator, None, None)


@login_required
@require_http_methods(["GET", "POST"])
def target_edit(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    target = access.get_target_to_manage(request.user, code, pk)
    indicator = target.indicator
    form = TargetForm(
        request.POST or None, indicator=indicator, target=target, initial=TargetForm.initial_for(target)
    )
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            target, _ = setup.save_target(
                user=request.user,
                indicator=indicator,
                target=target,
                fields=form.cleaned_data,
                expected_version=form.cleaned_data.get("version"),
            )
        except SaveConflict as exc:
            target.refresh_from_db()
            form = rebind_after_conflict(
                TargetForm, request.POST, target.version, str(exc), indicator=indicator, target=target
            )
            conflict = {"who": exc.who, "rows": saved_fields(form, TargetForm.initial_for(target))}
        else:
            messages.success(request, f"Saved the target {setup.target_when(target)} of {indicator.code}.")
            return redirect("indicators:targets", access.code_slug(indicator.code))
    return _target_form(request, form, indicator, target, conflict)


def _target_form(request, form: TargetForm, indicator: Indicator, target: Target | None, conflict):
    return render(
        request,
        "indicators/target_form.html",
        _context(
            form=form,
            errors=error_list(form),
            indicator=indicator,
            target=target,
            when=setup.target_when(target) if target else "",
            conflict=conflict,
            slug=access.code_slug(indicator.code),
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def target_remove(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    """A page that asks first (no JavaScript needed); only its form's POST removes the target."""
    target = access.get_target_to_manage(request.user, code, pk)
    indicator = target.indicator
    slug = access.code_slug(indicator.code)
    when = setup.target_when(target)
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        setup.delete_target(user=request.user, target=target)
        messages.success(request, f"Removed the target {when} of {indicator.code}.")
        return redirect("indicators:targets", slug)
    return render(
        request,
        "indicators/target_remove.html",
        _context(indicator=indicator, slug=slug, when=when, words=setup.target_words(target)),
    )


@login_required
@require_GET
def indicator_history(request: HttpRequest, code: str) -> HttpResponse:
    indicator = access.get_indicator_for_user(request.user, code)
    return render(
        request,
        "indicators/indicator_history.html",
        _context(
            indicator=indicator,
            slug=access.code_slug(indicator.code),
            history=setup.history(indicator),
            manages=access.manages_indicators(request.user),
        ),
    )


HISTORY_HEADERS = ["When", "Who", "What", "Changes"]


@login_required
@require_GET
def indicator_history_export(request: HttpRequest, code: str, fmt: str) -> HttpResponse:
    indicator = access.get_indicator_for_user(request.user, code)
    check_format(fmt)
    rows = [[h.when, h.who, h.what, "\n".join(h.changes)] for h in setup.history(indicator)]
    slug = access.code_slug(indicator.code)
    return table_download(
        HISTORY_HEADERS, rows, fmt, f"{slug}-history", f"History of changes: {indicator.code}"
    )


@login_required
@require_http_methods(["GET", "POST"])
def definitions_upload(request: HttpRequest) -> HttpResponse:
    access.require_manager(request.user)

    def run(data: bytes, name: str) -> HttpResponse:
        result = import_definitions(data, name, user=request.user)
        messages.success(
            request,
            f"Imported {name}: {result.created} indicators set up, {result.updated} changed, "
            f"{result.unchanged} unchanged; {result.targets} targets added or changed.",
        )
        return redirect(reverse("indicators:list") + "?source=own")

    form = TemplateUploadForm(request.POST or None, request.FILES or None)
    form.fields["file"].label = "Indicator definitions file"
    return upload_page(
        request,
        form=form,
        template="indicators/definitions_upload.html",
        run=run,
        context={"section": "indicators", "columns": GUIDANCE},
    )


@login_required
@require_GET
def definitions_template(request: HttpRequest, fmt: str) -> HttpResponse:
    access.require_manager(request.user)
    downloads.check_table_format(fmt)
    return downloads.attachment(blank_template(fmt), f"indicator-definitions-template.{fmt}")


@login_required
@require_GET
def definitions_export(request: HttpRequest, fmt: str) -> HttpResponse:
    access.require_manager(request.user)
    downloads.check_table_format(fmt)
    return downloads.attachment(export_definitions(fmt), f"indicator-definitions.{fmt}")
