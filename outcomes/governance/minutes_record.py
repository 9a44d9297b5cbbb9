"""The data checks about a meeting as its public minutes give them: findings about exempt items
are left out, as exempt business is left out of every public output (decision 0135)."""

from outcomes.core.checks import run_checks
from outcomes.governance.models import Meeting


def public_findings(meeting: Meeting) -> list[dict]:
    from outcomes.governance.checks import APP, EXEMPT

    return [
        {"rule": f.rule, "where": f.where, "message": f.message}
        for f in run_checks(APP, subject=f"meeting:{meeting.pk}", meeting=meeting)
        if EXEMPT not in f.subjects
    ]
