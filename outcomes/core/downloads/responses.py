"""Downloads as HTTP responses: the file's type from its name, an attachment header that
survives any file name, and nothing cached on the way (a download can hold personal data)."""

from collections.abc import Iterable, Sequence

from django.http import Http404, HttpResponse
from django.utils.cache import add_never_cache_headers
from django.utils.http import content_disposition_header

from outcomes.core.downloads.writers import Sheet, docx_bytes, json_bytes, table_bytes, xlsx_bytes

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "json": "application/json",
    "zip": "application/zip",
    # A standalone page saved to read offline (a committee paper): styles inlined, no link out.
    "html": "text/html; charset=utf-8",
}
TABLE_FORMATS = ("csv", "xlsx")


def attachment(content: bytes, filename: str) -> HttpResponse:
    """``content`` (made by ``writers``) as a file to save, typed by ``filename``'s extension."""
    extension = filename.rsplit(".", 1)[-1].lower()
    response = HttpResponse(content, content_type=CONTENT_TYPES[extension])
    response["Content-Disposition"] = content_disposition_header(True, filename)
    add_never_cache_headers(response)
    return response


def check_table_format(fmt: str) -> None:
    if fmt not in TABLE_FORMATS:
        raise Http404("No such format")


def table_download(
    fmt: str, filename: str, headers: Sequence[str], rows: Iterable[Sequence], title: str = "Table"
) -> HttpResponse:
    """A table as ``filename.csv`` or ``filename.xlsx`` (404 for any other format)."""
    check_table_format(fmt)
    return attachment(table_bytes(fmt, headers, rows, title), f"{filename}.{fmt}")


def workbook_download(sheets: Sequence[Sheet], filename: str) -> HttpResponse:
    return attachment(xlsx_bytes(sheets), filename)


def document_download(document, filename: str) -> HttpResponse:
    """A python-docx document as a Word file."""
    return attachment(docx_bytes(document), filename)


def json_download(data, filename: str) -> HttpResponse:
    return attachment(json_bytes(data), filename)
