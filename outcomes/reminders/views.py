from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from outcomes.accounts.models import User
from outcomes.accounts.roles import is_manager
from outcomes.core.confirm import Confirmation, confirm_first
from outcomes.core.forms import error_list
from outcomes.jobs.queue import start_job
from outcomes.reminders.forms import PreferencesForm
from outcomes.reminders.models import SentReminder
from outcomes.reminders.preferences import preference_of, save_preferences
from outcomes.reminders.sending import plan_messages
from outcomes.reminders.sources import kinds_for
from outcomes.reminders.tasks import send_reminders_task


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request: HttpRequest) -> HttpResponse:
    """Each person's own page: what they are reminded of, how often, at which address. Nobody
    changes another's: it is always the signed-in person's."""
    user = cast(User, request.user)  # signed in: login_required
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
            "manages": is_manager(user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def due_now(request: HttpRequest) -> HttpResponse:
    """For the performance team: every reminder due now and not yet sent, and a button that sends
    them at once as a job (its progress on the job's page) rather than at the next hourly run."""
    if not is_manager(request.user):
        raise PermissionDenied("The reminders due to everyone are for the performance team.")
    planned, counts = plan_messages()
    if request.method == "POST":
        asked = confirm_first(
            request,
            Confirmation(
                title=f"Send {len(planned)} reminder message{'' if len(planned) == 1 else 's'} now?",
                consequences=[
                    "Each person listed is sent their message by e-mail now; none is sent again at the next "
                    "hourly run.",
                    "The sending runs as a job: its page shows how far it has gone.",
                ],
                button="Send the reminders",
                cancel_url=reverse("reminders:due"),
                warning=False,
            ),
        )
        if asked is not None:
            return asked
        job = start_job(send_reminders_task, user=request.user, label="Send the reminders due now")
        return redirect("jobs:detail", job.pk)
    return render(
        request,
        "reminders/due.html",
        {"planned": planned, "held_back": counts.held_back()},
    )
