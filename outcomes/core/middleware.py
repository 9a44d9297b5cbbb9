"""What every response to a signed-in member of staff carries."""

from django.utils.cache import add_never_cache_headers, patch_cache_control


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
