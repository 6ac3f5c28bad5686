"""The benchmarked pages (bench/run.py) run the same few queries at any platform size.

A signed-in plain member reads the directory, the API community list, the member directory, the API
member list and a community home, at two platform sizes, after a write and again with what the first
read after it kept (the member lists are kept there per version, decision 0018). The counts are
pinned: a count or an N+1 that comes back shows here before it shows in the benchmark.
"""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.services import token_create
from communities.versioning import communities_changed, inbox_changed
from members.versioning import members_changed
from tests import factories

pytestmark = pytest.mark.django_db

# Directory: session user, page count, page (stored member counts), unread notifications. API community
# list: token, count, page. Member directory: user, membership with its community (one query), whether
# the viewer's own profile is hidden from members (members.versioning.viewer_scope), policy (skill
# levels), page, profiles, skills, unread notifications; the total is the stored member count.
# API member list: token, membership with its community, own profile hidden, page, profiles, skills.
# Community home: user, membership with its community, unread notifications, and the member policy for
# the newcomer guide (a member in their first days, as here); its rules are kept under the community's
# row and rules version (communities.views.CommunityHomeView), which none of these writes changes.
PINNED = {
    "directory": 4,
    "API community list": 3,
    "member directory": 8,
    "API member list": 6,
    "community home": 4,
}
# From the cache: the unread count (every HTML page) and the lists kept by version read nothing; the
# directory: user, page count, page; the API community list: token; the member directory: user,
# membership with its community; the API member list: token, membership; the home: user, membership
# (and the policy for the newcomer guide).
PINNED_CACHED = {
    "directory": 3,
    "API community list": 1,
    "member directory": 2,
    "API member list": 2,
    "community home": 3,
}


def build(size: int):
    """`size` communities of `size` members each, plus the member's own community."""
    for _ in range(size):
        community = factories.CommunityFactory()
        for _ in range(size):
            factories.member(community=community)
    home = factories.CommunityFactory()
    for _ in range(size):
        factories.member(community=home)
    return factories.member(community=home)


def page_queries(member) -> tuple[dict[str, int], dict[str, int]]:
    """Each page's queries after a write to the member lists, then with what that read kept."""
    slug = member.community.slug
    _, key = token_create(user=member.user, name="bench")
    pages = {
        "directory": (reverse("communities:directory"), False),
        "API community list": (reverse("api:community-list"), True),
        "member directory": (reverse("members:directory", args=[slug]), False),
        "API member list": (reverse("api:member-list", kwargs={"community_slug": slug}), True),
        "community home": (reverse("communities:home", args=[slug]), False),
    }
    counts, cached = {}, {}
    for name, (url, api) in pages.items():
        if api:
            client = APIClient()
            client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
        else:
            client = Client()
            client.force_login(member.user)
        client.get(url)  # the first read of the day records the visit
        members_changed(community_ids=[member.community_id])  # as after writes: nothing kept
        communities_changed()
        inbox_changed(member.user_id)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts[name] = len(queries)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        cached[name] = len(queries)
    return counts, cached


def test_page_query_counts_do_not_grow_with_the_platform():
    small = page_queries(build(2))
    large = page_queries(build(6))
    assert small == large == (PINNED, PINNED_CACHED)
