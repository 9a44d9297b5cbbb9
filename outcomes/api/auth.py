"""``Authorization: Bearer <token>``: the request is then the token's owner's, with that person's
rights and no more, since every endpoint asks the same access helpers as the pages."""

from ninja.security import HttpBearer

from outcomes.api.tokens import owner_of


class BearerToken(HttpBearer):
    def authenticate(self, request, token: str):
        user = owner_of(token.strip())
        if user is None:
            return None
        # The access helpers read request.user, as they do for the pages.
        request.user = user
        return user
