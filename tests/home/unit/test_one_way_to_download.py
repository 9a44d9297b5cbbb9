"""Every download is written by outcomes.core.downloads (issue 13 item 4, decision 0065): no other
module builds a CSV, a workbook, a Word file or an attachment response itself."""

import re
from pathlib import Path

import outcomes

ROOT = Path(outcomes.__file__).parent
WRITER = ROOT / "core" / "downloads"
# Demo data builders write seed workbooks for tests and the demo, not downloads.
EXEMPT = ("demo_data",)
FORBIDDEN = {
    "an attachment header": re.compile(r"Content-Disposition"),
    "a CSV writer": re.compile(r"csv\.writer\("),
    "a new workbook": re.compile(r"\bWorkbook\(\)"),
    "a response with its own file type": re.compile(r"HttpResponse\([^)]*content_type="),
    "a file saved by hand": re.compile(r"\b(wb|workbook|doc|document)\.save\("),
    "a row appended past the guard": re.compile(r"\b(ws|sheet|about|guide|codes|shares)\.append\("),
}


def test_no_module_but_the_download_writer_builds_a_file():
    found = []
    for path in ROOT.rglob("*.py"):
        if path.is_relative_to(WRITER) or any(part in path.parts for part in EXEMPT):
            continue
        text = path.read_text()
        for what, pattern in FORBIDDEN.items():
            for match in pattern.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                found.append(f"{path.relative_to(ROOT)}:{line}: {what}")
    assert found == []
