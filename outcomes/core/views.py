from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from outcomes.plans import access
from outcomes.plans.models import Round, Update


@login_required
def home(request: HttpRequest) -> HttpResponse:
    user = request.user
    plans = list(access.visible_plans(user).prefetch_related("rounds"))
    published = Round.objects.filter(plan__in=plans, published_at__isnull=False).select_related("plan")
    open_rounds = Round.objects.filter(plan__in=plans, closed_at__isnull=True).select_related("plan")
    awaiting_approval = (
        Update.objects.filter(round__in=open_rounds, state=Update.SUBMITTED).count()
        if access.manages_plans(user)
        else 0
    )
    mine = access.led_milestones(user).count() if access.is_lead_officer(user) else 0
    return render(
        request,
        "core/home.html",
        {
            "section": "home",
            "plans": plans,
            "published": published,
            "open_rounds": open_rounds,
            "awaiting_approval": awaiting_approval,
            "my_count": mine,
            "manages": access.manages_plans(user),
            "is_lead": access.is_lead_officer(user),
        },
    )
