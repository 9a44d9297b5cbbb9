"""Who may see and change what in the surveys (SPEC "Users and what they may do").

One helper per object; views call these and nothing else decides access. Performance officers and
administrators manage surveys; a school's account sees only its own school; pupils have no account
and reach a questionnaire only through their school's link or code (see the pupils' helpers below).

Other parts of the survey app add their helpers at the end of this file.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from outcomes.accounts.roles import Role, is_manager
from outcomes.core.memo import Memo
from outcomes.surveys.models import Edition, School


def manages_surveys(user) -> bool:
    return is_manager(user)


def is_school_account(user) -> bool:
    return bool(user.is_authenticated and user.is_active and user.role == Role.SCHOOL)


def schools_of(user):
    """The schools whose staff this user is (none unless the account has the school role)."""
    if not is_school_account(user):
        return School.objects.none()
    return School.objects.filter(staff=user)


def require_survey_manager(user) -> None:
    if not manages_surveys(user):
        raise PermissionDenied("Only performance officers and administrators manage surveys.")


def get_edition_to_manage(user, slug: str) -> Edition:
    require_survey_manager(user)
    edition = Edition.objects.filter(slug=slug).select_related("survey").first()
    if edition is None:
        raise Http404("No such edition")
    return edition


def get_school_to_manage(user, code: str) -> School:
    require_survey_manager(user)
    school = School.objects.filter(code=code).first()
    if school is None:
        raise Http404("No such school")
    return school


def can_see_school(user, school: School) -> bool:
    """Performance officers see every school; a school's account sees only its own."""
    if manages_surveys(user):
        return True
    return schools_of(user).filter(pk=school.pk).exists()


def get_school_for_user(user, code: str) -> School:
    """A school the user may see, or 404: another school's existence is not confirmed."""
    school = School.objects.filter(code=code).first()
    if school is None or not can_see_school(user, school):
        raise Http404("No such school")
    return school


# --- Pupils' pages and paper entry (views/pupils.py, views/paper.py) ---------------------------
#
# A pupil has no account: a school's link (or its short code) is the only way in, and the pupil's
# session, once started, is bound to that one link, so to one edition and one school.

from outcomes.surveys.models import AccessLink  # noqa: E402


def normalise_code(text: str) -> str:
    """A short code as typed: case, spaces and dashes do not matter."""
    return "".join(ch for ch in (text or "").upper() if ch.isalnum())


def find_link_by_code(code: str) -> AccessLink | None:
    code = normalise_code(code)
    if not code:
        return None
    return (
        AccessLink.objects.filter(code=code, school__is_group=False)
        .select_related("edition", "edition__survey", "school")
        .first()
    )


def get_link_for_pupil(token: str) -> AccessLink:
    """The link a pupil followed, or 404 (an unknown link confirms nothing)."""
    link = (
        AccessLink.objects.filter(token=token, school__is_group=False)
        .exclude(edition__state=Edition.DRAFT)
        .select_related("edition", "edition__survey", "school")
        .first()
    )
    if link is None:
        raise Http404("No such survey link")
    return link


# A pupil's every page reads the link their session is bound to, with its edition and window. Each
# process keeps it for a few seconds (outcomes/core/memo.py) rather than asking the database on
# every page: a link switched off, or a window closed, takes effect within that time.
_LINKS: Memo[AccessLink | None] = Memo()


def pupil_link_from_session(token) -> AccessLink | None:
    """The link a pupil's session is bound to, by its token (None if it has gone)."""
    if not isinstance(token, str):
        return None
    return _LINKS.get(
        token,
        lambda: (
            AccessLink.objects.filter(token=token)
            .select_related("edition", "edition__survey", "school")
            .prefetch_related("edition__extensions")
            .first()
        ),
        keep_if=lambda link: link is not None,
    )


def link_accepts_responses(link: AccessLink, on=None) -> bool:
    """Open for answers: the link is active and today is inside the edition's (extended) window."""
    return link.active and link.edition.accepts_responses(on)


