"""The data-quality page: every finding of every registered rule, grouped by rule, each of which a
performance officer may mark explained with a reason (outcomes/core/checks.py)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from outcomes.core import checks
from outcomes.core.access import require_data_quality_reviewer


def _guarded(view):
    """Access first, so that a refused role is refused whatever the method."""

    def wrapped(request, *args, **kwargs):
        require_data_quality_reviewer(request.user)
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return login_required(wrapped)


@_guarded
@require_GET
def data_quality(request: HttpRequest) -> HttpResponse:
    listed = checks.with_explanations(checks.run_checks())
    groups = checks.grouped(listed)
    explained = sum(1 for item in listed if item.explained)
    return render(
        request,
        "core/data_quality.html",
        {
            "section": "data_quality",
            "groups": groups,
            "total": len(listed),
            "explained": explained,
            "open": len(listed) - explained,
        },
    )


@_guarded
@require_http_methods(["GET", "POST"])
def explain(request: HttpRequest, rule: str, key: str) -> HttpResponse:
    try:
        found = checks.find(rule, key)
    except checks.UnknownRule:
        raise Http404("No such data check") from None
    if not found:
        raise Http404("Nothing is wrong there now: the data has changed or been corrected.")
    errors = {}
    reason = ""
    if request.method == "POST":
        fingerprint = request.POST.get("fingerprint", "")
        reason = request.POST.get("reason", "").strip()
        finding = next((f for f in found if f.fingerprint == fingerprint), None)
        if finding is None:
            errors[fingerprint or "finding"] = (
                "The data changed after you opened this page: read the finding again before explaining it"
            )
        elif not reason:
            errors[fingerprint] = "Enter why this is not a problem, or what is being done about it"
        elif len(reason) > 2000:
            errors[fingerprint] = "The reason must be 2,000 characters or fewer"
        else:
            checks.explain(finding=finding, reason=reason, user=request.user)
            messages.success(request, f"Marked explained: {finding.where}.")
            return redirect(reverse("core:data_quality") + f"#{rule}")
    listed = checks.with_explanations(found)
    return render(
        request,
        "core/data_quality_explain.html",
        {
            "section": "data_quality",
            "rule": checks.get_rule(rule),
            "listed": listed,
            "errors": errors,
            "reason": reason,
            "error_list": [{"text": text, "href": f"#reason-{fp}"} for fp, text in errors.items()],
        },
    )
