from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from outcomes.governance import access as governance_access
from outcomes.governance.owing import owed_by
from outcomes.indicators import access as indicator_access
from outcomes.indicators.areas import home_area
from outcomes.indicators.models import ExceptionRecord
from outcomes.papers import access as paper_access
from outcomes.papers.services import current_publication
from outcomes.plans import access
from outcomes.plans.models import Round, Update
from outcomes.risks.owing import reviews_owed
from outcomes.surveys import access as survey_access


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
    reads_indicators = indicator_access.can_read_indicators(user)
    area = home_area() if reads_indicators else None
    open_exceptions = ExceptionRecord.objects.filter(closed_at__isnull=True).count() if area else 0
    my_schools = list(survey_access.schools_of(user)) if survey_access.is_school_account(user) else []
    # The latest committee papers the person may read: drafts too for those who write them.
    papers = [(p, current_publication(p)) for p in paper_access.visible_papers(user)[:5]]
    # The open actions the person owns on any body (What I owe).
    reads_bodies = governance_access.reads_bodies(user)
    owed = owed_by(governance_access.person_of(user), timezone.localdate()) if reads_bodies else []
    return render(
        request,
        "home/home.html",
        {
            "section": "home",
            "plans": plans,
            "published": published,
            "open_rounds": open_rounds,
            "awaiting_approval": awaiting_approval,
            "my_count": mine,
            "manages": access.manages_plans(user),
            "is_lead": access.is_lead_officer(user),
            "reads_indicators": reads_indicators,
            "home_area": area,
            "home_area_key": indicator_access.area_key(area) if area else None,
            "open_exceptions": open_exceptions,
            "manages_surveys": survey_access.manages_surveys(user),
            "my_schools": my_schools,
            "reads_papers": paper_access.reads_papers(user),
            "writes_papers": paper_access.writes_papers(user),
            "papers": papers,
            "reads_bodies": reads_bodies,
            "owed": owed,
            # The risks the person owns that are due for review (the risk register, issue 16).
            "risk_reviews": reviews_owed(user, timezone.localdate()) if reads_bodies else None,
        },
    )
