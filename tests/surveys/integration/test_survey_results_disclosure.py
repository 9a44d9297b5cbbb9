"""THE walk through every output of the demo results: no figure based on fewer pupils than the
edition's threshold appears (the borough's 10 in the demo; an edition may set a higher one, and the
walk is also made at 30), and no suppressed figure can be worked out from the figures that are shown.

For each audience - the borough report's readers, and each school's own account - every output
they can open is fetched: survey_report's JSON, the pages, the Excel workbooks and the PDFs (read
back with pdftotext). The JSON is checked figure by figure, and then audited against the responses
themselves, independently of the suppression code: for each question, the pupils are split into
the finest cells the published figures are sums of (gender x ethnic group x this answer x the
answers its condition reads), every figure of the question and of the questions that route pupils
to it is written over those cells, cells that the shown figures prove empty are dropped (nothing is
negative), and a suppressed figure must not be a combination of the shown ones. The pages, workbook
and PDF must show exactly those figures and [c] where the JSON has null (decision 0031).
"""

import io
import itertools
import json
import re
import shutil
import subprocess
from html.parser import HTMLParser

import numpy as np
import pytest
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from outcomes.surveys import conditions, releases
from outcomes.surveys import questionnaire as questionnaires
from outcomes.surveys.models import Edition, Response, School
from outcomes.surveys.questionnaire import FIRST_CHOICE, NOT_ANSWERED, NOT_SHOWN, TICKED
from outcomes.surveys.results import reports
from outcomes.surveys.results_export import SUPPRESSED, participation_tables, question_tables
from outcomes.surveys.results_summary import in_reading_order, layout

pytestmark = pytest.mark.django_db
SLUG = "primary-2009"
SCHOOLS = [
    "greasbrough",
    "harthill",
    "kiveton-park-meadows",
    "ravenfield",
    "rawmarsh-sandhill",
    "rawmarsh-thorogate",
    "rockingham",
    "st-albans",
    "st-gerards",
    "st-thomas",
    "swallownest",
    "swinton-brookfield",
    "swinton-fitzwilliam",
    "wath-central",
    "wickersley-northfield",
]


# --- 1. every figure of the JSON ------------------------------------------------------------------


def small(value, threshold: int) -> bool:
    return value is not None and 0 < value < threshold


def assert_no_small_figure(data: dict, threshold: int) -> None:
    assert data["threshold"] == threshold
    for question in data["questions"]:
        for row in question["rows"]:
            for group in row["breakdowns"]:
                where = (question["name"], row["row"], group["label"])
                for base in ("respondents", "shown", "answered"):
                    assert not small(group[base]["count"], threshold), where
                    assert (group[base]["count"] is None) == bool(group[base]["reason"]), where
                for entry in group["options"]:
                    assert not small(entry["count"], threshold), where
                    assert (entry["count"] is None) == bool(entry["reason"]) or entry["base"] is None, where
                    for share, base in (
                        (entry["percentage"], entry["base"]),
                        (entry["of_shown"]["percentage"], entry["of_shown"]["base"]),
                        (entry["of_respondents"]["percentage"], entry["of_respondents"]["base"]),
                    ):
                        if share is not None:
                            assert entry["count"] is not None, where
                            assert base is not None, where
                            assert base >= threshold, where
    for row in data.get("participation", []):
        assert not small(row["respondents"], threshold), row
        assert (row["respondents"] is None) == (row["reason"] is not None)
        assert row["rate"] is None or row["respondents"] is not None
    for area in data.get("participation_by_area", []):
        assert not small(area["respondents"], threshold), area


# --- 2. nothing suppressed can be worked out -------------------------------------------------------


class Pupils:
    """The scope's responses decoded one by one: each pupil's gender, ethnic group and answer codes."""

    def __init__(self, edition, school=None):
        self.q = questionnaires.load(edition)
        rows = Response.objects.filter(edition=edition)
        if school is not None:
            rows = rows.filter(school=school)
        self.rows = [(r.gender, r.ethnic_group, bytes(r.codes)) for r in rows]

    def outcome(self, codes: bytes, item, row=None):
        """What a pupil did with a question: NOT_SHOWN, NOT_ANSWERED or the choice's code; for a
        whole grid, the tuple of its rows'; for a tick-box, TICKED or not."""
        if item.type == "grid" and row is None:
            return tuple(codes[i] for i in self.q.item_slots(item.name))
        if item.type == "grid":
            return codes[self.q.slot_index[(item.name, row)]]
        first = codes[self.q.item_slots(item.name).start]
        return min(first, FIRST_CHOICE) if item.type in {"select_multiple", "text"} else first


