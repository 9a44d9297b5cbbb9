"""The Jinja2 environment behind every Outcomes page.

GOV.UK Frontend's components come from govuk-frontend-jinja (imported as
``govuk_frontend_jinja/components/<name>/macro.html``); our own templates live in each app's
``jinja2/`` folder.
"""

from fractions import Fraction

from django.contrib.auth.models import AnonymousUser
from django.contrib.messages import get_messages
from django.templatetags.static import static
from django.urls import reverse
from jinja2 import ChoiceLoader, Environment, PackageLoader, PrefixLoader, pass_context
from markupsafe import Markup, escape

from outcomes.content_security import body_script
from outcomes.core import links
from outcomes.core.dates import date_parts
from outcomes.core.formatting import (
    format_date,
    format_datetime,
    format_decimal,
    format_share,
    format_weight,
    fraction_text,
    ordinal,
)
from outcomes.home.navigation import nav_items


@pass_context
def link_to(context, obj, text: str, classes: str = "govuk-link") -> Markup:
    """A link to ``obj``'s page only if the reader may open it, else the text (core/links.py)."""
    request = context.get("request")
    return links.link_to(getattr(request, "user", AnonymousUser()), obj, text, classes)


def table_scroll(label: str, caller) -> Markup:
    """``{% call table_scroll("Label") %}<table>…</table>{% endcall %}``: every table sits in a region
    that scrolls sideways by itself, named and reachable by keyboard, so the page never does (WCAG
    2.2 reflow at 320 CSS px; decision 0080)."""
    return Markup('<div class="app-table-scroll" role="region" aria-label="{}" tabindex="0">{}</div>').format(
        escape(" ".join(str(label).split())), caller()
    )


def url(name: str, *args, **kwargs) -> str:
    return reverse(name, args=args or None, kwargs=kwargs or None)


def environment(**options) -> Environment:
    app_loader = options.pop("loader")
    env = Environment(
        loader=ChoiceLoader(
            [
                app_loader,
                PrefixLoader({"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja")}),
            ]
        ),
        **options,
    )
    env.globals.update(
        url=url,
        body_script=body_script,
        static=static,
        get_messages=get_messages,
        Fraction=Fraction,
        nav_items=nav_items,
        link_to=link_to,
        date_parts=date_parts,
        table_scroll=table_scroll,
    )
    env.filters.update(
        date=format_date,
        datetime=format_datetime,
        weight=format_weight,
        share=format_share,
        fraction=fraction_text,
        decimal=format_decimal,
        ordinal=ordinal,
    )
    return env
