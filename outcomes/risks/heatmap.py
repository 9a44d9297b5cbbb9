"""The heat map as a server-drawn SVG in the house style of indicators/charts.py: role="img" with a
title and a description that says what it shows, the count in every cell as text (never colour
alone), each cell linking to the list of its risks, and the data table beside it on the page."""

from markupsafe import Markup, escape

from outcomes.risks.state import HeatMap

CELL = 64
LEFT = 150
TOP = 16
BOTTOM = 120
ROOT = (
    'xmlns="http://www.w3.org/2000/svg" class="app-chart" width="100%" focusable="false" '
    "font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif\" "
    'style="max-width: 560px; height: auto"'
)
WHICH = {"before": "before mitigation", "after": "after mitigation"}


def describe(heat: HeatMap, which: str) -> str:
    total = heat.count(which)
    if not total:
        return f"No risk is rated {WHICH[which]}."
    parts = []
    for cell in sorted(heat.cells.values(), key=lambda c: (-c.likelihood, -c.impact)):
        count = getattr(cell, which)
        if count:
            parts.append(
                f"{count} at likelihood {cell.likelihood} ({heat.matrix.likelihoods[cell.likelihood - 1]}) "
                f"and impact {cell.impact} ({heat.matrix.impacts[cell.impact - 1]}), {cell.level.name}"
            )
    return f"{total} risk{'s' if total != 1 else ''} rated {WHICH[which]}: " + "; ".join(parts) + "."


def render(heat: HeatMap, which: str, cell_url=None, chart_id: str = "heat") -> Markup:
    """``cell_url(which, likelihood, impact)``: the address of the cell's list (None: no links)."""
    m = heat.matrix
    rows, cols = len(m.likelihoods), len(m.impacts)
    width, height = LEFT + cols * CELL + 16, TOP + rows * CELL + BOTTOM
    title_id, desc_id = f"{chart_id}-title", f"{chart_id}-desc"
    # With links in its cells the picture is a group of links (an image may hold none: axe's
    # nested-interactive); without, an image with its title and description.
    role = "group" if cell_url is not None else "img"
    parts = [
        f'<svg {ROOT} viewBox="0 0 {width} {height}" role="{role}" aria-labelledby="{title_id} {desc_id}">'
        f'<title id="{title_id}">Heat map of risks {WHICH[which]}</title>'
        f'<desc id="{desc_id}">{escape(describe(heat, which))}</desc>'
    ]
    for (li, im), cell in heat.cells.items():
        x = LEFT + (im - 1) * CELL
        y = TOP + (rows - li) * CELL
        count = getattr(cell, which)
        box = (
            f'<rect x="{x}" y="{y}" width="{CELL}" height="{CELL}" fill="{escape(cell.level.colour)}" '
            f'stroke="#ffffff" stroke-width="2"/>'
            f'<text x="{x + CELL / 2}" y="{y + CELL / 2 + 7}" text-anchor="middle" font-size="20" '
            f'font-weight="700" fill="#ffffff">{count if count else ""}</text>'
        )
        if count and cell_url is not None:
            label = f"{count} {WHICH[which]} at likelihood {li}, impact {im} ({cell.level.name})"
            box = f'<a href="{escape(cell_url(which, li, im))}" aria-label="{escape(label)}">{box}</a>'
        parts.append(box)
    for li, label in enumerate(m.likelihoods, start=1):
        label_y = TOP + (rows - li) * CELL + CELL / 2 + 4
        parts.append(
            f'<text x="{LEFT - 8}" y="{label_y}" text-anchor="end" font-size="12" fill="#0b0c0c">'
            f"{li} {escape(label)}</text>"
        )
    for im, label in enumerate(m.impacts, start=1):
        label_x = LEFT + (im - 1) * CELL + CELL / 2
        label_y = TOP + rows * CELL + 12
        parts.append(
            f'<text x="{label_x}" y="{label_y}" font-size="12" fill="#0b0c0c" text-anchor="end" '
            f'transform="rotate(-40 {label_x} {label_y})">{im} {escape(label)}</text>'
        )
    parts.append(
        f'<text x="{LEFT + cols * CELL / 2}" y="{height - 6}" text-anchor="middle" font-size="13" '
        f'fill="#0b0c0c">Impact</text>'
        f'<text x="14" y="{TOP + rows * CELL / 2}" font-size="13" fill="#0b0c0c" text-anchor="middle" '
        f'transform="rotate(-90 14 {TOP + rows * CELL / 2})">Likelihood</text>'
    )
    parts.append("</svg>")
    return Markup("".join(parts))
