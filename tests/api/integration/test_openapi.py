"""The OpenAPI description at /api/openapi.json: valid OpenAPI 3, every endpoint in it with the bearer
scheme, its parameters and the columns of its rows; readable before anyone has a token."""

import pytest
from django.urls import reverse

from outcomes.api.service import api_urls


def resolve(schema: dict, ref: str) -> dict:
    node = schema
    for part in ref.removeprefix("#/").split("/"):
        node = node[part]
    return node


def refs(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref":
                yield value
            else:
                yield from refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from refs(value)


@pytest.mark.django_db
def test_the_description_is_openapi_3_and_lists_every_endpoint(client):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert schema["info"]["title"] == "Outcomes read API"
    assert schema["components"]["securitySchemes"]["BearerToken"] == {"type": "http", "scheme": "bearer"}
    for ref in refs(schema):
        assert resolve(schema, ref), ref  # every reference resolves

    listed = set(schema["paths"])
    endpoints = {
        "/api/" + str(p.pattern).replace("<", "{").replace(">", "}")
        for p in api_urls()
        if p.name != "openapi-json"
    }
    assert listed == endpoints
    for path, operations in schema["paths"].items():
        assert set(operations) == {"get"}, f"{path} is read-only"
        operation = operations["get"]
        assert operation["security"] == [{"BearerToken": []}]
        names = {p["name"] for p in operation["parameters"]}
        assert {"format", "page", "page_size"} <= names, path
        assert "text/csv" in operation["responses"]["200"]["content"], path
        assert {"401", "403", "404"} <= set(operation["responses"]), path
        answer = operation["responses"]["200"]["content"]["application/json"]["schema"]
        page = resolve(schema, answer["$ref"])
        assert {"count", "next", "as_of", "results"} <= set(page["properties"])


@pytest.mark.django_db
def test_the_scorecard_rows_are_described_column_by_column(client):
    schema = client.get(reverse("api:openapi-json")).json()
    row = schema["components"]["schemas"]["ScorecardRowRow"]["properties"]
    assert {"code", "value", "statistical_neighbours_average", "rank", "rank_of_authorities"} <= set(row)
    assert row["value"]["anyOf"][0]["type"] == "number"
    assert row["rank"]["anyOf"][0]["type"] == "integer"
