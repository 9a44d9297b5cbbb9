"""Each question compared with earlier editions while it stays unchanged (notes-002 §3.4 items 2
and 11)."""

from outcomes.surveys import questionnaire as questionnaires
from outcomes.surveys.results import kept
from outcomes.surveys.results.figures import (
    ALL,
    CHANGED_NOTE,
    NEW_NOTE,
    NO_EARLIER_NOTE,
    Results,
    suppression_threshold,
)


def _same_question(item, earlier) -> bool:
    """Unchanged since the earlier edition: same type, label and choices (names and labels)."""
    return (
        earlier is not None
        and earlier.type == item.type
        and earlier.label.strip() == item.label.strip()
        and [(c.name, c.label) for c in earlier.choices] == [(c.name, c.label) for c in item.choices]
    )


def compare_with_earlier(results: Results) -> None:
    """Set each row's comparison and each all-pupils option's earlier percentages, going back
    edition by edition while the question stays unchanged (notes-002 §3.4 items 2 and 11)."""
    from outcomes.surveys.models import Edition

    edition = results.edition
    if edition is None:
        return
    earlier_editions = list(
        Edition.objects.filter(survey_id=edition.survey_id, phase=edition.phase, year__lt=edition.year)
        .exclude(pk=edition.pk)
        .order_by("-year")
    )
    earlier_results: dict[int, Results] = {}

    def results_of(other) -> Results:
        if other.pk not in earlier_results:
            # The stricter of the two: the earlier edition's figures are never shown here below the
            # threshold its own reports kept to.
            threshold = max(results.threshold, suppression_threshold(other))
            earlier_results[other.pk] = kept.borough_figures(other, threshold)
        return earlier_results[other.pk]

    q = questionnaires.load(edition)
    for question in results.questions:
        item = q.by_name[question.name]
        for row in question.rows:
            row.comparison = {"status": "none", "note": NO_EARLIER_NOTE, "editions": []}
            for option in row.group(ALL).options:
                option.previous = []
            for position, other in enumerate(earlier_editions):
                theirs = questionnaires.load(other)
                found = next((i for i in theirs.items if (i.key or i.name) == question.key), None)
                their_row = None
                if found is not None and row.name is not None:
                    their_row = next((r for r in found.rows if r.name == row.name), None)
                unchanged = _same_question(item, found) and (
                    row.name is None or (their_row is not None and their_row.label == row.label)
                )
                if not unchanged:
                    if position == 0:
                        note = CHANGED_NOTE if found is not None else NEW_NOTE
                        status = "changed" if found else "new"
                        row.comparison = {"status": status, "note": note, "editions": []}
                    break
                previous = results_of(other).question(found.name)
                their_result = next(r for r in previous.rows if r.name == row.name).group(ALL)
                editions = [*row.comparison.get("editions", []), {"slug": other.slug, "year": other.year}]
                row.comparison = {"status": "compared", "note": "", "editions": editions}
                for option in row.group(ALL).options:
                    theirs_option = next(o for o in their_result.options if o.name == option.name)
                    option.previous.append(
                        {
                            "edition": other.slug,
                            "year": other.year,
                            "percentage": theirs_option.percentage,
                            "reason": theirs_option.reason,
                        }
                    )
