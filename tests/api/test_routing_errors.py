"""What the API answers for an address it does not serve, a method a route does not take, and a body that is
not JSON: the error body, never an HTML page, and the status that says which."""

import json
import re

import pytest
from django.test import override_settings
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer

from tests import factories
from tests.api.helpers import assert_error, png_upload

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("debug", [False, True])
@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/no-such-endpoint/",
        "/api/v1/communities/some-slug/no-such-endpoint/",
        "/api/v1/me",  # no trailing slash: not redirected to an HTML page either
        "/api/v2/",
    ],
)
def test_an_unknown_api_address_is_a_json_404(api_client_for, path, debug):
    with override_settings(DEBUG=debug):
        for method in ("get", "post", "delete"):
            response = getattr(api_client_for(), method)(path)
            assert response["Content-Type"] == "application/json"
            assert_error(response, 404, "no_endpoint")


def test_an_unknown_address_outside_the_api_is_still_the_html_page(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


def test_a_method_the_route_does_not_take_is_a_405_for_a_member(api_client_for, community):
    user = factories.member(community=community).user
    client = api_client_for(user)
    base = f"/api/v1/communities/{community.slug}/"
    assert_error(client.put(base + "membership/", {}), 405, "method_not_allowed")
    assert_error(client.patch(base + "rules/versions/current/", {}), 405, "method_not_allowed")
    assert_error(client.delete(base + "members/"), 405, "method_not_allowed")
    response = client.get(base + "archive/")
    assert_error(response, 405, "method_not_allowed")
    assert response["Allow"] == "POST, OPTIONS"


def test_a_method_no_route_takes_is_a_405_before_authentication(api_client_for):
    client = api_client_for()
    assert_error(client.put("/api/v1/communities/", {}), 405, "method_not_allowed")
    assert_error(client.delete("/api/v1/me/"), 405, "method_not_allowed")
    assert_error(client.put("/api/v1/notifications/", {}), 405, "method_not_allowed")


def test_a_private_community_stays_a_404_whatever_the_method(api_client_for, private_community, outsider):
    response = api_client_for(outsider).put(f"/api/v1/communities/{private_community.slug}/membership/", {})
    assert_error(response, 404, "not_found")


def test_a_form_encoded_body_is_refused_as_unsupported(api_client_for, community):
    user = factories.member(community=community).user
    url = f"/api/v1/communities/{community.slug}/onboarding/introductions/"
    response = api_client_for(user).post(url, {"text": "Hello"}, format="multipart")
    assert_error(response, 415, "unsupported_media_type")


def test_multipart_is_accepted_where_a_file_is_uploaded(api_client_for, community):
    owner = factories.member(community=community, role="owner").user
    response = api_client_for(owner).patch(
        f"/api/v1/communities/{community.slug}/", {"logo": png_upload()}, format="multipart"
    )
    assert response.status_code == 200, response.content
    assert response.json()["logo"].startswith("http://testserver/")


def test_an_error_of_the_qr_code_is_json_even_when_png_was_asked_for(api_client_for, community):
    link = factories.JoinLinkFactory(community=community)
    member = api_client_for(factories.member(community=community).user)
    url = f"/api/v1/communities/{community.slug}/join-links/{link.pk}/qr/"
    for response in (member.get(url + "?format=png"), member.get(url, HTTP_ACCEPT="image/png")):
        assert response["Content-Type"] == "application/json"
        assert_error(response, 403, "permission_denied")
    owner = api_client_for(factories.member(community=community, role="owner").user)
    response = owner.get(url, HTTP_ACCEPT="image/png")
    assert response["Content-Type"] == "image/png" and response.content.startswith(b"\x89PNG")


def test_every_method_a_path_does_not_document_is_a_405(api_client_for, community):
    """Swept over the schema: a route answers a method it does not document with 405, not 403 or 404."""
    schema = json.loads(OpenApiJsonRenderer().render(SchemaGenerator().get_schema(request=None, public=True)))
    client = api_client_for(factories.member(community=community, role="owner").user)
    wrong = []
    for path, operations in schema["paths"].items():
        url = re.sub(r"\{(\w+)\}", lambda m: community.slug if m[1] == "community_slug" else "1", path)
        for method in {"get", "post", "put", "patch", "delete"} - set(operations):
            response = getattr(client, method)(url, {})
            if response.status_code != 405 or response.json()["code"] != "method_not_allowed":
                wrong.append(f"{method.upper()} {path}: {response.status_code}")
    assert not wrong
