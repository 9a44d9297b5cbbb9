"""python manage.py risk_register --register SLUG --as-at DATE --format json|html|docx|xlsx|pdf
[--output FILE]: the register as at a date (docs/interchange.md)."""

import sys
from datetime import date

from django.core.management.base import BaseCommand, CommandError

from outcomes.risks import outputs
from outcomes.risks.models import Register


class Command(BaseCommand):
    help = "The risk register as at a date, as JSON, a web page, Word, Excel or PDF."

    def add_arguments(self, parser):
        parser.add_argument("--register", required=True, help="The register's short name (slug): cyps.")
        parser.add_argument("--as-at", required=True, help="The date, as YYYY-MM-DD.")
        parser.add_argument("--format", default="json", choices=outputs.FORMATS)
        parser.add_argument("--output", help="The file to write (standard output when left out).")

    def handle(self, *args, **options):
        register = Register.objects.filter(slug=options["register"]).first()
        if register is None:
            names = ", ".join(Register.objects.values_list("slug", flat=True)) or "none"
            raise CommandError(f"No register {options['register']!r} (registers: {names})")
        try:
            on = date.fromisoformat(options["as_at"])
        except ValueError:
            raise CommandError(f"--as-at {options['as_at']!r} is not a date as YYYY-MM-DD") from None
        content = outputs.register_file(register, on, options["format"])
        if options["output"]:
            with open(options["output"], "wb") as out:
                out.write(content)
            self.stderr.write(f"Wrote {options['output']} ({len(content):,} bytes).")
        elif options["format"] in ("json", "html"):
            self.stdout.write(content.decode("utf-8"))
        else:
            sys.stdout.buffer.write(content)
