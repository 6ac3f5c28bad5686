"""The images of posts and works live outside MEDIA_ROOT and are served only to those who may see the
community: anyone for a public one; active and pending members for a private one (a 404 for the rest,
as for the community's pages)."""

import pytest
from django.conf import settings

from communities.models import Community
from communities.roles import MembershipStatus, Role
from content.services.posts import writing
from tests import factories
from tests.content.critique_helpers import png, post_work

pytestmark = pytest.mark.django_db


def fetch(client, url):
    response = client.get(url)
    body = b"".join(response.streaming_content) if response.status_code == 200 else b""
    return response, body


@pytest.fixture
def private():
    return factories.CommunityFactory(visibility=Community.Visibility.PRIVATE)


def test_a_private_communitys_images_reach_its_members_only(private, client_for):
    author = factories.member(community=private, role=Role.OWNER)
    image = writing.post_image_upload(actor=author.user, community=private, file=png())
    url = image.image.url
    assert url.startswith(f"/files/communities/{private.pk}/posts/")
    # Stored under COMMUNITY_FILES_ROOT, never under MEDIA_ROOT (which a web server may serve).
    assert image.image.path.startswith(str(settings.COMMUNITY_FILES_ROOT))
    assert not str(image.image.path).startswith(str(settings.MEDIA_ROOT))

    response, body = fetch(client_for(author.user), url)
    assert response.status_code == 200 and body.startswith(b"\x89PNG")
    assert "private" in response["Cache-Control"]
    pending = factories.member(community=private, status=MembershipStatus.PENDING)
    assert fetch(client_for(pending.user), url)[0].status_code == 200

    banned = factories.member(community=private, status=MembershipStatus.BANNED)
    outsider = factories.member()  # a member of another community
    for user in (None, banned.user, outsider.user):
        assert fetch(client_for(user), url)[0].status_code == 404


def test_a_public_communitys_work_images_are_public_and_cacheable(community, client_for):
    author = factories.member(community=community)
    work = post_work(community, author, images=[png()])
    url = work.images.get().image.url
    assert url.startswith(f"/files/communities/{community.pk}/critiques/")
    response, body = fetch(client_for(), url)
    assert response.status_code == 200 and body.startswith(b"\x89PNG")
    assert "public" in response["Cache-Control"] and "immutable" in response["Cache-Control"]


def test_wrong_names_and_methods_are_refused(community, private, client_for):
    author = factories.member(community=private, role=Role.OWNER)
    url = writing.post_image_upload(actor=author.user, community=private, file=png()).image.url
    name = url.rsplit("/", 1)[1]
    owner = client_for(author.user)
    # The same file asked for under another community (whose files the caller may see) is not found.
    assert fetch(owner, f"/files/communities/{community.pk}/posts/{name}")[0].status_code == 404
    assert fetch(owner, f"/files/communities/{private.pk}/posts/{'0' * 32}.png")[0].status_code == 404
    assert fetch(owner, f"/files/communities/{private.pk}/posts/../../secret.png")[0].status_code == 404
    assert fetch(owner, f"/files/communities/999999/posts/{name}")[0].status_code == 404
    assert owner.post(url).status_code == 405
