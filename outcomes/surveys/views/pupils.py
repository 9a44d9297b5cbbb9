"""The pupils' pages: a school's link or code, the confidentiality promise, one section per page, and
the end page (docs/decisions/0025-survey-pages-and-conditions.md, 0026-pupil-sessions-and-anonymity.md).

A pupil has no account. Their answers stay in their (server-side) session, bound to the one link
they started from, until they send them; then record_response saves them in one transaction and
the session is deleted. Nothing about the pupil (name, address, device, time) is kept or logged.
"""

from datetime import date

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.backends.utils import csrf_input
from django.template.loader import get_template
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods
from markupsafe import Markup

from outcomes.core.memo import Memo
from outcomes.surveys import access, pupil_sessions, ratelimit
from outcomes.surveys import questionnaire as questionnaires
from outcomes.surveys.answer_forms import (
    AnswerForm,
    component,
    next_page,
    page_of,
    pages,
    previous_page,
    shown_items,
)
from outcomes.surveys.models import AccessLink, Edition
from outcomes.surveys.pupil_sessions import SENT, STATE
from outcomes.surveys.services import AlreadySent, InvalidAnswers, record_response

# Rendered questions as a pupil first sees them (no answer, no error), by edition, revision, question
# and shown grid rows: the GOV.UK macros are slow, and every pupil sees the same blank questions.
_BLANK_HTML: dict[tuple, Markup] = {}
_BLANK_HTML_MAX = 5000
# Whole pages as a pupil first sees them (every question blank, no error), with a slot for the CSRF
# input, which is the only part that differs between pupils. They hold no answer, so nothing about
# one pupil can reach another.
_BLANK_PAGES: dict[tuple, str] = {}
_BLANK_PAGES_MAX = 2000
_CSRF_SLOT = "\x00csrf-input\x00"


def _question_macro():
    return get_template("surveys/pupils/_macros.html").template.module.question


def _blank_key(edition: Edition, school, form: AnswerForm, item) -> tuple | None:
    """The key of the question as a pupil first sees it, or None when it shows an answer or error."""
    if form.errors.get(item.name) or form.value(item) not in (None, "", [], {}):
        return None
    rows = tuple(form.shown_rows(item))
    return (edition.pk, edition.revision, item.name, rows, school.pk if item.type == "school" else None)


def _render_question(form: AnswerForm, item, school) -> Markup:
    field = component(item, form.value(item), form.errors.get(item.name), form.shown_rows(item))
    return _question_macro()(field, school)


def rendered_questions(edition: Edition, school, form: AnswerForm, keys: list | None = None) -> list[Markup]:
    keys = keys if keys is not None else [_blank_key(edition, school, form, item) for item in form.items]
    out = []
    for item, key in zip(form.items, keys, strict=True):
        if key is None:
            out.append(_render_question(form, item, school))
            continue
        html = _BLANK_HTML.get(key)
        if html is None:
            if len(_BLANK_HTML) >= _BLANK_HTML_MAX:
                _BLANK_HTML.clear()
            html = _BLANK_HTML[key] = _render_question(form, item, school)
        out.append(html)
    return out


def _render_page(request, edition: Edition, school, form: AnswerForm, context: dict) -> HttpResponse:
    """A question page. One whose questions are all blank is rendered once per process and kept,
    with this request's CSRF input put in its slot."""
    keys = [_blank_key(edition, school, form, item) for item in form.items]
    if form.errors or None in keys:
        context["questions"] = rendered_questions(edition, school, form, keys)
        return _render(request, "page.html", context)
    # The school shows only in a "school" item, whose key names it.
    page_key = (
        edition.pk,
        edition.revision,
        edition.title,
        edition.survey.name,
        context["page"].number,
        context["section_number"],
        context["section_count"],
        context["back_url"],
        tuple(keys),
    )
    html = _BLANK_PAGES.get(page_key)
    if html is None:
        template = get_template("surveys/pupils/page.html")
        questions = rendered_questions(edition, school, form, keys)
        html = template.render({**context, "questions": questions, "csrf_input": Markup(_CSRF_SLOT)})
        if len(_BLANK_PAGES) >= _BLANK_PAGES_MAX:
            _BLANK_PAGES.clear()
        _BLANK_PAGES[page_key] = html
    return HttpResponse(html.replace(_CSRF_SLOT, csrf_input(request), 1))


def _render(request, template: str, context: dict, status: int = 200) -> HttpResponse:
    return render(request, f"surveys/pupils/{template}", context, status=status)


def _closed(request, link: AccessLink) -> HttpResponse:
    return _render(request, "closed.html", {"edition": link.edition, "link": link, "today": _today()})


