import pytest
from django.urls import reverse

from outcomes.api.service import api


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["viewer", "school"])
def test_every_signed_in_person_reads_the_examples_with_power_bi_and_curl(client, users, role):
    client.force_login(users[role])
    page = client.get(reverse("api:examples")).content.decode()
    assert "Get Data" in page
    assert "HTTP request header parameters" in page
    assert "Authorization: Bearer $TOKEN" in page.replace("&#34;", '"')
    assert "http://testserver/api/areas/372/scorecard?format=csv" in page
    for path in api.get_openapi_schema()["paths"]:
        assert f"<code>{path}</code>" in page
    # Reached from the menu; its links go only where the reader may go (no endpoint needs a session).
    assert f'href="{reverse("api:tokens")}"' in page
    assert 'href="/api/plans' not in page
