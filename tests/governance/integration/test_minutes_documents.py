"""The minutes and the action log as at the meeting as Word and PDF, opened as a reader would
(LibreOffice, poppler): the demo partnership minutes of 21 May 2014 in seed 003's style."""

import pytest
from django.urls import reverse

from tests.office import docx_as_text, pdf_text

pytestmark = pytest.mark.django_db

MEETING = ["cypfp", "2014-05-21"]


@pytest.mark.slow
def test_the_minutes_download_as_word_and_pdf_that_open(client, users, tmp_path):
    client.force_login(users["performance_officer"])
    docx = tmp_path / "minutes.docx"
    docx.write_bytes(client.get(reverse("governance:minutes_download", args=[*MEETING, "docx"])).content)
    pdf = client.get(reverse("governance:minutes_download", args=[*MEETING, "pdf"])).content
    for words in (docx_as_text(docx, tmp_path), pdf_text(pdf, tmp_path)):
        assert "CHILDREN, YOUNG PEOPLE AND FAMILIES PARTNERSHIP" in words
        assert "Wednesday 21 May 2014, Town Hall, Moorgate Street, Rotherham. S60 2TH" in words
        assert "269. MINUTES OF THE PREVIOUS MEETING" in words
        assert "271. SPECIAL EDUCATIONAL NEEDS AND DISABILITY REFORMS - UPDATE" in words
        assert "Resolved:- (1) That the report be noted." in words
        assert (
            "(2) That the report be forwarded to the Health and Wellbeing Board for consideration." in words
        )
        assert "Draft minutes" in words


@pytest.mark.slow
def test_the_log_as_at_the_meeting_downloads_as_word_and_pdf_that_open(client, users, tmp_path):
    client.force_login(users["viewer"])
    args = ["rlscb", "2014-06-05"]
    docx = tmp_path / "log.docx"
    docx.write_bytes(client.get(reverse("governance:meeting_log_download", args=[*args, "docx"])).content)
    pdf = client.get(reverse("governance:meeting_log_download", args=[*args, "pdf"])).content
    for words in (docx_as_text(docx, tmp_path), pdf_text(pdf, tmp_path)):
        assert "Actions Points Raised / On-Going as at 05.06.2014" in words
        assert "Actions Points Discharged on 05.06.2014" in words
