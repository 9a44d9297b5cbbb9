"""Plans sits below indicators: it shows other apps' milestone panels without importing them."""

import ast
from pathlib import Path

import outcomes.plans
from outcomes.plans.panels import register_milestone_panel, registered_panels, unregister_milestone_panel

PLANS = Path(outcomes.plans.__file__).parent


def imported_modules(path: Path) -> set[str]:
    """Every module a file imports, function-local imports included."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_plans_imports_nothing_from_indicators():
    files = sorted(PLANS.rglob("*.py"))
    assert len(files) > 10
    upward = {
        str(path.relative_to(PLANS)): sorted(
            m for m in imported_modules(path) if m.startswith("outcomes.indicators")
        )
        for path in files
    }
    assert {path: mods for path, mods in upward.items() if mods} == {}


def test_plans_templates_include_nothing_from_indicators():
    templates = sorted(PLANS.rglob("*.html"))
    assert templates
    assert [
        str(t.relative_to(PLANS)) for t in templates if "indicators/" in t.read_text(encoding="utf-8")
    ] == []


def test_panels_come_in_order_and_a_name_registered_again_replaces_the_panel():
    def nothing(request, milestone):
        return None

    try:
        register_milestone_panel("test.late", "late.html", nothing, order=900)
        register_milestone_panel("test.early", "early.html", nothing, order=-5)
        register_milestone_panel("test.early", "earlier.html", nothing, order=-5)
        names = [p.name for p in registered_panels()]
        assert names[0] == "test.early"
        assert names[-1] == "test.late"
        assert names.count("test.early") == 1
        assert registered_panels()[0].template == "earlier.html"
    finally:
        unregister_milestone_panel("test.late")
        unregister_milestone_panel("test.early")
    assert not [p for p in registered_panels() if p.name.startswith("test.")]


def test_indicators_registers_its_linked_indicator_panel_when_ready():
    assert "indicators.linked_indicator" in [p.name for p in registered_panels()]
