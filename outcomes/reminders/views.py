from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from outcomes.core.forms import error_list
from outcomes.reminders.forms import PreferencesForm
from outcomes.reminders.models import SentReminder
from outcomes.reminders.preferences import preference_of, save_preferences
from outcomes.reminders.sources import kinds_for


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request: HttpRequest) -> HttpResponse:
    """Each person's own page: what they are reminded of, how often, at which address. Nobody
    changes another's: it is always the signed-in person's."""
    user = request.user
    preference = preference_of(user)
    kinds = [kind for _, kind in kinds_for(user)]
    initial = {
        "email": user.email,
        "wanted": [kind.key for kind in kinds if preference.wants(kind.key)],
        "delivery": preference.delivery,
    }
    form = PreferencesForm(request.POST or None, initial=initial, kinds=kinds)
    if request.method == "POST" and form.is_valid():
        save_preferences(
            user=user,
            email=form.cleaned_data["email"],
            wanted=set(form.cleaned_data["wanted"]),
            delivery=form.cleaned_data["delivery"],
        )
        messages.success(request, "Your reminder choices are saved.")
        return redirect("reminders:preferences")
    return render(
        request,
        "reminders/preferences.html",
        {
            "form": form,
            "errors": error_list(form),
            "kinds": kinds,
            "sent": SentReminder.objects.filter(user=user)[:10],
        },
    )