def possible(q, item, row=None):
    """What a pupil can have done with a question: a question always shown cannot be "not shown"."""
    if item.type == "grid" and row is None:
        return list(itertools.product(*[possible(q, item, r.name) for r in item.rows]))
    section = next(s for s in q.sections if item in s.items)
    always = item.condition is None and section.condition is None
    hidden = [] if always else [NOT_SHOWN]
    if item.type in {"select_multiple", "text"}:
        return [*hidden, NOT_ANSWERED, FIRST_CHOICE]
    return [*hidden, NOT_ANSWERED, *range(FIRST_CHOICE, FIRST_CHOICE + len(item.choices))]


def as_answer(item, outcome, row=None):
    if item.type == "grid" and row is None:
        return {
            r.name: item.choices[o - FIRST_CHOICE].name
            for r, o in zip(item.rows, outcome, strict=True)
            if o >= 2
        }
    if item.type == "grid":
        return {row: item.choices[outcome - FIRST_CHOICE].name} if outcome >= FIRST_CHOICE else {}
    return item.choices[outcome - FIRST_CHOICE].name if outcome >= FIRST_CHOICE else None


def in_group(gender: str, ethnic: str, group: dict) -> bool:
    if group["breakdown"] == "gender":
        return gender == group["group"]
    if group["breakdown"] == "ethnicity":
        return ethnic == group["group"]
    return True


def audit_question(pupils: Pupils, data: dict, name: str) -> list:
    """The suppressed figures of one question (and of the questions routing to it) that the shown
    ones give away; each grid row and each box of a tick-as-many is audited on its own."""
    q = pupils.q
    item = q.by_name[name]
    found = []
    published = {question["name"]: question for question in data["questions"]}
    for row in published[name]["rows"]:
        refs = list(dict.fromkeys((r.name, r.row) for r in conditions.references(item.condition)))
        ref_items = [(q.by_name[n], r) for n, r in refs]
        boxes = [None] if item.type != "select_multiple" else list(range(len(item.choices)))
        for box in boxes:
            found += _audit(pupils, published, item, row, ref_items, box)
    return found


