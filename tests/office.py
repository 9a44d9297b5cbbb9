"""Reading a Word document the way a person would: LibreOffice opens it and prints it to PDF."""

import shutil
import subprocess
from pathlib import Path

import pytest


def docx_as_text(docx: Path, workdir: Path) -> str:
    """The document's text as LibreOffice lays it out, whitespace folded. Fails if it cannot open."""
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
        timeout=180,
    )
    pdf = workdir / (docx.stem + ".pdf")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return " ".join(text.split())
