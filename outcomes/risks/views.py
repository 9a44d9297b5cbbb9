"""The registers list, a register (risks, heat maps, candidates, downloads as at a date), a heat
map cell's risks, a register set up or changed, and the matrix versions. Views are thin: access.py
decides who, services.py changes, state.py and outputs.py read."""

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from outcomes.core.downloads.responses import attachment
from outcomes.core.forms import error_list
from outcomes.core.history import Field, history_rows
from outcomes.core.models import ChangeRecord
from outcomes.jobs.queue import start_job
from outcomes.risks import access, heatmap, outputs, register_job, rules, services, state
from outcomes.risks.forms import AsAtForm, MatrixForm, RegisterFileForm, RegisterForm, matrix_initial
from outcomes.risks.models import Matrix, Register, Risk

SECTION = "risks"


def as_at_of(request: HttpRequest) -> tuple[date, AsAtForm]:
    form = AsAtForm(request.GET or None)
    if form.is_bound and form.is_valid() and form.cleaned_data["as_at"]:
        return form.cleaned_data["as_at"], form
    return timezone.localdate(), form


@login_required
def register_list(request: HttpRequest) -> HttpResponse:
    access.require_reader(request.user)
    registers = list(Register.objects.select_related("owner", "reviewed_by"))
    counts = {
        r.pk: (r.risks.filter(status=Risk.OPEN).count(), r.risks.filter(status=Risk.CANDIDATE).count())
        for r in registers
    }
    return render(
        request,
        "risks/register_list.html",
        {
            "section": SECTION,
            "registers": [(r, *counts[r.pk]) for r in registers],
            "runs": access.runs_registers(request.user),
        },
    )


def _cell_url(slug: str):
    return lambda which, likelihood, impact: reverse("risks:cell", args=[slug, which, likelihood, impact])


@login_required
def register_detail(request: HttpRequest, slug: str) -> HttpResponse:
    register = access.get_register_for_user(request.user, slug)
    today = timezone.localdate()
    rows = state.register_rows(register)
    heat = state.heat_map(rows)
    candidates = [
        risk
        for risk in register.risks.filter(status=Risk.CANDIDATE).select_related("owner", "register")
        if access.sees_risk(request.user, risk)
    ]
    return render(
        request,
        "risks/register.html",
        {
            "section": SECTION,
            "register": register,
            "rows": rows,
            "heat": heat,
            "maps": [
                (which, heatmap.WHICH[which], heatmap.render(heat, which, _cell_url(slug), f"heat-{which}"))
                for which in ("before", "after")
            ],
            "candidates": candidates,
            "review_words": lambda row: rules.review_words(row.next_review, today),
            "overdue": lambda row: rules.review_state(row.next_review, today) == rules.OVERDUE,
            "runs": access.runs_registers(request.user),
            "as_at_form": AsAtForm(initial={"as_at": today}),
            "formats": [
                ("docx", "Word"),
                ("pdf", "PDF"),
                ("xlsx", "Excel"),
                ("html", "Web page"),
                ("json", "JSON"),
            ],
            "history": register_history(register),
        },
    )