def _audit(pupils: Pupils, published: dict, item, row: dict, ref_items: list, box) -> list:
    q = pupils.q
    row_name = row["row"]
    outcomes = possible(q, item, row_name)
    if box is not None:  # one box of a tick-as-many: ticked, or answered without it
        outcomes = [NOT_SHOWN, NOT_ANSWERED, "ticked", "not ticked"]
    genders = sorted({g for g, _, _ in pupils.rows})
    ethnic = sorted({e for _, e, _ in pupils.rows})
    cells = []
    for g, e, own, *theirs in itertools.product(
        genders, ethnic, outcomes, *[possible(q, i, r) for i, r in ref_items]
    ):
        if ref_items:
            if any(t == NOT_SHOWN or (isinstance(t, tuple) and NOT_SHOWN in t) for t in theirs):
                holds = False
            else:
                merged: dict = {}
                for (i, r), t in zip(ref_items, theirs, strict=True):
                    value = as_answer(i, t, r)
                    if isinstance(value, dict):
                        merged.setdefault(i.name, {}).update(value)
                    else:
                        merged[i.name] = value
                holds = conditions.evaluate(item.condition, merged)
            if holds != (own != NOT_SHOWN):
                continue
        elif own == NOT_SHOWN and item.condition is None:
            continue
        cells.append((g, e, own, *theirs))
    index = {cell: position for position, cell in enumerate(cells)}
    counts = np.zeros(len(cells))
    for g, e, codes in pupils.rows:
        own = pupils.outcome(codes, item, row_name)
        if box is not None and own == FIRST_CHOICE:
            own = "ticked" if codes[q.item_slots(item.name).start + box] == TICKED else "not ticked"
        key = (g, e, own, *[pupils.outcome(codes, i, r) for i, r in ref_items])
        counts[index[key]] += 1

    figures = []  # (label, member cells, published value or None)

    def add(label, table_row: dict, test, position: int, pick) -> None:
        for group in table_row["breakdowns"]:
            members = [
                c
                for c, cell in enumerate(cells)
                if in_group(cell[0], cell[1], group) and test(cell[position])
            ]
            figures.append(((*label, group["label"]), members, pick(group)))

    sources = [(item, row, 2, box)] + [
        (i, _row_of(published, i, r), 3 + n, None)
        for n, (i, r) in enumerate(ref_items)
        if i.type != "grid" or r
    ]
    for source_item, source_row, position, source_box in sources:
        add(
            (source_item.name, "respondents"),
            source_row,
            lambda o: True,
            position,
            lambda group: group["respondents"]["count"],
        )
        add(
            (source_item.name, "shown"),
            source_row,
            lambda o: o != NOT_SHOWN,
            position,
            lambda group: group["shown"]["count"],
        )
        add(
            (source_item.name, "answered"),
            source_row,
            lambda o: o not in (NOT_SHOWN, NOT_ANSWERED),
            position,
            lambda group: group["answered"]["count"],
        )
        if source_item.type == "text" or (source_item.type == "select_multiple" and position != 2):
            continue
        choices = list(enumerate(source_item.choices))
        if source_box is not None:
            choices = [(source_box, source_item.choices[source_box])]
        for order, choice in choices:
            want = "ticked" if source_item.type == "select_multiple" else FIRST_CHOICE + order

            def pick(group, name=choice.name):
                return next(o["count"] for o in group["options"] if o["option"] == name)

            add((source_item.name, choice.name), source_row, lambda o, want=want: o == want, position, pick)

    shown = [(members, value) for _, members, value in figures if value is not None]
    for members, value in shown:
        assert round(counts[members].sum()) == value, "a published figure does not match the responses"
    direct_zero = {c for members, value in shown if value == 0 for c in members}
    zero = set(direct_zero)
    sets = [(frozenset(m), v) for m, v in shown]
    for outer, value in sets:
        for inner, inner_value in sets:
            if inner < outer and inner_value == value:
                zero |= outer - inner
    keep = [c for c in range(len(cells)) if c not in zero]
    column = {c: i for i, c in enumerate(keep)}

    def vector(members):
        v = np.zeros(len(keep))
        for c in members:
            if c in column:
                v[column[c]] = 1
        return v

    basis = np.array([vector(m) for m, _ in shown]) if shown else np.zeros((0, len(keep)))
    rank = np.linalg.matrix_rank(basis) if len(basis) else 0
    given_away = []
    for label, members, value in figures:
        if value is not None or set(members) <= direct_zero or not members:
            continue
        if np.linalg.matrix_rank(np.vstack([basis, vector(members)])) == rank:
            given_away.append(label)
    return given_away


def _row_of(published: dict, item, row_name):
    rows = published[item.name]["rows"]
    return next(r for r in rows if r["row"] == row_name) if row_name else rows[0]


def assert_nothing_recoverable(data: dict, pupils: Pupils) -> None:
    given_away = []
    for question in data["questions"]:
        if pupils.q.by_name[question["name"]].breakdown:
            continue
        given_away += audit_question(pupils, data, question["name"])
    assert given_away == []


def assert_participation_protected(data: dict) -> None:
    """School counts within their areas and the borough: as above, with each school a cell."""
    schools = data["participation"]
    areas = sorted({row["area"] for row in schools})
    figures = [([i], row["respondents"]) for i, row in enumerate(schools)]
    figures += [
        (
            [i for i, r in enumerate(schools) if r["area"] == a],
            next(x["respondents"] for x in data["participation_by_area"] if x["area"] == a),
        )
        for a in areas
    ]
    figures.append((list(range(len(schools))), data["coverage"]["respondents"]))
    shown = [m for m, v in figures if v is not None]
    basis = np.zeros((len(shown), len(schools)))
    for row, members in enumerate(shown):
        basis[row, members] = 1
    rank = np.linalg.matrix_rank(basis)
    for members, value in figures:
        if value is None:
            v = np.zeros(len(schools))
            v[members] = 1
            assert np.linalg.matrix_rank(np.vstack([basis, v])) > rank, [
                schools[i]["school"] for i in members
            ]


# --- 3. the pages, workbooks and PDFs show those figures and no others ------------------------------


