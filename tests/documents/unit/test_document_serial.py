"""A document frozen as JSON comes back the same, and renders to the same bytes (decision 0095)."""

import json
from datetime import UTC, datetime

from outcomes.documents.render import render_docx, render_html
from outcomes.documents.serial import document_as_json, document_from_json
from tests.documents.unit.test_document_render import sample


def test_a_document_survives_json_unchanged():
    document = sample()
    data = json.loads(json.dumps(document_as_json(document)))
    again = document_from_json(data)
    assert again == document
    assert render_docx(again) == render_docx(document)
    assert render_html(again) == render_html(document)


def test_numbers_and_moments_keep_their_kind():
    document = sample(as_at=datetime(2014, 6, 30, 17, 5, tzinfo=UTC))
    again = document_from_json(json.loads(json.dumps(document_as_json(document))))
    overview = again.blocks[2].blocks[0]
    assert [c.value for c in overview.rows[0].cells] == [
        c.value for c in document.blocks[2].blocks[0].rows[0].cells
    ]
    assert type(overview.rows[0].cells[1].value).__name__ == "Fraction"
    assert type(overview.rows[0].cells[2].value).__name__ == "Decimal"
    assert again.as_at == datetime(2014, 6, 30, 17, 5, tzinfo=UTC)
