import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from outcomes.indicators.report import FORMATS, find_area, render, rows_for_area


class Command(BaseCommand):
    help = (
        "Each measure's figures for one area: value, previous value, direction of travel, statistical "
        "neighbours' average, region, England, comparisons, rank among the LAs of the current neighbour "
        "list, quartile band and target, as JSON, CSV or Excel."
    )

    def add_arguments(self, parser):
        parser.add_argument("--area", required=True, help="an area's name (Rotherham) or LA number (372)")
        parser.add_argument(
            "--period", default="latest", help="a period label such as 2023-24, or 'latest' (the default)"
        )
        parser.add_argument("--measures", help="LAIT short codes or indicator codes, separated by commas")
        parser.add_argument("--format", choices=FORMATS, default="json")
        parser.add_argument("--output", help="file to write; standard output when left out (not for xlsx)")

    def handle(self, *args, area, period, measures, format, output, **options):
        wanted = [m for m in measures.split(",") if m.strip()] if measures else None
        try:
            rows = rows_for_area(find_area(area), period=period, measures=wanted)
        except LookupError as exc:
            raise CommandError(str(exc)) from None
        data = render(rows, format)
        if output:
            Path(output).write_bytes(data)
        elif format == "xlsx":
            if sys.stdout.isatty():
                raise CommandError("An Excel file cannot be shown here: give --output report.xlsx.")
            sys.stdout.buffer.write(data)
        else:
            # The byte-order mark is for Excel opening a file; a pipe reads better without it.
            self.stdout.write(data.decode("utf-8-sig"), ending="")
