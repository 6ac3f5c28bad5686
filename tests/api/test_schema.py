import pytest
from django.core.management import call_command


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
