"""python manage.py data_checks [--format text|json] [--rule NAME] [--open]: every data-quality
finding, as the data-quality page lists them."""

import json

from django.core.management.base import BaseCommand, CommandError

from outcomes.core import checks


class Command(BaseCommand):
    help = "List every data-quality finding (rule, where, message, explained)."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["text", "json"], default="text")
        parser.add_argument("--rule", action="append", help="Only this rule (may be repeated).")
        parser.add_argument("--open", action="store_true", help="Leave out the findings explained.")

    def handle(self, *args, **options):
        rules = checks.all_rules()
        if options["rule"]:
            known = {rule.name for rule in rules}
            unknown = sorted(set(options["rule"]) - known)
            if unknown:
                raise CommandError(
                    f"No such rule: {', '.join(unknown)}. The rules are: {', '.join(sorted(known))}"
                )
            rules = [rule for rule in rules if rule.name in options["rule"]]
        findings = [f for rule in rules for f in checks.run_rule(rule)]
        listed = checks.with_explanations(findings)
        if options["open"]:
            listed = [item for item in listed if not item.explained]
        if options["format"] == "json":
            rows = [
                {
                    "rule": item.rule.name,
                    "where": item.finding.where,
                    "message": item.finding.message,
                    "explained": item.explained,
                }
                for item in listed
            ]
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        for rule, items in checks.grouped(listed):
            if rule not in rules:
                continue
            self.stdout.write(
                f"{rule.title} ({rule.name}): {len(items)} finding{'' if len(items) == 1 else 's'}"
            )
            for item in items:
                self.stdout.write(f"  - {item.finding.where}: {item.finding.message}")
                if item.explanation is not None:
                    self.stdout.write(f"    Explained: {item.explanation.reason}")
        explained = sum(1 for item in listed if item.explained)
        self.stdout.write(f"{len(listed)} findings, {explained} explained.")
