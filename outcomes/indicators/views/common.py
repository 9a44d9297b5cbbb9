"""What the indicator pages share: downloads of any table as CSV or Excel."""

from django.http import HttpResponse

from outcomes.core import downloads

FORMATS = downloads.TABLE_FORMATS


def table_download(
    headers: list[str], rows: list[list], fmt: str, filename: str, title: str = ""
) -> HttpResponse:
    """A table as a CSV or Excel download (the same columns the page shows, symbols with their words)."""
    return downloads.table_download(fmt, filename, headers, rows, title or "Table")


def check_format(fmt: str) -> None:
    downloads.check_table_format(fmt)


def select_items(choices, selected: str, blank: str | None = None) -> list[dict]:
    """Items for govukSelect from (value, text) pairs or plain strings, with ``selected`` chosen."""
    items = [{"value": "", "text": blank, "selected": not selected}] if blank is not None else []
    for choice in choices:
        value, text = choice if isinstance(choice, tuple | list) else (choice, choice)
        items.append({"value": str(value), "text": text, "selected": str(value) == str(selected)})
    return items


def page_links(page, base: str) -> list[dict]:
    """govukPagination items: first, last, and the pages around the current one."""
    last = page.paginator.num_pages
    shown = sorted({1, last, page.number - 1, page.number, page.number + 1} & set(range(1, last + 1)))
    items, previous = [], 0
    for number in shown:
        if number - previous > 1:
            items.append({"ellipsis": True})
        items.append({"number": number, "href": f"{base}{number}", "current": number == page.number})
        previous = number
    return items
