"""The Content-Security-Policy (django-csp) and the one inline script it allows
(docs/decisions/0073-sign-in-sessions-and-deployment.md).

GOV.UK Frontend's template marks the body as "js-enabled" with an inline script before anything
renders (so that components hidden by CSS appear at once). That script never changes, so the policy
allows it by its hash; a page can carry it with no nonce, which keeps pages the pupils' views render
once and reuse (surveys/views/pupils.py) the same for every pupil. Everything else is a file.
"""

import base64
import hashlib

from markupsafe import Markup

BODY_SCRIPT = (
    "document.body.className += ' js-enabled' + "
    "('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');"
)


def script_hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode()).digest()).decode() + "'"


def body_script() -> Markup:
    return Markup(f"<script>{BODY_SCRIPT}</script>")


SELF = "'self'"
NONE = "'none'"
DIRECTIVES = {
    "default-src": [SELF],
    "script-src": [SELF, script_hash(BODY_SCRIPT)],
    # A few tables and the indicator charts (SVG) set one or two inline style attributes; styles
    # cannot run code, scripts are the risk the policy is for.
    "style-src": [SELF, "'unsafe-inline'"],
    "img-src": [SELF, "data:"],
    "font-src": [SELF],
    "connect-src": [SELF],
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
    "frame-ancestors": [NONE],
}