def get_edition_for_paper_entry(user, slug: str) -> Edition:
    """Staff typing in paper questionnaires: survey managers, for an edition that is not a draft."""
    edition = get_edition_to_manage(user, slug)
    if edition.state == Edition.DRAFT:
        raise Http404("This edition is a draft: it takes no responses yet")
    return edition


def get_school_for_paper_entry(user, edition: Edition, code: str) -> School:
    school = get_school_to_manage(user, code)
    if school.is_group or school.phase != edition.phase:
        raise Http404("No such school in this edition")
    return school


# --- Results (views/results.py; docs/decisions/0032-who-reads-survey-results.md) ---------------------


def can_read_borough_results(user, edition: Edition) -> bool:
    """Performance officers and administrators always; once the edition is closed, the borough
    report goes on the intranet (seed 002) for viewers and lead officers too. A school's account
    reads the borough's figures only beside its own, in its school report."""
    if manages_surveys(user):
        return True
    if not (user.is_authenticated and user.is_active) or is_school_account(user):
        return False
    return user.role in {Role.VIEWER, Role.LEAD_OFFICER} and edition.state == Edition.CLOSED


def get_borough_results_for_user(user, slug: str) -> Edition:
    """The edition whose borough report and participation tables the user may read, or 404."""
    edition = Edition.objects.filter(slug=slug).select_related("survey").first()
    if edition is None or edition.state == Edition.DRAFT or not can_read_borough_results(user, edition):
        raise Http404("No such survey results")
    return edition


def get_school_report_for_user(user, slug: str, code: str) -> tuple[Edition, School]:
    """A school's report: for that school's own account and for performance officers and
    administrators; anyone else, another school's account included, gets 404."""
    edition = Edition.objects.filter(slug=slug).select_related("survey").first()
    if edition is None or edition.state == Edition.DRAFT:
        raise Http404("No such survey results")
    school = get_school_for_user(user, code)
    if school.is_group:
        raise Http404("No such school report")
    return edition, school


def reads_every_school_report(user) -> bool:
    """Whoever may open every school's report (``can_see_school`` for each): performance officers
    and administrators, who may therefore make them all as one .zip (decision 0114)."""
    return manages_surveys(user)


def get_release_for_every_school_report(user, slug: str, number: int | None):
    """The release (``number``, or the latest the user reads) whose every school's report the user
    may take as one .zip: 403 for anyone else, 404 for a draft or an edition without that release."""
    if not reads_every_school_report(user):
        raise PermissionDenied("Only performance officers and administrators read every school's report.")
    edition = Edition.objects.filter(slug=slug).select_related("survey").first()
    if edition is None or edition.state == Edition.DRAFT:
        raise Http404("No such survey results")
    release = release_for_user(user, edition, number=number)
    if release is None:
        raise Http404("No such release")
    return release


def result_editions_for(user):
    """The editions whose results the user may open in some form, newest first."""
    editions = Edition.objects.exclude(state=Edition.DRAFT).select_related("survey")
    if manages_surveys(user) or schools_of(user).exists():
        return editions
    return [e for e in editions if can_read_borough_results(user, e)]


def has_results_to_read(user) -> bool:
    """Whether the results pages hold anything this user may open: the navigation offers them only
    then, so that nobody is led to an empty page."""
    if manages_surveys(user):
        return True
    if is_school_account(user):
        return schools_of(user).exists()
    # Viewers and lead officers read final releases only (decision 0055).
    return any(e.releases.filter(kind="final").exists() for e in result_editions_for(user))


def release_for_user(user, edition: Edition, *, number: int | None = None):
    """The release of the edition the user reads (the latest, or ``number``), or None: managers
    and schools' staff read every release, interim ones included; viewers and lead officers read
    final releases only (decision 0055)."""
    from outcomes.surveys.models import Release

    found = edition.releases.all()
    if not (manages_surveys(user) or is_school_account(user)):
        found = found.filter(kind=Release.FINAL)
    if number is not None:
        return found.filter(number=number).first()
    return found.order_by("-number").first()
