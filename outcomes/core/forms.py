"""Turning Django form errors into the GOV.UK error summary's list."""

from django import forms


def error_list(form: forms.Form, prefix: str = "id_") -> list[dict]:
    items: list[dict] = []
    for name, errors in form.errors.items():
        href = f"#{prefix}{name}" if name != "__all__" else "#main-content"
        field = form.fields.get(name)
        if field is not None and hasattr(field, "problem_part"):
            href = f"#{name}-{field.problem_part}"  # a GOV.UK date input: the box that is wrong
        items.extend({"text": str(error), "href": href} for error in errors)
    return items