class Tables(HTMLParser):
    """The results tables of a page: caption and each row's cells as read (the [c] cells with the
    reason a screen reader hears)."""

    def __init__(self):
        super().__init__()
        self.tables, self.cell, self.in_caption, self.hidden = [], None, False, False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table" and "app-results-table" in (attrs.get("class") or ""):
            self.tables.append({"caption": "", "rows": []})
        elif not self.tables:
            return
        elif tag == "caption":
            self.in_caption = True
        elif tag == "tr":
            self.tables[-1]["rows"].append([])
        elif tag in ("td", "th"):
            self.cell = ""
        elif tag == "span" and "govuk-visually-hidden" in (attrs.get("class") or ""):
            self.hidden = True
            self.cell += "|"

    def handle_endtag(self, tag):
        if tag == "caption":
            self.in_caption = False
        elif tag in ("td", "th") and self.cell is not None:
            self.tables[-1]["rows"][-1].append(self.cell.strip())
            self.cell = None
        elif tag == "span":
            self.hidden = False

    def handle_data(self, data):
        if self.in_caption:
            self.tables[-1]["caption"] += data
        elif self.cell is not None:
            self.cell += data


def expected_tables(tables) -> list:
    return [
        {
            "caption": t.caption,
            "rows": [t.columns]
            + [
                [c.text if not c.suppressed else f"{SUPPRESSED}|suppressed: {c.reason}" for c in r]
                for r in t.rows
            ],
        }
        for t in tables
    ]


def assert_page_shows(client, url: str, tables) -> None:
    page = client.get(url)
    assert page.status_code == 200
    parser = Tables()
    parser.feed(page.content.decode())
    assert parser.tables == expected_tables(tables)


def assert_workbook_shows(client, url: str, data: dict, threshold: int) -> None:
    wb = load_workbook(io.BytesIO(client.get(url).content))
    if "Frequencies" in wb.sheetnames:
        sheet = list(wb["Frequencies"].iter_rows(values_only=True))
        header = sheet[0]
        expected = []
        for question in data["questions"]:
            for row in question["rows"]:
                for group in row["breakdowns"]:
                    if not group["options"]:
                        expected.append(group["answered"]["count"])
                    for entry in group["options"]:
                        expected.append(entry["count"])
        counts = [r[header.index("Count")] for r in sheet[1:] if r[header.index("Answer")] != "(free text)"]
        counts_of_text = [
            r[header.index("Base (answered)")]
            for r in sheet[1:]
            if r[header.index("Answer")] == "(free text)"
        ]
        shown = counts + counts_of_text
        assert sorted(map(str, shown)) == sorted(SUPPRESSED if c is None else str(c) for c in expected)
        for r in sheet[1:]:
            for name in ("Count", "Base (answered)", "Shown the question", "All pupils"):
                value = r[header.index(name)]
                assert value in (None, SUPPRESSED) or not small(value, threshold), r
    for name in wb.sheetnames:
        if not name.startswith("Participation"):
            continue
        rows = list(wb[name].iter_rows(values_only=True))
        header = rows[0]
        for r in rows[1:]:
            if r and r[0] and len(r) > 1 and "Respondents" in header:
                value = r[header.index("Respondents")]
                assert value == SUPPRESSED or not small(value, threshold), r


