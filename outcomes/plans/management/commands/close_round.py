from django.core.management.base import BaseCommand, CommandError

from outcomes.plans import rules, services
from outcomes.plans.models import Round


class Command(BaseCommand):
    help = (
        "Close a reporting round. Lead officers can then no longer submit or change updates, and "
        "every milestone without an update is given the plan's no-update colour (Blue: no "
        "information available or no update provided). Closing a closed round is an error."
    )

    def add_arguments(self, parser):
        parser.add_argument("--plan", required=True)
        parser.add_argument("--round", required=True)

    def handle(self, *args, plan, round, **options):
        found = Round.objects.filter(plan__slug=plan, slug=round).select_related("plan").first()
        if found is None:
            raise CommandError(f"Plan '{plan}' has no round '{round}'.")
        try:
            created = services.close_round(user=None, round_=found)
        except (services.RoundAlreadyClosed, rules.RuleViolation) as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(
            f"Closed '{found.title}'. {len(created)} milestones without an update were marked Blue."
        )
