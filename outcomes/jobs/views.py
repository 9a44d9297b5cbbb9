from datetime import timedelta

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from outcomes.core import downloads
from outcomes.jobs import access, progress
from outcomes.jobs.models import Job, JobFile

# How often an unfinished job's page asks again: an HTTP Refresh header, which every browser follows
# without JavaScript, and which the reader stops with the page's "Stop updating this page" link
# (?still=1, WCAG 2.2.1-2.2.2); a <meta> refresh would fail axe-core's meta-refresh rule.
REFRESH_SECONDS = 2


def _refreshing(request: HttpRequest, response: HttpResponse, refresh: int | None) -> HttpResponse:
    if refresh and not request.GET.get("still"):
        response["Refresh"] = str(refresh)
    return response


# A job still waiting after this long may have no worker to take it: the page says what to do.
WAITING_LONG = timedelta(seconds=30)


@login_required
def job_list(request: HttpRequest) -> HttpResponse:
    jobs = list(access.jobs_for(request.user)[:200])
    refresh = REFRESH_SECONDS if any(not job.finished for job in jobs) else None
    response = render(
        request,
        "jobs/job_list.html",
        {
            "section": "jobs",
            "jobs": jobs,
            "everyone": access.sees_everyones_jobs(request.user),
            "refresh": refresh,
            "still": bool(request.GET.get("still")),
        },
    )
    return _refreshing(request, response, refresh)


@login_required
def job_detail(request: HttpRequest, pk: int) -> HttpResponse:
    job = access.job_or_404(request.user, pk)
    now = timezone.now()
    refresh = None if job.finished else REFRESH_SECONDS
    response = render(
        request,
        "jobs/job_detail.html",
        {
            "section": "jobs",
            "job": job,
            "progress": progress.current(job),
            "results": job.files.filter(purpose=JobFile.RESULT).defer("data"),
            "refresh": refresh,
            "still": bool(request.GET.get("still")),
            "waiting_long": job.state == Job.QUEUED
            and not job.attempts
            and now - job.created_at > WAITING_LONG,
            "show_detail": access.sees_everyones_jobs(request.user),
        },
    )
    return _refreshing(request, response, refresh)


@login_required
def job_file(request: HttpRequest, pk: int, file_pk: int) -> HttpResponse:
    job = access.job_or_404(request.user, pk)
    made = get_object_or_404(JobFile, pk=file_pk, job=job, purpose=JobFile.RESULT)
    return downloads.attachment(bytes(made.data), made.name)
