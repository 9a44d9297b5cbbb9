"""Live figure blocks: what a block shows, computed by the functions that compute the figure for
its own pages (the progress report, the indicator scorecard and series, the survey release), never
a second way. A block's content is plain JSON: the draft computes it each time it is shown; the
publication keeps it as it was (services.publish_paper), and ``changed_figures`` compares the two.

Content: {"id", "kind", "heading", "as_at", "source", "paragraphs", "table", "svg", "alt",
"notes", "figures"}; a table is {"caption", "header": [texts], "rows": [[{"text", "value"}]]}, its
first column naming the row; "figures" names every figure shown ("Total – Green": "40").
"""

from datetime import date
from decimal import Decimal
from fractions import Fraction

from outcomes.core.formatting import format_date, format_weight
from outcomes.indicators.areas import home_area
from outcomes.indicators.charts import render_trend_chart
from outcomes.indicators.models import ExceptionRecord
from outcomes.indicators.views.figures import scorecard, series_for
from outcomes.papers.models import FigureBlock
from outcomes.plans.rules import NO_RED_MILESTONES_TEXT
from outcomes.reports.progress import build_progress_report
from outcomes.reports.wording import key_issue_rows, notes, overview_label
from outcomes.surveys import releases
from outcomes.surveys.results_export import question_tables, release_note
from outcomes.surveys.results_summary import layout


def cell(text, value=None) -> dict:
    if isinstance(value, Fraction | Decimal):
        value = float(value)
    value = getattr(value, "value", value)  # a download Number
    if isinstance(value, Fraction | Decimal):
        value = float(value)
    return {"text": str(text), "value": value}


def table(caption: str, header: list[str], rows: list[list[dict]]) -> dict:
    return {"caption": caption, "header": header, "rows": rows}


def named_figures(content_table: dict | None) -> dict[str, str]:
    """Every figure of a table by its row and column ("Total – Green"), the row's first cell naming
    the row: what ``changed_figures`` compares."""
    if not content_table:
        return {}
    found = {}
    header = content_table["header"]
    for row in content_table["rows"]:
        name = " ".join(row[0]["text"].split())[:120]
        for column, each in zip(header[1:], row[1:], strict=False):
            found[f"{name} – {column}"] = each["text"]
    return found


def _content(block: FigureBlock, heading: str, as_at: date, **parts) -> dict:
    content = {
        "id": block.pk,
        "kind": block.kind,
        "heading": block.caption or heading,
        "as_at": as_at.isoformat(),
        "source": "",
        "paragraphs": [],
        "table": None,
        "svg": None,
        "alt": "",
        "notes": [],
    }
    content.update(parts)
    content["figures"] = parts.pop("figures", None) or named_figures(content["table"])
    return content


def _gone(block: FigureBlock, what: str, as_at: date) -> dict:
    return _content(
        block,
        block.get_kind_display(),
        as_at,
        paragraphs=[f"The {what} this figure showed no longer exists."],
    )


# --- plan rounds ----------------------------------------------------------------------------------


def _round_source(round_) -> str:
    return f"{round_.plan.title}, {round_.title}"


def round_overview(block: FigureBlock, as_at: date) -> dict:
    report = build_progress_report(block.round)
    header = ["Priority", *(s.label for s in report.statuses), "Total"]
    rows = [
        [cell(overview_label(report, row))]
        + [cell(format_weight(cells[k], 1), cells[k]) for k in report.keys]
        + [cell(row.total, row.total)]
        for row, cells in zip(report.overview, report.figures.rows, strict=True)
    ]
    rows.append(
        [cell("Total")]
        + [cell(report.figures.totals[k], report.figures.totals[k]) for k in report.keys]
        + [cell(report.grand_total, report.grand_total)]
    )
    rows.append(
        [cell("%")] + [cell(report.percents[k], report.percents[k]) for k in report.keys] + [cell("")]
    )
    return _content(
        block,
        f"Overview: {report.round.title}",
        as_at,
        source=_round_source(report.round),
        table=table("Delivery milestones by priority and RAG status", header, rows),
        notes=notes(report),
    )


def round_rag_summary(block: FigureBlock, as_at: date) -> dict:
    """The round's Total and % rows in one sentence, as seed 002 L1310 writes its RAG position."""
    report = build_progress_report(block.round)
    parts = [
        f"{s.label}: {report.figures.totals[s.key]} ({report.percents[s.key]}%)" for s in report.statuses
    ]
    figures = {f"{s.label}": str(report.figures.totals[s.key]) for s in report.statuses}
    figures |= {f"{s.label} %": str(report.percents[s.key]) for s in report.statuses}
    figures["Delivery milestones"] = str(report.grand_total)
    sentence = f"{', '.join(parts)}, of {report.grand_total} delivery milestones."
    return _content(
        block,
        f"RAG summary: {report.round.title}",
        as_at,
        source=_round_source(report.round),
        paragraphs=[sentence],
        figures=figures,
        notes=notes(report),
    )


