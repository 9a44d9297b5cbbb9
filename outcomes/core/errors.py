"""The service's own page for a server error, with its header, navigation and a way home."""

import logging

from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.shortcuts import render

logger = logging.getLogger(__name__)

# What is shown when the page itself cannot be drawn (the database gone, say): still a way home.
PLAIN = """<!DOCTYPE html>
<html lang="en-GB" class="govuk-template"><head><meta charset="utf-8">
<title>Sorry, there is a problem with the service – Outcomes</title>
<link rel="stylesheet" href="/static/outcomes.css"></head>
<body class="govuk-template__body">
<header class="app-header"><div class="govuk-width-container app-width-container">
<a href="/" class="app-header__name">Outcomes</a></div></header>
<div class="govuk-width-container app-width-container"><main class="govuk-main-wrapper" id="main-content">
<h1 class="govuk-heading-l">Sorry, there is a problem with the service</h1>
<p class="govuk-body">Try again later. Nothing you saved before this page has been lost.</p>
<p class="govuk-body"><a class="govuk-link" href="/">Go to the home page</a></p>
</main></div></body></html>
"""


def server_error(request: HttpRequest) -> HttpResponse:
    try:
        return render(request, "500.html", status=500)
    except Exception:
        # The error page must not fail in turn; the original error is already logged by Django.
        logger.exception("The server error page could not be drawn")
        return HttpResponseServerError(PLAIN)
