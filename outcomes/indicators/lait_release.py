"""A LAIT release uploaded in the page (the performance officer's quarterly job), imported as a job
with its recompute, as ``import_lait`` imports a folder.

DfE publishes the release as the files of ``lait.py``'s folder. The page takes them as one .zip (the
folder zipped, at any depth inside it), or the long data file ``bds_long_0.parquet`` alone, the part
that changes each quarter: files a release leaves out (the dictionary, the LA code list, the
neighbour lists) are taken from the release already held (``OUTCOMES_LAIT_DIR``; decision 0113).
The file is checked before it is queued, so that a wrong file is refused on the page itself.
"""

import io
import shutil
import tempfile
import zipfile
from pathlib import Path, PurePosixPath
from typing import NoReturn

from django.conf import settings
from django.urls import reverse

from outcomes.core.imports.limits import bytes_words, limits
from outcomes.core.imports.problems import ImportFailed, Problem
from outcomes.indicators.lait import CODE_LIST_FILE, DATA_FILE, DICTIONARY_FILE, NEIGHBOUR_FILES, import_lait
from outcomes.jobs.models import JobFile
from outcomes.jobs.queue import job_task, report_progress

RELEASE_FILES = (DATA_FILE, DICTIONARY_FILE, CODE_LIST_FILE, *NEIGHBOUR_FILES)
PARQUET_MAGIC = b"PAR1"


def release_files(data: bytes, name: str) -> dict[str, bytes]:
    """The release's files in an upload, by their LAIT names; ImportFailed naming what is wrong."""
    if name.lower().endswith(".parquet"):
        files = {DATA_FILE: data}
    elif zipfile.is_zipfile(io.BytesIO(data)):
        files = _from_zip(data, name)
    else:
        _refuse(name, "", f"This is neither a .zip of the LAIT files nor {DATA_FILE}.")
    if DATA_FILE not in files:
        _refuse(name, "", f"The .zip has no {DATA_FILE}, the file of LAIT's values.")
    if files[DATA_FILE][:4] != PARQUET_MAGIC or files[DATA_FILE][-4:] != PARQUET_MAGIC:
        _refuse(name, DATA_FILE, "This is not a Parquet file, as DfE publishes LAIT's values.")
    return files


def _refuse(name: str, where: str, message: str) -> NoReturn:
    raise ImportFailed(name, [Problem(where, message)])


def _from_zip(data: bytes, name: str) -> dict[str, bytes]:
    most = limits().expanded_bytes
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        wanted = [info for info in archive.infolist() if PurePosixPath(info.filename).name in RELEASE_FILES]
        expanded = sum(info.file_size for info in wanted)
        if expanded > most:
            words = f"{bytes_words(expanded)} unpacked, more than {bytes_words(most)}"
            _refuse(name, "", f"Its LAIT files come to {words}.")
        files = {}
        for info in wanted:
            with archive.open(info) as member:
                files[PurePosixPath(info.filename).name] = member.read(most + 1)[:most]
    return files


def unpack(files: dict[str, bytes], folder: Path) -> list[str]:
    """Write the release into ``folder``, the files it leaves out copied from the release held;
    returns the names taken from there."""
    held = Path(settings.OUTCOMES_LAIT_DIR)
    borrowed = []
    for file_name in RELEASE_FILES:
        if file_name in files:
            (folder / file_name).write_bytes(files[file_name])
        elif (held / file_name).is_file():
            shutil.copyfile(held / file_name, folder / file_name)
            borrowed.append(file_name)
    return borrowed


@job_task
def import_lait_release(job, *, measures: list[str] | None = None) -> dict:
    """The uploaded release imported with its recompute, all or nothing."""
    upload = job.files.get(purpose=JobFile.INPUT)
    report_progress(job.pk, 0, 100, "Reading the files")
    files = release_files(bytes(upload.data), upload.name)
    with tempfile.TemporaryDirectory(prefix="outcomes-lait-") as folder:
        borrowed = unpack(files, Path(folder))

        def progress(fraction: float, message: str) -> None:
            report_progress(job.pk, round(fraction * 100), 100, message)

        result = import_lait(
            folder, measures=measures, user=job.started_by, progress=progress, source=upload.name
        )
    lines = result.summary().splitlines()
    if borrowed:
        lines.append(f"Taken from the release held before, as the upload had none: {', '.join(borrowed)}")
    return {
        "summary": f"Imported the LAIT release {upload.name}.",
        "lines": lines,
        "link": reverse("indicators:areas"),
        "link_text": "See the areas' scorecards",
    }


@job_task
def import_lait_folder(
    job, *, folder: str, measures: list[str] | None = None, recompute: bool = True
) -> dict:
    """A release already on the server (``manage.py import_lait FOLDER``) imported as a job."""

    def progress(fraction: float, message: str) -> None:
        report_progress(job.pk, round(fraction * 100), 100, message)

    result = import_lait(
        folder, measures=measures, user=job.started_by, recompute=recompute, progress=progress
    )
    return {"summary": f"Imported the LAIT files in {folder}.", "lines": result.summary().splitlines()}
