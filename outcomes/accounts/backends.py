"""Sign-in throttling (django-axes; docs/decisions/0073-sign-in-sessions-and-deployment.md)."""

from axes.backends import AxesStandaloneBackend


class SignInThrottle(AxesStandaloneBackend):
    """Refuses a sign-in while its username is locked out from that address. Only a sign-in through
    a page is throttled: code that calls ``authenticate()`` without a request (a management command,
    a test) is not someone guessing, and has no address to count."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
