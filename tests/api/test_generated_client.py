"""A client generated from the schema by openapi-python-client imports and works.

The generator runs offline on the schema file (as docs/api.md tells integrators), into a temporary
directory; every module of the generated package must import, and a short scenario runs through it
against the WSGI app (httpx's WSGI transport): list and read communities, join, read my membership and
my account, and parse the error body of a refusal.
"""

import importlib
import io
import pkgutil
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from django.core.management import call_command

from accounts import services as account_services
from content.services import posts as post_services
from content.services import spaces as space_services
from tests import factories
from tests.api.helpers import png_upload
from tests.events.helpers import make_event

PACKAGE = "guildhall_client"
# The generator's own configuration: no formatting hooks (ruff is not needed to generate), and the QR code
# PNG handled as the binary it is (the generator only knows binary responses as application/octet-stream).
CONFIG = """\
post_hooks: []
content_type_overrides:
  image/png: application/octet-stream
"""


@pytest.fixture(scope="module")
def client_package(tmp_path_factory):
    """Generate the client once for this module and make it importable."""
    root = tmp_path_factory.mktemp("client")
    call_command("spectacular", "--file", str(root / "schema.yaml"))
    (root / "config.yaml").write_text(CONFIG)
    generator = Path(sys.executable).parent / "openapi-python-client"
    result = subprocess.run(
        [
            str(generator),
            "generate",
            "--path",
            str(root / "schema.yaml"),
            "--meta",
            "none",
            "--output-path",
            str(root / PACKAGE),
            "--config",
            str(root / "config.yaml"),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Warning" not in result.stdout + result.stderr, result.stdout + result.stderr
    sys.path.insert(0, str(root))
    yield importlib.import_module(PACKAGE)
    sys.path.remove(str(root))
    for name in [name for name in sys.modules if name.split(".")[0] == PACKAGE]:
        del sys.modules[name]


def test_every_generated_module_imports(client_package):
    failures, count = [], 0
    for module in pkgutil.walk_packages(client_package.__path__, f"{PACKAGE}."):
        count += 1
        try:
            importlib.import_module(module.name)
        except Exception as error:  # any import error is a finding
            failures.append(f"{module.name}: {type(error).__name__}: {error}")
    assert count > 150  # one module per operation and per model
    assert not failures, "\n".join(failures)


@pytest.mark.django_db
def test_a_generated_client_joins_a_community(client_package, wsgi_app):
    def op(group, name):
        return importlib.import_module(f"{PACKAGE}.api.{group}.{name}")

    models = importlib.import_module(f"{PACKAGE}.models")
    community = factories.CommunityFactory(join_policy="open")
    user = factories.UserFactory()  # a new account: no language chosen yet
    _token, key = account_services.token_create(user=user, name="client")
    client = importlib.import_module(PACKAGE).AuthenticatedClient(
        base_url="http://testserver",
        token=key,
        prefix="Token",
        httpx_args={"transport": httpx.WSGITransport(app=wsgi_app)},
        raise_on_unexpected_status=True,
    )

    page = op("communities", "communities_list").sync(client=client)
    assert community.slug in [row.slug for row in page.results]
    detail = op("communities", "communities_retrieve").sync(community.slug, client=client)
    assert (detail.name, detail.my_status) == (community.name, None)

    joined = op("membership", "communities_membership_create").sync_detailed(
        community.slug, client=client, body=models.MembershipJoinInputRequest()
    )
    assert joined.status_code == 201
    assert (
        op("membership", "communities_membership_retrieve").sync(community.slug, client=client).status.value
        == "active"
    )

    again = op("membership", "communities_membership_create").sync_detailed(
        community.slug, client=client, body=models.MembershipJoinInputRequest()
    )
    assert again.status_code == 409
    assert isinstance(again.parsed, models.Error)
    assert again.parsed.code == "already_member"

    missing = op("communities", "communities_retrieve").sync_detailed("no-such-community", client=client)
    assert (missing.status_code, missing.parsed.code) == (404, "not_found")

    me = op("account", "me_retrieve").sync(client=client)
    assert me.username == user.username
    assert me.language == ""

    # A member now: register for the community's event, once (a second time is a 409).
    owner = factories.member(community=community, role="owner").user
    event = make_event(community, owner, capacity=5)
    registered = op("events", "communities_events_registration_create").sync(
        community.slug, event.pk, client=client, body=models.RegistrationInputRequest()
    )
    assert registered.status.value == "confirmed"
    twice = op("events", "communities_events_registration_create").sync_detailed(
        community.slug, event.pk, client=client, body=models.RegistrationInputRequest()
    )
    assert (twice.status_code, twice.parsed.code) == (409, "already_registered")


@pytest.mark.django_db
def test_a_generated_client_sends_json_and_uploads_a_logo_as_multipart(client_package, wsgi_app):
    update = importlib.import_module(f"{PACKAGE}.api.communities.communities_partial_update")
    models = importlib.import_module(f"{PACKAGE}.models")
    types = importlib.import_module(f"{PACKAGE}.types")
    community = factories.CommunityFactory()
    owner = factories.member(community=community, role="owner").user
    _token, key = account_services.token_create(user=owner, name="client")
    client = importlib.import_module(PACKAGE).AuthenticatedClient(
        base_url="http://testserver",
        token=key,
        prefix="Token",
        httpx_args={"transport": httpx.WSGITransport(app=wsgi_app)},
    )

    changed = update.sync(
        community.slug, client=client, body=models.PatchedCommunityUpdateJSONInputRequest(tagline="Sharp")
    )
    assert (changed.tagline, changed.logo) == ("Sharp", None)
    logo = types.File(payload=io.BytesIO(png_upload().read()), file_name="logo.png", mime_type="image/png")
    changed = update.sync(
        community.slug, client=client, body=models.PatchedCommunityUpdateInputRequest(logo=logo)
    )
    assert changed.tagline == "Sharp"
    assert changed.logo.startswith("http://testserver/media/communities/")


@pytest.mark.django_db
def test_a_generated_client_discusses_searches_in_chinese_and_writes_privately(client_package, wsgi_app):
    """Content through the generated client: start a topic and reply, edit the reply, find a Chinese
    post by a Chinese word, and start a private conversation that the recipient then lists."""

    def op(group, name):
        return importlib.import_module(f"{PACKAGE}.api.{group}.{name}")

    def client_of(user):
        _token, key = account_services.token_create(user=user, name="client")
        return importlib.import_module(PACKAGE).AuthenticatedClient(
            base_url="http://testserver",
            token=key,
            prefix="Token",
            httpx_args={"transport": httpx.WSGITransport(app=wsgi_app)},
            raise_on_unexpected_status=True,
        )

    models = importlib.import_module(f"{PACKAGE}.models")
    community = factories.CommunityFactory()
    owner = factories.member(community=community, role="owner").user
    writer = factories.member(community=community, trust_level=3)
    reader = factories.member(community=community, trust_level=3)
    space = space_services.space_create(actor=owner, community=community, name="Gear talk")
    post = post_services.post_create(
        actor=owner, community=community, title="构图入门", body="三分法是最常用的构图方法。"
    )
    post_services.post_publish(actor=owner, community=community, post=post)
    client = client_of(writer.user)

    topic = op("topics", "communities_topics_create").sync(
        community.slug,
        client=client,
        body=models.TopicInputRequest(space=space.slug, title="Bags", body="Which?"),
    )
    reply = op("topics", "communities_topics_replies_create").sync(
        community.slug, topic.id, client=client, body=models.ReplyInputRequest(body="A sling")
    )
    edited = op("topics", "communities_topics_replies_partial_update").sync(
        community.slug,
        topic.id,
        reply.id,
        client=client,
        body=models.PatchedReplyUpdateRequest(body="A *sling*"),
    )
    assert (edited.body_html, edited.edited_at is not None) == ("<p>A <em>sling</em></p>\n", True)

    found = op("search", "communities_search_list").sync(community.slug, client=client, q="构图")
    assert [(row.kind.value, row.object_id) for row in found.results] == [("post", post.pk)]

    started = op("conversations", "communities_conversations_create").sync(
        community.slug,
        client=client,
        body=models.ConversationInputRequest(recipients=[reader.pk], body="你好"),
    )
    assert started.message_count == 1
    inbox = op("conversations", "communities_conversations_list").sync(
        community.slug, client=client_of(reader.user)
    )
    assert [(row.id, row.unread_count) for row in inbox.results] == [(started.id, 1)]
