"""The jobs app's rows of the role matrix (see test_role_matrix.py). Everyone signed in has a list
of their own jobs; a job, and what it made, is seen by the person who started it (here the
performance officer) and by administrators, and is not there for anyone else (404)."""

from tests.roles import ROLES, SIGNED_IN

STARTER_AND_ADMINISTRATORS = {
    **dict.fromkeys(ROLES[1:], 404),
    "administrator": 200,
    "performance_officer": 200,
}


def _job():
    from outcomes.accounts.models import User
    from outcomes.jobs.models import Job, JobFile

    job = Job.objects.filter(label="The role matrix's job").first()
    if job is None:
        job = Job.objects.create(
            label="The role matrix's job",
            kind="test",
            state=Job.SUCCEEDED,
            started_by=User.objects.get(username="performance"),
        )
        JobFile.objects.create(job=job, purpose=JobFile.RESULT, name="made.csv", data=b"a,b\n", size=4)
    return job


def job_pk() -> int:
    return _job().pk


def file_pk() -> int:
    return _job().files.get().pk


ROWS = [
    ("jobs:list", {}, "get", SIGNED_IN),
    ("jobs:detail", {"pk": job_pk}, "get", STARTER_AND_ADMINISTRATORS),
    ("jobs:file", {"pk": job_pk, "file_pk": file_pk}, "get", STARTER_AND_ADMINISTRATORS),
]
