"""Panels that apps on higher floors add to a plan milestone's page.

Plans sits below indicators (and any later app that measures milestones), so it must not import them.
Instead such an app registers a panel when it is ready: a template and a function that gives the
template's context for one milestone, or None when the app has nothing to show there. The milestone
page renders every registered panel in turn, knowing nothing of what they show.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from outcomes.plans.models import Milestone

PanelContext = Callable[[HttpRequest, Milestone], dict | None]


@dataclass(frozen=True)
class MilestonePanel:
    name: str
    template: str
    context: PanelContext
    # Lower first; panels of equal order keep the order they were registered in.
    order: int = 100


_PANELS: dict[str, MilestonePanel] = {}


def register_milestone_panel(name: str, template: str, context: PanelContext, order: int = 100) -> None:
    """Registering the same name again replaces the panel (apps may be made ready twice in tests)."""
    _PANELS[name] = MilestonePanel(name=name, template=template, context=context, order=order)


def unregister_milestone_panel(name: str) -> None:
    _PANELS.pop(name, None)


def registered_panels() -> list[MilestonePanel]:
    return sorted(_PANELS.values(), key=lambda panel: panel.order)


def render_milestone_panels(request: HttpRequest, milestone: Milestone) -> list[SafeString]:
    """The HTML of each panel that has something to show for this milestone, in order."""
    rendered = []
    for panel in registered_panels():
        context = panel.context(request, milestone)
        if context is not None:
            # The template escaped what it shows; its output is HTML to place as it is.
            rendered.append(mark_safe(render_to_string(panel.template, context, request=request)))
    return rendered
