"""Found walking the journeys: the owner checkboxes offered only the body's members, while the seed's
log has owners who sit on no table (Sue Wilson). Editing such an action dropped her silently; now
the choices are the members and those who already own one of the body's actions."""

import pytest
from django.urls import reverse

from outcomes.governance.forms import ActionForm
from outcomes.governance.forms_minutes import ResolutionForm
from outcomes.governance.models import Action, Body


def _owned_by_sue() -> Action:
    return Action.objects.filter(body__slug="rlscb", owners__name="Sue Wilson").first()


@pytest.mark.django_db
def test_an_owner_who_is_not_a_member_is_offered(users):
    body = Body.objects.get(slug="rlscb")
    assert not body.memberships.filter(person__name="Sue Wilson").exists()
    assert _owned_by_sue() is not None
    for form in (ActionForm(body=body), ResolutionForm(body=body)):
        names = [p.name for p in form.fields["owners"].queryset]
        assert "Sue Wilson" in names
        assert len(names) == len(set(names))


@pytest.mark.django_db
def test_editing_an_action_keeps_an_owner_who_is_not_a_member(client, users):
    action = _owned_by_sue()
    client.force_login(users["performance_officer"])
    url = reverse("governance:action_edit", args=["rlscb", action.number])
    page = client.get(url).content.decode()
    sue = action.owners.get(name="Sue Wilson")
    assert f'value="{sue.pk}" checked' in page
