import json

import pytest
from django.core.management import call_command
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer


@pytest.mark.django_db
def test_schema_lists_the_community_endpoints(client):
    response = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    for path in (
        "/api/v1/communities/",
        "/api/v1/communities/{community_slug}/",
        "/api/v1/communities/{community_slug}/rules/{rule_id}/",
        "/api/v1/communities/{community_slug}/rules/versions/current/",
        "/api/v1/communities/{community_slug}/membership/",
        "/api/v1/communities/{community_slug}/members/",
    ):
        assert path in paths


@pytest.mark.django_db
def test_swagger_ui_uses_local_assets(client):
    response = client.get("/api/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/" in html
    assert "cdn" not in html.lower()
    asset = client.get("/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js")
    assert asset.status_code == 200


def test_schema_of_the_whole_project_has_no_warnings(tmp_path):
    """`spectacular --validate --fail-on-warn` raises on any warning of any app's endpoints."""
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yaml"))
    assert (tmp_path / "schema.yaml").read_text().startswith("openapi:")


@pytest.fixture(scope="module")
def schema():
    generated = SchemaGenerator().get_schema(request=None, public=True)
    return json.loads(OpenApiJsonRenderer().render(generated))


def operations(schema):
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            yield f"{method.upper()} {path}", method, operation


def test_every_operation_says_what_it_does(schema):
    missing = [name for name, _method, operation in operations(schema) if not operation.get("summary")]
    assert not missing


def test_every_operation_documents_its_errors_with_the_error_body(schema):
    error = {"$ref": "#/components/schemas/Error"}
    assert schema["components"]["schemas"]["Error"]["required"] == ["code", "detail", "fields"]
    for name, method, operation in operations(schema):
        responses = operation["responses"]
        expected = {"401", "403"} | (
            {"400", "409", "429"} if method in ("post", "put", "patch", "delete") else set()
        )
        assert expected <= set(responses), name
        if "{" in name:
            assert "404" in responses, name
        for code, response in responses.items():
            if code >= "400":
                assert response["content"] == {"application/json": {"schema": error}}, (name, code)


def test_request_bodies_are_json_and_multipart_only_for_uploads(schema):
    uploads = {
        "POST /api/v1/communities/",
        "PATCH /api/v1/communities/{community_slug}/",
        "POST /api/v1/communities/{community_slug}/works/",
        "POST /api/v1/communities/{community_slug}/posts/images/",
        "POST /api/v1/communities/{community_slug}/events/{event_id}/cover/",
        "POST /api/v1/communities/{community_slug}/events/{event_id}/entries/",
        "POST /api/v1/communities/{community_slug}/events/{event_id}/projects/{project_id}/showcase/",
    }
    for name, _method, operation in operations(schema):
        if "requestBody" not in operation:
            continue
        media_types = set(operation["requestBody"]["content"])
        assert media_types == (
            {"application/json", "multipart/form-data"} if name in uploads else {"application/json"}
        ), name


def test_only_paginated_lists_are_declared_as_pages(schema):
    def response_ref(path, method="get", code="200"):
        return schema["paths"][path][method]["responses"][code]["content"]["application/json"]["schema"]

    assert response_ref("/api/v1/communities/{community_slug}/applications/mine/")["type"] == "array"
    assert response_ref("/api/v1/communities/{community_slug}/application-questions/")["type"] == "array"
    assert "Paginated" in response_ref("/api/v1/communities/{community_slug}/members/")["$ref"]
    assert (
        "Paginated"
        in response_ref("/api/v1/communities/{community_slug}/invitations/{invitation_id}/uses/")["$ref"]
    )


def test_ordering_lists_its_values(schema):
    parameters = schema["paths"]["/api/v1/communities/"]["get"]["parameters"]
    ordering = next(parameter for parameter in parameters if parameter["name"] == "ordering")
    assert set(ordering["schema"]["enum"]) == {
        "name",
        "-name",
        "created_at",
        "-created_at",
        "member_count",
        "-member_count",
        "activity_score",
        "-activity_score",
    }
    people = schema["paths"]["/api/v1/communities/{community_slug}/people/"]["get"]["parameters"]
    assert "ordering" not in {parameter["name"] for parameter in people}  # no ordering_fields: none offered


def test_a_new_accounts_language_is_a_valid_value(schema):
    language = schema["components"]["schemas"]["Me"]["properties"]["language"]
    enums = [
        schema["components"]["schemas"][ref["$ref"].rsplit("/", 1)[1]]["enum"] for ref in language["oneOf"]
    ]
    assert "" in [value for enum in enums for value in enum]
