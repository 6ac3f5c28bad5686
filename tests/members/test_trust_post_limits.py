"""New members' limits: links and images per post by trust level, from the policy and the capability table."""

import pytest

from communities.permissions import has_trusted_capability
from members.errors import PostLimitExceeded
from members.selectors.policy import policy_for
from members.services.trust import count_links_and_images, ensure_within_post_limits, post_limits
from tests import factories

pytestmark = pytest.mark.django_db

TWO_LINKS = "See [one](https://a.example) and [two](https://b.example)."
ONE_IMAGE = "![cat](https://img.example/cat.png)"


def test_links_and_images_are_counted_from_the_token_stream():
    text = f"{TWO_LINKS}\n\n{ONE_IMAGE}\n\n`[not](a link)`\n\n    [indented](code)\n\n<https://auto.example>"
    assert count_links_and_images(text) == {"links": 3, "images": 1}
    assert count_links_and_images("") == {"links": 0, "images": 0}


def test_limits_follow_the_level_and_the_policy(community):
    member = factories.member(community=community)
    assert post_limits(member) == {"links": 1, "images": 1}
    member.trust_level = 1
    assert post_limits(member) == {"links": 5, "images": 5}
    member.trust_level = 2  # no entry for level 2 in the default policy: unlimited
    assert post_limits(member) == {"links": None, "images": None}
    policy = policy_for(community=community)
    policy.new_member_limits = {"2": {"links": 9, "images": None}}
    policy.save()
    assert post_limits(member) == {"links": 9, "images": None}


def test_level_three_and_staff_are_never_limited(community):
    policy = policy_for(community=community)
    policy.new_member_limits = {"0": {"links": 0, "images": 0}}
    policy.save()
    veteran = factories.member(community=community, trust_level=3)
    moderator = factories.member(community=community, role="moderator")
    newcomer = factories.member(community=community)
    assert has_trusted_capability(veteran, "post_unlimited")
    assert has_trusted_capability(moderator, "post_unlimited")
    assert not has_trusted_capability(newcomer, "post_unlimited")
    for membership in (veteran, moderator):
        ensure_within_post_limits(membership, TWO_LINKS + ONE_IMAGE)
    with pytest.raises(PostLimitExceeded):
        ensure_within_post_limits(newcomer, "[x](https://x.example)")


def test_too_many_links_or_images_raise_with_a_stable_code(community):
    newcomer = factories.member(community=community)
    ensure_within_post_limits(newcomer, "[one](https://a.example) " + ONE_IMAGE)
    with pytest.raises(PostLimitExceeded) as exc:
        ensure_within_post_limits(newcomer, TWO_LINKS + ONE_IMAGE + ONE_IMAGE)
    assert exc.value.code == "post_limit_exceeded"
    assert len(exc.value.fields["body"]) == 2  # links and images both over


def test_inactive_members_hold_no_trusted_capability(community):
    banned = factories.member(community=community, status="banned", trust_level=3)
    assert not has_trusted_capability(banned, "post_unlimited")
    assert not has_trusted_capability(None, "post_unlimited")
