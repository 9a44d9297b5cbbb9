"""What changed between two published versions of a round's report, in words (issue 14).

Read from the two stored JSONs, so that the list says what a reader of the earlier version would
find different in the later one: "P1 M28: status Amber → Red.", "Overview: Amber 103 → 102, Red 16
→ 17.", "P1 M28: update text changed."
"""

from outcomes.plans.history import rag_words


def _milestones(content: dict) -> dict[tuple[int, int], dict]:
    return {(p["number"], m["number"]): m for p in content["priorities"] for m in p["milestones"]}


def _status(m: dict, labels: dict[str, str]) -> str:
    return rag_words(m["rag"], labels) or "no status"


def describe_changes(before: dict, after: dict) -> list[str]:
    labels = {s["key"]: s["label"] for s in after["legend"]}
    states = {"submitted": "awaiting approval", "approved": "approved", "no_update": "no update provided"}
    lines = []
    if not before["round"]["closed"] and after["round"]["closed"]:
        lines.append("The round has closed since the version replaced: this version is final, not interim.")
    totals_before, totals_after = before["overview"]["shown"]["total"], after["overview"]["shown"]["total"]
    moved = [
        f"{labels[key]} {totals_before.get(key, 0)} → {totals_after[key]}"
        for key in labels
        if totals_before.get(key, 0) != totals_after[key]
    ]
    if moved:
        lines.append(f"Overview: {', '.join(moved)}.")
    if before["overview"]["shown"]["percent"] != after["overview"]["shown"]["percent"]:
        lines.append("Overview percentages changed.")
    line_before = (before.get("summary") or {}).get("line")
    line_after = (after.get("summary") or {}).get("line")
    if line_after and line_before != line_after:
        lines.append(f"Summary: {line_before or 'none'} → {line_after}.")
    old, new = _milestones(before), _milestones(after)
    for key in sorted(set(old) | set(new)):
        reference = f"P{key[0]} M{key[1]}"
        if key not in old:
            lines.append(f"{reference}: added to the report.")
            continue
        if key not in new:
            lines.append(f"{reference}: no longer in the report.")
            continue
        a, b = old[key], new[key]
        if rag_words(a["rag"], labels) != rag_words(b["rag"], labels):
            lines.append(f"{reference}: status {_status(a, labels)} → {_status(b, labels)}.")
        if (a["update"] or "") != (b["update"] or "") or a.get("update_tables") != b.get("update_tables"):
            lines.append(f"{reference}: update text changed.")
        if a["state"] != b["state"] and b["state"] is not None:
            lines.append(f"{reference}: update now {states.get(b['state'], b['state'])}.")
        if a["text"] != b["text"] or a.get("sub_heading") != b.get("sub_heading"):
            lines.append(f"{reference}: milestone wording changed.")
        if a.get("direction") != b.get("direction") or a.get("current") != b.get("current"):
            lines.append(f"{reference}: direction of travel or current performance changed.")
        if a.get("overdue") != b.get("overdue"):
            lines.append(f"{reference}: {'now overdue' if b.get('overdue') else 'no longer overdue'}.")
        if a["leads"] != b["leads"]:
            lines.append(f"{reference}: leads changed.")
    return lines or ["Nothing in the report changed: published again as it was."]
