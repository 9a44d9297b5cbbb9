"""A crawl of the whole demo, as every role: all of LAIT loaded (not the suite's sample), every page
reachable by links from the home page, every measure page of the home area, every download.

No page answers a server error, no link leads a person to a page they may not open, and every
download opens in the library a person's software would use (openpyxl, python-docx, pdftotext).
The whole LAIT release is loaded once for this module inside a transaction that is rolled back at
the end, so the rest of the suite keeps its sample (decision 0037).
"""

import csv
import io
import json
import re
import shutil
import subprocess
from collections import deque
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

import pytest
from django.conf import settings
from django.db import transaction
from docx import Document
from openpyxl import load_workbook

from outcomes.indicators.access import code_slug
from outcomes.indicators.lait import import_lait
from outcomes.indicators.models import Indicator

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

HOME_AREA = "372"
# Pages of other areas are the same templates over other rows: a few of them are enough, while the
# home area's are all visited.
OTHER_AREAS_VISITED = 3
# A crawl that finds more than this has met a loop of ever-new addresses: a defect in itself.
MOST_PAGES = 8000
# The role that reads every measure page with its downloads; the others read a sample of them (the
# same pages; test_indicator_pages_all_of_lait.py also asks every measure page as the performance
# officer, decision 0037).
EVERY_MEASURE = {"viewer"}
MEASURE_SAMPLE = 25
# PDFs take seconds each to lay out (minutes, logs, packs, papers, reports for every meeting and
# version): one role opens every PDF; the others open a few, their access being the same pages'
# (and every URL is asked as every role in the role matrix).
EVERY_PDF = {"performance_officer"}
PDF_SAMPLE = 4


@pytest.fixture(scope="module")
def whole_lait(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            import_lait(Path(settings.OUTCOMES_LAIT_DIR))
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


def links_of(html: str, base: str) -> list[str]:
    parser = Links()
    parser.feed(html)
    found = []
    for href in parser.hrefs:
        if href.startswith(("mailto:", "tel:", "#", "javascript:")):
            continue
        url = urljoin(base, href)
        parts = urlsplit(url)
        if parts.netloc not in ("", "testserver"):
            continue
        found.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return found


MEASURE = re.compile(r"^/indicators/measures/(?P<slug>[^/]+)/")
AREA = re.compile(r"^/indicators/areas/(?P<key>[^/]+)/")


class Scope:
    """Which of the addresses found are visited: all but other areas beyond the first few, and for
    the sampling roles, measures and PDFs beyond the sample."""

    def __init__(self, role: str):
        self.every_measure = role in EVERY_MEASURE
        self.every_pdf = role in EVERY_PDF
        self.pdfs = 0
        self.measures: set[str] = set()
        self.other_areas: set[str] = set()

    def wanted(self, url: str) -> bool:
        path, _, query = url.partition("?")
        if path.startswith(("/static/", "/admin/", "/accounts/logout")):
            return False
        if (path.endswith(".pdf") or dict(parse_qsl(query)).get("format") == "pdf") and not self.every_pdf:
            if self.pdfs >= PDF_SAMPLE:
                return False
            self.pdfs += 1
        area = dict(parse_qsl(query)).get("area")
        match = AREA.match(path)
        key = match["key"] if match else area
        if key and key != HOME_AREA and key not in self.other_areas:
            if len(self.other_areas) >= OTHER_AREAS_VISITED:
                return False
            self.other_areas.add(key)
        match = MEASURE.match(path)
        if match and not self.every_measure and match["slug"] not in self.measures:
            if len(self.measures) >= MEASURE_SAMPLE:
                return False
            self.measures.add(match["slug"])
        return True


def canonical(url: str) -> str:
    path, _, query = url.partition("?")
    return path + ("?" + urlencode(sorted(parse_qsl(query))) if query else "")


def opens(content_type: str, disposition: str, body: bytes, tmp_path: Path) -> str | None:
    """Why a download does not open, or None when it does."""
    try:
        if "spreadsheetml" in content_type:
            workbook = load_workbook(io.BytesIO(body))
            assert workbook.sheetnames
        elif "wordprocessingml" in content_type:
            assert Document(io.BytesIO(body)).paragraphs is not None
        elif content_type.startswith("text/csv"):
            rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
            assert rows, "an empty CSV"
        elif content_type.startswith("application/json"):
            json.loads(body)
        elif content_type.startswith("application/pdf"):
            pdf = tmp_path / "download.pdf"
            pdf.write_bytes(body)
            subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, timeout=60)
        elif content_type.startswith("text/html"):
            # A standalone page to read offline (a committee paper): whole, with its title.
            page = body.decode("utf-8")
            assert page.startswith("<!DOCTYPE html>")
            assert "<title>" in page
            assert page.rstrip().endswith("</html>")
        elif content_type.startswith("application/zip"):
            import zipfile

            assert zipfile.ZipFile(io.BytesIO(body)).testzip() is None
        else:
            return f"an attachment of unknown type {content_type} ({disposition})"
    except Exception as error:  # a download that does not open, whatever the reason
        return f"does not open: {type(error).__name__}: {error}"
    return None


def crawl(client, role: str, tmp_path: Path) -> tuple[int, int, list[str], set[str]]:
    scope = Scope(role)
    queue = deque([("/", "(start)")])
    seen = {"/"}
    pages = downloads = 0
    problems = []
    while queue:
        url, came_from = queue.popleft()
        response = client.get(url)
        if response.status_code in (301, 302, 303):
            target = canonical(links_of(f'<a href="{response["Location"]}">', url)[0])
            if target not in seen and scope.wanted(target):
                seen.add(target)
                queue.append((target, url))
            continue
        if response.status_code != 200:
            problems.append(f"{url} answered {response.status_code} (linked from {came_from})")
            continue
        content_type = response.get("Content-Type", "")
        disposition = response.get("Content-Disposition", "")
        body = b"".join(response.streaming_content) if response.streaming else response.content
        if "attachment" in disposition or not content_type.startswith("text/html"):
            downloads += 1
            why = opens(content_type, disposition, body, tmp_path)
            if why:
                problems.append(f"{url} {why}")
            continue
        pages += 1
        if pages > MOST_PAGES:
            problems.append(f"more than {MOST_PAGES} pages: the crawl met a loop of new addresses")
            break
        for link in links_of(body.decode(), url):
            link = canonical(link)
            if link not in seen and scope.wanted(link):
                seen.add(link)
                queue.append((link, url))
    return pages, downloads, problems, {url.partition("?")[0] for url in seen}


ROLES = ["performance_officer", "viewer", "lead_officer", "administrator", "school", "other_lead_officer"]


@pytest.mark.parametrize("role", ROLES)
def test_every_page_and_download_of_the_whole_demo(whole_lait, client, users, role, tmp_path):
    if not shutil.which("pdftotext"):
        pytest.fail("pdftotext is needed: run `make test`, which installs poppler-utils")
    client.force_login(users[role])
    pages, downloads, problems, visited = crawl(client, role, tmp_path)
    assert problems == []
    if role in EVERY_MEASURE:
        # The crawl reaches what it claims to: every measure's page (the first half's 174 broken
        # measure pages were all linked from the home area's scorecard).
        measures = {
            f"/indicators/measures/{code_slug(code)}/"
            for code in Indicator.objects.values_list("code", flat=True)
        }
        assert len(measures) > 440
        assert measures - visited == set()
        assert downloads > len(measures)
    else:
        assert pages > 1