def pdf_tokens(content: bytes, tmp_path) -> list[str]:
    if not shutil.which("pdftotext"):
        pytest.fail("pdftotext is needed: run `make test`, which installs poppler-utils")
    path = tmp_path / "report.pdf"
    path.write_bytes(content)
    text = subprocess.run(
        ["pdftotext", "-raw", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    return re.findall(r"\[c\]|\d[\d,.]*", text)


def model_tokens(tables, heading: str) -> list[str]:
    words = [heading]
    for t in tables:
        words.append(t.caption)
        words += t.columns
        words += [c.text for r in t.rows for c in r]
        words.append(t.note)
    return re.findall(r"\[c\]|\d[\d,.]*", " ".join(words))


def assert_pdf_shows(client, url: str, tables, heading: str, tmp_path) -> None:
    response = client.get(url)
    assert response["Content-Type"] == "application/pdf"
    found = pdf_tokens(response.content, tmp_path)
    expected = model_tokens(tables, heading)
    # Every number and [c] of the tables is in the PDF, and the PDF has no other.
    assert sorted(found) == sorted(expected)


def report(*args) -> dict:
    out = io.StringIO()
    call_command("survey_report", "--edition", SLUG, *args, stdout=out)
    return json.loads(out.getvalue())


def legend_heading(edition) -> str:
    from outcomes.surveys.results_export import legend, release_note

    release = releases.latest(edition)
    return f"{edition.title} {release_note(release)} {legend(release.threshold)}"


def test_the_borough_outputs_show_no_small_figure_and_give_none_away(client, users, tmp_path):
    walk_the_borough(client, users, tmp_path)


@pytest.mark.parametrize("code", SCHOOLS)
def test_each_schools_outputs_show_no_small_figure_and_give_none_away(client, users, tmp_path, code):
    walk_a_school(client, users, tmp_path, code)


def test_an_edition_with_its_own_threshold_of_30_is_walked_the_same(client, users, tmp_path):
    """A figure of 10 to 29 pupils is shown at the borough's 10: at the edition's 30 none is, in
    any output, and nothing hidden can be worked out (Wath Central: 41 pupils, groups of 10 to 29)."""
    edition = Edition.objects.get(slug=SLUG)
    shown_at_ten = [
        o.count.value
        for q in reports.school_results(edition, School.objects.get(code="wath-central")).questions
        for r in q.rows
        for g in r.groups
        for o in g.options
    ]
    assert any(c is not None and 10 <= c < 30 for c in shown_at_ten)
    edition.suppression_threshold = 30
    edition.save(update_fields=["suppression_threshold"])
    releases.publish(edition)
    walk_the_borough(client, users, tmp_path)
    walk_a_school(client, users, tmp_path, "wath-central")


def walk_the_borough(client, users, tmp_path) -> None:
    edition = Edition.objects.get(slug=SLUG)
    threshold = edition.suppression_threshold_in_force
    data = report()
    assert_no_small_figure(data, threshold)
    assert_nothing_recoverable(data, Pupils(edition))
    assert_participation_protected(data)

    client.force_login(users["performance_officer"])
    results, taking_part, _ = releases.borough_of(releases.latest(edition))
    kwargs = {"slug": SLUG}
    notes, laid_out = in_reading_order(layout(results, question_tables(results)))
    assert_page_shows(client, reverse("surveys:borough_report", kwargs=kwargs), laid_out)
    assert_page_shows(
        client, reverse("surveys:participation", kwargs=kwargs), participation_tables(taking_part, None)
    )
    assert_workbook_shows(client, reverse("surveys:borough_report_xlsx", kwargs=kwargs), data, threshold)
    assert_workbook_shows(client, reverse("surveys:participation_xlsx", kwargs=kwargs), data, threshold)
    heading = legend_heading(edition)
    assert_pdf_shows(
        client,
        reverse("surveys:borough_report_pdf", kwargs=kwargs),
        laid_out,
        " ".join([heading, *notes]),
        tmp_path,
    )
    assert_pdf_shows(
        client,
        reverse("surveys:participation_pdf", kwargs=kwargs),
        participation_tables(taking_part, None),
        heading,
        tmp_path,
    )


def walk_a_school(client, users, tmp_path, code: str) -> None:
    edition = Edition.objects.get(slug=SLUG)
    threshold = edition.suppression_threshold_in_force
    school = School.objects.get(code=code)
    release = releases.latest(edition)
    if releases.school_of(release, school) is None:
        # Too few pupils for a report of its own: none in any output (test_survey_releases.py).
        assert code in report()["schools_without_report"]
        return
    data = report("--school", code)
    assert_no_small_figure(data, threshold)
    assert_nothing_recoverable(data, Pupils(edition, school))

    client.force_login(users["performance_officer"])
    results, own, _ = releases.school_of(release, school)
    kwargs = {"slug": SLUG, "code": code}
    notes, laid_out = in_reading_order(layout(results, question_tables(results)))
    tables = participation_tables(None, own) + laid_out
    assert_page_shows(client, reverse("surveys:school_report", kwargs=kwargs), tables)
    assert_workbook_shows(client, reverse("surveys:school_report_xlsx", kwargs=kwargs), data, threshold)
    heading = " ".join([legend_heading(edition), *notes])
    assert_pdf_shows(client, reverse("surveys:school_report_pdf", kwargs=kwargs), tables, heading, tmp_path)
