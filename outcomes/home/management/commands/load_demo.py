from django.core.management.base import BaseCommand
from django.db import transaction

from outcomes.accounts.demo import DEMO_PASSWORD, ensure_demo_users
from outcomes.accounts.models import User
from outcomes.governance.demo import load_demo_governance
from outcomes.indicators.demo import load_demo_indicators
from outcomes.inspections.demo import load_demo_inspections
from outcomes.papers.demo import load_demo_papers
from outcomes.plans.demo import load_demo_action_plans, load_demo_plan
from outcomes.reports.demo import publish_demo_reports
from outcomes.risks.demo import load_demo_risks
from outcomes.surveys.demo import DEMO_SCHOOL_USER, load_demo_surveys


class Command(BaseCommand):
    help = (
        "Load the demo data: the Rotherham Children and Young People's Plan 2013-2016 (slug "
        "cypp-2013-16) with its June 2014 round (june-2014), and one sign-in per role. Data already "
        "there is left as it is, so running it twice changes nothing. The demo sign-ins are printed."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            plan = load_demo_plan()
            users = ensure_demo_users()
            # Seed 002's NTI plan and planning grid, with the NTI report as published on 4 November 2010.
            action_plans = load_demo_action_plans()
            published = publish_demo_reports()
            loaded = [load_demo_indicators(), load_demo_surveys()]
            # Papers quote the plan, the indicators and the survey: loaded after them all.
            loaded.append(load_demo_papers())
            # The LSCB's action log names the performance officer (Sue Wilson) as an owner.
            loaded.append(load_demo_governance())
            # Recommendations may link actions on governance's tracker: loaded after it.
            loaded.append(load_demo_inspections())
            # The CYPS risk register is reviewed by the Trust Board and mitigated on its tracker.
            loaded.append(load_demo_risks())
        if plan is not None:
            self.stdout.write(f"Loaded the demo plan '{plan.title}' ({plan.slug}).")
        else:
            self.stdout.write("The demo plan is already loaded.")
        for action_plan in action_plans:
            self.stdout.write(f"Loaded the demo plan '{action_plan.title}' ({action_plan.slug}).")
        for message in [published, *loaded]:
            if message:
                self.stdout.write(message)
        # The school's sign-in is made with the survey demo; every demo sign-in is listed together.
        school = User.objects.filter(username=DEMO_SCHOOL_USER).first()
        if school is not None:
            users.append(school)
        self.stdout.write(f"Demo sign-ins (password for all: {DEMO_PASSWORD}):")
        for user in users:
            self.stdout.write(f"  {user.username:<20} {user.get_role_display():<20} {user.display_name}")