@login_required
def register_download(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    register = access.get_register_for_user(request.user, slug)
    if fmt not in outputs.FORMATS:
        raise Http404("No such format")
    on, _ = as_at_of(request)
    content = outputs.register_file(register, on, fmt)
    return attachment(content, f"{register.slug}-risk-register-{on.isoformat()}.{fmt}")


@login_required
@require_POST
def register_file(request: HttpRequest, slug: str) -> HttpResponse:
    """The register as at a date: Word or PDF made as a job (its page shows the progress and offers
    the file), Excel, the web page and JSON answered at once by the download address."""
    register = access.get_register_for_user(request.user, slug)
    form = RegisterFileForm(request.POST)
    if not form.is_valid():
        return HttpResponse("Choose Word, PDF, Excel, web page or JSON, and a date.", status=400)
    on = form.cleaned_data["as_at"] or timezone.localdate()
    fmt = form.cleaned_data["fmt"]
    if fmt not in register_job.FORMATS:
        query = f"as_at-day={on.day}&as_at-month={on.month}&as_at-year={on.year}"
        return redirect(f"{reverse('risks:register_download', args=[slug, fmt])}?{query}")
    job = start_job(
        register_job.risk_register,
        user=request.user,
        label=register_job.label(register, on, fmt),
        register=register.pk,
        as_at=on.isoformat(),
        fmt=fmt,
    )
    return redirect("jobs:detail", pk=job.pk)


@login_required
def cell(request: HttpRequest, slug: str, which: str, likelihood: int, impact: int) -> HttpResponse:
    """The risks in one cell of a heat map (each cell links here)."""
    register = access.get_register_for_user(request.user, slug)
    if which not in heatmap.WHICH:
        raise Http404("No such heat map")
    matrix = services.current_matrix()
    if not (1 <= likelihood <= len(matrix.likelihoods) and 1 <= impact <= len(matrix.impacts)):
        raise Http404("No such cell")
    rows = state.in_cell(state.register_rows(register), which, likelihood, impact)
    return render(
        request,
        "risks/cell.html",
        {
            "section": SECTION,
            "register": register,
            "rows": rows,
            "which": heatmap.WHICH[which],
            "likelihood": f"{likelihood} {matrix.likelihoods[likelihood - 1]}",
            "impact": f"{impact} {matrix.impacts[impact - 1]}",
            "level": rules.level_of(matrix, likelihood, impact),
        },
    )


def _register_initial(register: Register) -> dict:
    return {
        "name": register.name,
        "slug": register.slug,
        "kind": register.kind,
        "owner": register.owner,
        "reviewed_by": register.reviewed_by,
        "standing_item": register.standing_item,
        "takes_other_candidates": register.takes_other_candidates,
    }


@login_required
@require_http_methods(["GET", "POST"])
def register_form(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    if slug is None:
        access.require_runner(request.user)
        register = None
    else:
        register = access.get_register_to_run(request.user, slug)
    form = RegisterForm(request.POST or None, initial=_register_initial(register) if register else None)
    errors: list[dict] = []
    if request.method == "POST" and form.is_valid():
        taken = Register.objects.filter(slug=form.cleaned_data["slug"])
        if register is not None:
            taken = taken.exclude(pk=register.pk)
        if taken.exists():
            errors = [{"text": "Another register has that short name", "href": "#id_slug"}]
        else:
            saved = services.save_register(user=request.user, register=register, **form.cleaned_data)
            messages.success(request, f"{saved.name} saved.")
            return redirect("risks:register", saved.slug)
    return render(
        request,
        "risks/register_form.html",
        {"section": SECTION, "register": register, "form": form, "errors": error_list(form) + errors},
        status=400 if request.method == "POST" else 200,
    )


MATRIX_FIELDS = {
    "levels": Field("Levels"),
    "likelihoods": Field("Likelihood steps"),
    "impacts": Field("Impact steps"),
}


@login_required
def matrix_list(request: HttpRequest) -> HttpResponse:
    access.require_reader(request.user)
    services.current_matrix()
    versions = [
        (
            m,
            services.in_use(m),
            [
                [rules.level_of(m, li, im) for im in range(1, len(m.impacts) + 1)]
                for li in range(len(m.likelihoods), 0, -1)
            ],
        )
        for m in Matrix.objects.all()
    ]
    return render(
        request,
        "risks/matrix_list.html",
        {"section": SECTION, "versions": versions, "runs": access.runs_registers(request.user)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def matrix_new(request: HttpRequest) -> HttpResponse:
    """A new version of the matrix, started from the one in force; it supersedes it."""
    access.require_runner(request.user)
    current = services.current_matrix()
    form = MatrixForm(request.POST or None, initial=matrix_initial(current))
    errors: list[dict] = []
    if request.method == "POST" and form.is_valid():
        try:
            matrix = services.new_matrix_version(
                user=request.user, name=form.cleaned_data["name"], **form.cleaned_data["parsed"]
            )
        except services.Refused as refused:
            errors = [{"text": str(refused), "href": "#id_cells"}]
        else:
            messages.success(
                request, f"Matrix version {matrix.version} is in force. Ratings already made keep theirs."
            )
            return redirect("risks:matrix")
    return render(
        request,
        "risks/matrix_form.html",
        {"section": SECTION, "form": form, "current": current, "errors": error_list(form) + errors},
        status=400 if request.method == "POST" else 200,
    )


REGISTER_FIELDS = {
    "name": Field("Name"),
    "kind": Field("Kind", lambda v: dict(Register.KINDS).get(str(v), str(v))),
    "owner": Field("Owner"),
    "reviewed_by": Field("Reviewed by"),
    "standing_item": Field("Standing item", quoted=True),
}


def register_history(register: Register):
    from django.contrib.contenttypes.models import ContentType

    records = ChangeRecord.objects.filter(
        content_type=ContentType.objects.get_for_model(Register), object_id=str(register.pk)
    ).select_related("user")
    return history_rows(records, REGISTER_FIELDS)
