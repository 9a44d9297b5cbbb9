"""What every response to a signed-in member of staff carries, and the log line of each request."""

import logging
import time

from django.conf import settings
from django.utils.cache import add_never_cache_headers, patch_cache_control

request_log = logging.getLogger("outcomes.requests")


class StaffResponsesNotStored:
    """Pages and downloads seen by a signed-in person are not kept by the browser or a proxy
    (Cache-Control: no-store, private): on a shared or borrowed computer, Back or the cache must not
    show a plan, a school's results or a workbook after sign-out. Responses that already say how
    they may be cached (the pupils' pages, the static files) are left as they are."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not response.has_header("Cache-Control"):
            add_never_cache_headers(response)
            patch_cache_control(response, private=True)
        return response


class RequestLog:
    """One line a request for the operators (logger ``outcomes.requests``, at INFO): the method, the
    address pattern the request matched, the status and the time taken. The pattern, not the address:
    ``/plans/<slug:slug>/`` says which page without the query string, a link's token or an id
    (decision 0126). Nothing about who asked: no user, no computer address. The pupils' pages
    (settings.REQUEST_LOG_LEAVE_OUT) are not logged one by one, as no view logs a pupil's time
    (decision 0026); neither are /healthz's probes, every few seconds."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.leave_out = tuple(getattr(settings, "REQUEST_LOG_LEAVE_OUT", ()))

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        if request_log.isEnabledFor(logging.INFO) and not request.path.startswith(self.leave_out):
            match = getattr(request, "resolver_match", None)
            pattern = f"/{match.route}" if match is not None else "(no page)"
            request_log.info(
                "%s %s %s %d ms",
                request.method,
                pattern,
                response.status_code,
                round(1000 * (time.perf_counter() - started)),
            )
        return response
