from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from outcomes.api.tokens import create_token


class Command(BaseCommand):
    help = (
        "Print a new read-API token for USERNAME (for scripts and tests). The token reads what that "
        "person may read on the pages, no more; it is shown only now (a hash is kept) and is listed, "
        "and can be revoked, on the person's API tokens page (/api/tokens/)."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", default="Made by manage.py api_token", help="What the token is for.")

    def handle(self, *args, **options):
        user = get_user_model().objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(f"There is no user '{options['username']}'.")
        if not user.is_active:
            raise CommandError(
                f"'{user.get_username()}' is switched off: a token of theirs would be refused."
            )
        _, token = create_token(user, options["name"])
        self.stdout.write(token)
