"""Who may see a job: the person who started it, and administrators (who look after the workers).
A job is a person's own work, so anyone else is told it does not exist (404), not that it is theirs."""

from django.http import Http404

from outcomes.accounts.roles import is_administrator
from outcomes.jobs.models import Job


def sees_everyones_jobs(user) -> bool:
    return is_administrator(user)


def may_see(user, job: Job) -> bool:
    if not (user.is_authenticated and user.is_active):
        return False
    return job.started_by_id == user.pk or sees_everyones_jobs(user)


def has_jobs_to_show(user) -> bool:
    """Whether the navigation offers the jobs page: to administrators, and to whoever started one."""
    if not (user.is_authenticated and user.is_active):
        return False
    return sees_everyones_jobs(user) or Job.objects.filter(started_by=user).exists()


def jobs_for(user):
    """The jobs ``user`` may see, newest first."""
    jobs = Job.objects.select_related("started_by")
    return jobs if sees_everyones_jobs(user) else jobs.filter(started_by=user)


def job_or_404(user, pk: int) -> Job:
    job = Job.objects.select_related("started_by").filter(pk=pk).first()
    if job is None or not may_see(user, job):
        raise Http404("No such job")
    return job
