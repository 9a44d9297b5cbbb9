"""The Jinja2 environment behind every Outcomes page.

GOV.UK Frontend's components come from govuk-frontend-jinja (imported as
``govuk_frontend_jinja/components/<name>/macro.html``); our own templates live in each app's
``jinja2/`` folder.
"""

from fractions import Fraction

from django.contrib.messages import get_messages
from django.templatetags.static import static
from django.urls import reverse
from jinja2 import ChoiceLoader, Environment, PackageLoader, PrefixLoader

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
        static=static,
        get_messages=get_messages,
        Fraction=Fraction,
        nav_items=nav_items,
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