def round_key_issues(block: FigureBlock, as_at: date) -> dict:
    report = build_progress_report(block.round)
    rows = []
    for number, entries in key_issue_rows(report):
        if entries is None:
            text = "Excluded from this report"
        elif not entries:
            text = NO_RED_MILESTONES_TEXT
        else:
            text = "\n".join(
                f"Milestone {e.milestone.number}: "
                + " ".join(
                    ((e.update.text if e.update and e.update.text else e.milestone.text) or "").split()
                )
                for e in entries
            )
        rows.append([cell(f"Priority {number}"), cell(text)])
    return _content(
        block,
        f"Key issues: {report.round.title}",
        as_at,
        source=_round_source(report.round),
        table=table("Milestones with a red status, by priority", ["Priority", "Issues"], rows),
    )


# --- indicators -------------------------------------------------------------------------------------


def indicator_latest(block: FigureBlock, as_at: date) -> dict:
    indicator, area = block.indicator, home_area()
    row = None
    if area is not None:
        row = next(
            (
                r
                for rows in scorecard(area, indicator.topic).values()
                for r in rows
                if r.indicator.pk == indicator.pk
            ),
            None,
        )
    heading = f"{indicator.code} {indicator.name}"
    if row is None:
        return _content(
            block, heading, as_at, paragraphs=["There is no figure for the partnership's area yet."]
        )
    lines = [
        ("Period", row.period, None),
        ("Value", row.value, row.figures.get("value")),
        (
            "Target",
            f"{row.target} ({row.on_target})" if row.target else str(row.on_target),
            row.figures.get("target_value"),
        ),
        (
            "Statistical neighbours' average",
            f"{row.sn} ({row.sn_judgement})" if row.sn else "",
            row.figures.get("sn_average"),
        ),
        (
            "England",
            f"{row.england} ({row.england_judgement})" if row.england else "",
            row.figures.get("england_value"),
        ),
        (
            "Direction of travel",
            str(row.dot) + (f" since {row.previous_period} ({row.previous})" if row.previous else ""),
            None,
        ),
    ]
    rows = [[cell(name), cell(text, value)] for name, text, value in lines]
    return _content(
        block,
        heading,
        as_at,
        source=f"{area.name}, {indicator.get_polarity_display().lower()}",
        table=table(f"{indicator.code}: latest figure for {area.name}", ["Figure", "Value"], rows),
    )


def indicator_chart(block: FigureBlock, as_at: date) -> dict:
    indicator, area = block.indicator, home_area()
    heading = f"{indicator.code} {indicator.name}"
    every = series_for(indicator, area) if area is not None else []
    if not every:
        return _content(
            block, heading, as_at, paragraphs=["There are no figures for the partnership's area yet."]
        )
    # The kind of period with the latest figure: a monthly series beside yearly outturns shows months.
    series = max(every, key=lambda s: s.rows[-1].period.sort_key)
    header = ["Period", "Value", "Target", "Statistical neighbours' average", "England"]
    rows = [
        [
            cell(r.period.label),
            cell(r.text, r.value.value if r.value else None),
            cell(r.target),
            cell(r.sn),
            cell(r.england),
        ]
        for r in series.rows
    ]
    chart = series.chart
    return _content(
        block,
        heading,
        as_at,
        source=area.name,
        table=table(chart.title, header, rows),
        svg=str(render_trend_chart(chart, f"paper-chart-{block.pk}")),
        alt=chart.title,
    )


def open_exceptions(block: FigureBlock, as_at: date) -> dict:
    records = ExceptionRecord.objects.filter(closed_at__isnull=True).select_related(
        "indicator", "area", "period"
    )
    if block.indicator_id:
        records = records.filter(indicator=block.indicator)
    area = home_area()
    if area is not None:
        records = records.filter(area=area)
    records = records.order_by("indicator__topic", "indicator__code", "kind")
    header = ["Indicator", "Period", "Exception", "Detail", "Opened"]
    rows = [
        [
            cell(f"{r.indicator.code} {r.indicator.name}"),
            cell(r.period.label),
            cell(r.get_kind_display()),
            cell(r.detail),
            cell(format_date(r.opened_at.date())),
        ]
        for r in records
    ]
    return _content(
        block,
        "Open exceptions",
        as_at,
        source=area.name if area else "",
        table=table("Indicators with an open exception", header, rows) if rows else None,
        paragraphs=[] if rows else ["There are no open exceptions."],
        figures={"Open exceptions": str(len(rows))} | named_figures(table("", header, rows)),
    )


