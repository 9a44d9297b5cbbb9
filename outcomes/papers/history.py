"""A paper's history in words: who started, wrote, placed figures in, published and revised it.
Sections are recorded under the heading printed, so each names itself; long texts are cut short
in the history (the versions keep them whole)."""

from django.contrib.contenttypes.models import ContentType

from outcomes.core.history import Field, HistoryRow, history_rows
from outcomes.core.models import ChangeRecord
from outcomes.papers.models import Paper

SHOWN = 160


def _short(value) -> str:
    text = " ".join(str(value).split())
    return text if len(text) <= SHOWN else text[: SHOWN - 1].rstrip() + "…"


def paper_history(paper: Paper) -> list[HistoryRow]:
    records = list(
        ChangeRecord.objects.filter(
            content_type=ContentType.objects.get_for_model(Paper), object_id=str(paper.pk)
        ).select_related("user")
    )
    names = {name for r in records for part in (r.before, r.after) if isinstance(part, dict) for name in part}
    return history_rows(records, {name: Field(name, _short, quoted=True) for name in names})
