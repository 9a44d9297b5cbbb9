"""Turning Django form errors into the GOV.UK error summary's list."""

from django import forms


def error_list(form: forms.Form, prefix: str = "id_") -> list[dict]:
    items: list[dict] = []
    for name, errors in form.errors.items():
        href = f"#{prefix}{name}" if name != "__all__" else "#main-content"
        items.extend({"text": str(error), "href": href} for error in errors)
    return items