# --- surveys --------------------------------------------------------------------------------------


def _released(block: FigureBlock, as_at: date):
    release = releases.latest(block.edition)
    if release is None:
        return None, _content(
            block,
            block.edition.title,
            as_at,
            paragraphs=[
                f"No release of {block.edition.title} has been published yet: its figures cannot be shown."
            ],
        )
    return release, None


def _survey_table(caption: str, found) -> dict:
    return table(caption, list(found.columns), [[cell(c.text, c.number) for c in row] for row in found.rows])


def survey_headline(block: FigureBlock, as_at: date) -> dict:
    release, empty = _released(block, as_at)
    if empty is not None:
        return empty
    results, _, _ = releases.borough_of(release)
    headline = layout(results, question_tables(results)).headline
    return _content(
        block,
        f"{block.edition.title}: headline figures",
        as_at,
        source=release_note(release),
        table=_survey_table(headline.caption, headline),
        notes=[f"Figures based on fewer than {release.threshold} pupils are suppressed ([c])."],
    )


def survey_question(block: FigureBlock, as_at: date) -> dict:
    release, empty = _released(block, as_at)
    if empty is not None:
        return empty
    results, _, _ = releases.borough_of(release)
    chosen = [
        t
        for t in question_tables(results)
        if t.anchor == block.question or t.anchor.startswith(f"{block.question}-")
    ]
    if not chosen:
        return _content(
            block,
            block.edition.title,
            as_at,
            paragraphs=[f"The question “{block.question}” is not in this release."],
        )
    first = chosen[0]
    tables = [_survey_table(t.caption, t) for t in chosen]
    merged = (
        tables[0]
        if len(tables) == 1
        else table(first.caption, tables[0]["header"], [r for t in tables for r in t["rows"]])
    )
    return _content(
        block,
        first.caption,
        as_at,
        source=release_note(release),
        table=merged,
        notes=[
            n
            for n in [
                first.note,
                f"Figures based on fewer than {release.threshold} pupils are suppressed ([c]).",
            ]
            if n
        ],
    )


BUILDERS = {
    FigureBlock.ROUND_OVERVIEW: (round_overview, "round"),
    FigureBlock.ROUND_RAG_SUMMARY: (round_rag_summary, "round"),
    FigureBlock.ROUND_KEY_ISSUES: (round_key_issues, "round"),
    FigureBlock.INDICATOR_LATEST: (indicator_latest, "indicator"),
    FigureBlock.INDICATOR_CHART: (indicator_chart, "indicator"),
    FigureBlock.SURVEY_HEADLINE: (survey_headline, "edition"),
    FigureBlock.SURVEY_QUESTION: (survey_question, "edition"),
    FigureBlock.OPEN_EXCEPTIONS: (open_exceptions, None),
}
SUBJECT_WORDS = {"round": "progress round", "indicator": "indicator", "edition": "survey edition"}


def live_content(block: FigureBlock, as_at: date) -> dict:
    """The block as the data stand now, saying "as at" ``as_at``."""
    builder, subject = BUILDERS[block.kind]
    if subject is not None and getattr(block, f"{subject}_id") is None:
        return _gone(block, SUBJECT_WORDS[subject], as_at)
    return builder(block, as_at)


def changed_figures(frozen: list[dict], live: list[dict]) -> list[str]:
    """What differs between the blocks as published and as the data stand now, one sentence each:
    "Overview: Update June 2014: Total – Amber was 103, now 102"."""
    before = {b["id"]: b for b in frozen}
    after = {b["id"]: b for b in live}
    sentences = []
    for key, now in after.items():
        was = before.get(key)
        if was is None:
            sentences.append(f"{now['heading']}: added since the last version.")
            continue
        old, new = was.get("figures", {}), now.get("figures", {})
        for name in list(new) + [n for n in old if n not in new]:
            if old.get(name) != new.get(name):
                was_shown, now_shown = old.get(name) or "not shown", new.get(name) or "not shown"
                sentences.append(f"{now['heading']}: {name} was {was_shown}, now {now_shown}.")
    for key, was in before.items():
        if key not in after:
            sentences.append(f"{was['heading']}: removed since the last version.")
    return sentences
