"""The borough's report and each school's report against the borough, as the pages, workbooks,
PDFs and ``survey_report`` show them."""

from outcomes.surveys.results import kept
from outcomes.surveys.results.comparison import compare_with_earlier
from outcomes.surveys.results.figures import Results


def borough_results(edition, *, threshold: int | None = None, compare: bool = True) -> Results:
    """Every question's borough-wide frequencies, split by gender and ethnic group, suppressed, and
    compared with earlier editions where the question is unchanged."""
    results = kept.borough_figures(edition, threshold)
    if compare:
        compare_with_earlier(results)
    return results


def school_results(edition, school, *, threshold: int | None = None) -> Results:
    """One school's frequencies (with its own gender and ethnic splits), each beside the borough's
    percentage, suppressed."""
    return kept.school_figures(edition, school, threshold)
