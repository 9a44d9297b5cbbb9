"""Reading documents the way a person would: LibreOffice opens a Word file and prints it to PDF;
poppler reads a PDF's text; pypdf its tags (what a screen reader follows)."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest


def docx_as_pdf(docx: Path, workdir: Path, timeout: int = 180) -> Path:
    """The PDF LibreOffice prints of the Word file (in ``workdir``). Fails if it cannot open it."""
    if not shutil.which("soffice") or not shutil.which("pdftotext"):
        pytest.fail("LibreOffice and pdftotext are needed: run `make test`, which installs them")
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{workdir}/lo",
            "--convert-to",
            "pdf",
            "--outdir",
            str(workdir),
            str(docx),
        ],
        check=True,
        capture_output=True,
        timeout=timeout,
    )
    return workdir / (docx.stem + ".pdf")


def docx_as_text(docx: Path, workdir: Path) -> str:
    """The document's text as LibreOffice lays it out, whitespace folded. Fails if it cannot open."""
    pdf = docx_as_pdf(docx, workdir)
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return " ".join(text.split())


def pdf_pages(pdf: bytes, workdir: Path) -> list[str]:
    """Each page's text as poppler reads it, whitespace folded."""
    path = workdir / "read.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    count = int(re.search(r"Pages:\s+(\d+)", info)[1])
    pages = []
    for n in range(1, count + 1):
        text = subprocess.run(
            ["pdftotext", "-f", str(n), "-l", str(n), str(path), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        pages.append(" ".join(text.split()))
    return pages


def pdf_text(content: bytes, workdir: Path) -> str:
    """The PDF's text as poppler's pdftotext reads it, whitespace folded. Fails if it cannot open."""
    if not shutil.which("pdftotext"):
        pytest.fail("pdftotext is needed: run `make test`, which installs poppler-utils")
    pdf = workdir / "document.pdf"
    pdf.write_bytes(content)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True)
    return " ".join(text.stdout.split())


def pdf_tags(content: bytes) -> list[tuple[str, str]]:
    """The PDF's structure tree as (tag, alt text) in reading order; fails when it is not tagged."""
    import io

    from pypdf import PdfReader

    root = PdfReader(io.BytesIO(content)).trailer["/Root"]
    assert bool(root.get("/MarkInfo", {}).get("/Marked")), "the PDF is not marked as tagged"
    found: list[tuple[str, str]] = []

    def walk(node) -> None:
        node = node.get_object()
        if not hasattr(node, "get"):
            return  # a marked-content id: the leaf's content
        if "/S" in node:
            found.append((str(node["/S"]).lstrip("/"), str(node.get("/Alt", ""))))
        kids = node.get("/K")
        for kid in kids if isinstance(kids, list) else [kids] if kids is not None else []:
            walk(kid)

    walk(root["/StructTreeRoot"])
    return found