def _today() -> date:
    return date.today()


def _limited(request, edition: Edition | None, reason: str, retry_url: str = "") -> HttpResponse:
    context = {"edition": edition, "reason": reason, "retry_url": retry_url}
    return _render(request, "limited.html", context, status=429)


def _end_session(request) -> None:
    """Forget the pupil's questionnaire. An anonymous pupil's whole session goes (its row is
    deleted); a signed-in member of staff trying the link keeps their sign-in."""
    if request.user.is_authenticated:
        request.session.pop(STATE, None)
        request.session.pop(SENT, None)
    else:
        request.session.flush()


def _bound(request) -> tuple[AccessLink, dict] | None:
    """The link this pupil's session is bound to, and the questionnaire in progress."""
    state = request.session.get(STATE)
    if not isinstance(state, dict):
        return None
    if pupil_sessions.timed_out(state):
        # Left half-finished on a shared computer: the next person must not see it.
        _end_session(request)
        request.survey_timed_out = True
        return None
    link = access.pupil_link_from_session(state.get("link"))
    if link is None or state.get("rev") != link.edition.revision:
        return None
    return link, state


def _to_start(request) -> HttpResponse:
    url = reverse("surveys:pupil_start")
    return redirect(f"{url}?timed-out=1" if getattr(request, "survey_timed_out", False) else url)


def _save(request, state: dict) -> None:
    state["until"] = pupil_sessions.keep_until()
    request.session[STATE] = state
    request.session.modified = True


def _first_unfinished(q, state: dict, seen):
    """The first page shown to this pupil that they have not yet answered (None: all answered)."""
    done = set(state.get("done", ()))
    return next((p for p in pages(q) if shown_items(p, seen) and p.number not in done), None)


def _page_url(page) -> str:
    return reverse("surveys:pupil_page", args=[page.number]) if page else reverse("surveys:pupil_send")


# The pupils' pages are never kept by the browser (never_cache): on a shared school computer, Back
# after the end must not show the last pupil's answers.
@never_cache
@require_http_methods(["GET", "POST"])
def start(request: HttpRequest) -> HttpResponse:
    """Where a pupil types their school's short code."""
    error = None
    code = ""
    if request.method == "POST":
        code = request.POST.get("code", "")
        if ratelimit.code_entry_blocked(request):
            return _limited(request, None, "codes")
        link = access.find_link_by_code(code)
        if link is None:
            ratelimit.record_failed_code(request)
            error = (
                "Enter the code your teacher gave you. It has 7 letters and numbers, like ACD 3479"
                if access.normalise_code(code)
                else "Enter the code your teacher gave you"
            )
        else:
            return redirect("surveys:pupil_link", link.token)
    timed_out = request.method == "GET" and request.GET.get("timed-out") == "1"
    context = {
        "error": error,
        "code": code,
        "timed_out": timed_out,
        "idle_minutes": pupil_sessions.idle_minutes(),
    }
    return _render(request, "start.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
def start_again(request: HttpRequest) -> HttpResponse:
    """Clear the questionnaire in progress, asking first (no JavaScript): for a pupil who finds
    someone else's answers on a shared computer, or who wants to begin afresh."""
    bound = _bound(request)
    if bound is None:
        return _to_start(request)
    link, state = bound
    if request.method == "POST":
        _end_session(request)
        return redirect("surveys:pupil_link", link.token)
    q = questionnaires.load(link.edition)
    back = _page_url(_first_unfinished(q, state, q.visibility(state["answers"])))
    context = {"edition": link.edition, "school": link.school, "back_url": back}
    return _render(request, "start_again.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
def link(request: HttpRequest, token: str) -> HttpResponse:
    """A school's link: the welcome and the confidentiality promise, then "Start"."""
    try:
        link = access.get_link_for_pupil(token)
    except Http404:
        ratelimit.record_failed_code(request)
        raise
    if not access.link_accepts_responses(link):
        return _closed(request, link)
    edition = link.edition
    if request.method == "POST":
        if not ratelimit.allow_start(link):
            return _limited(request, edition, "starts", reverse("surveys:pupil_link", args=[link.token]))
        # A new start forgets anything begun before, through this link or another school's, under a
        # new session key (the old session's row is deleted).
        _end_session(request)
        request.session[STATE] = {
            "link": link.token,
            "rev": edition.revision,
            "answers": {},
            "done": [],
            "until": pupil_sessions.keep_until(),
        }
        request.session.set_expiry(0)  # the cookie goes when the browser closes
        q = questionnaires.load(edition)
        return redirect(_page_url(next_page(q, 0, q.visibility({}))))
    # No "carry on" here: on a shared computer it would hand the next pupil the last one's answers.
    started = _bound(request) is not None
    return _render(request, "welcome.html", {"edition": edition, "school": link.school, "started": started})


@never_cache
@require_http_methods(["GET", "POST"])
def page(request: HttpRequest, number: int) -> HttpResponse:
    bound = _bound(request)
    if bound is None:
        return _to_start(request)
    link, state = bound
    if not access.link_accepts_responses(link):
        return _closed(request, link)
    edition = link.edition
    q = questionnaires.load(edition)
    all_pages = pages(q)
    if not 1 <= number <= len(all_pages):
        return redirect(_page_url(_first_unfinished(q, state, q.visibility(state["answers"]))))
    current = all_pages[number - 1]
    answers = state["answers"]
    seen = q.visibility(answers)
    items = shown_items(current, seen)
    unfinished = _first_unfinished(q, state, seen)
    if unfinished is not None and unfinished.number < number:
        return redirect(_page_url(unfinished))  # a page they have not reached yet
    if not items:
        return redirect(_page_url(next_page(q, number, seen)))  # not shown to this pupil
    data = request.POST if request.method == "POST" else None
    form = AnswerForm(q, items, answers=answers, rows=seen.rows, data=data, seen=seen)
    if request.method == "POST" and form.is_valid():
        for item in current.items:
            answers.pop(item.name, None)
        answers.update(form.cleaned)
        state["done"] = sorted(set(state["done"]) | {number})
        _save(request, state)
        # Conditions read only earlier answers, so what follows this page is now decided.
        return redirect(_page_url(next_page(q, number, q.visibility(answers))))
    before = previous_page(q, number, seen)
    section_names = [s.name for s in q.sections if s.name in seen.sections]
    context = {
        "edition": edition,
        "school": link.school,
        "page": current,
        "section_number": section_names.index(current.section.name) + 1,
        "section_count": len(section_names),
        "errors": form.error_list(),
        "back_url": _page_url(before) if before else reverse("surveys:pupil_link", args=[link.token]),
    }
    return _render_page(request, edition, link.school, form, context)


@never_cache
@require_http_methods(["GET", "POST"])
def send(request: HttpRequest) -> HttpResponse:
    """The last step: send the answers, saved in one transaction."""
    bound = _bound(request)
    if bound is None:
        if isinstance(request.session.get(SENT), str):  # a second click: the first one sent it
            return redirect("surveys:pupil_done", request.session[SENT])
        return _to_start(request)
    link, state = bound
    if not access.link_accepts_responses(link):
        return _closed(request, link)
    edition = link.edition
    q = questionnaires.load(edition)
    seen = q.visibility(state["answers"])
    unfinished = _first_unfinished(q, state, seen)
    if unfinished is not None:
        return redirect(_page_url(unfinished))
    if request.method == "POST":
        if ratelimit.school_is_full(link):
            return _limited(request, edition, "school_full")
        if not ratelimit.allow_completion(link):
            return _limited(request, edition, "completions", reverse("surveys:pupil_send"))
        try:
            record_response(
                edition, link.school, state["answers"], claim=pupil_sessions.claim(request, edition.slug)
            )
        except AlreadySent:
            return redirect("surveys:pupil_done", edition.slug)
        except InvalidAnswers as problems:
            # Only if the questionnaire changed under the pupil: back to the page that needs an answer.
            first = page_of(q, next(iter(problems.problems)))
            if first is not None:
                state["done"] = [n for n in state["done"] if n < first.number]
                _save(request, state)
            return redirect(_page_url(first))
        response = redirect("surveys:pupil_done", edition.slug)
        pupil_sessions.forget_sent(request, response, edition.slug)
        return response
    last = previous_page(q, len(pages(q)) + 1, seen)
    return _render(
        request, "send.html", {"edition": edition, "school": link.school, "back_url": _page_url(last)}
    )


# The end page is the same for every pupil of an edition, and a whole class reaches it at once:
# each process keeps it for a few seconds (core/memo.py).
_DONE_PAGES: Memo[str | None] = Memo(size=1000)


def _done_page(request, slug: str) -> str | None:
    edition = Edition.objects.filter(slug=slug).exclude(state=Edition.DRAFT).select_related("survey").first()
    if edition is None:
        return None
    return _render(request, "done.html", {"edition": edition}).content.decode()


@require_GET
def done(request: HttpRequest, slug: str) -> HttpResponse:
    """The end page: thank you, and the links and information the survey's first page promised."""
    html = _DONE_PAGES.get(slug, lambda: _done_page(request, slug), keep_if=lambda page: page is not None)
    if html is None:
        raise Http404("No such survey")
    return HttpResponse(html)
