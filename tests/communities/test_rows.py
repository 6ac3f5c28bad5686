"""communities.rows: the hot lookups composed once give the same instances as the ORM."""

import pytest

from accounts.authentication import _ACTIVE_TOKEN_WITH_USER
from accounts.models import ApiToken
from accounts.services import token_create, token_revoke
from communities.tenancy import _MEMBERSHIP_IN_COMMUNITY
from members.models import Membership
from tests import factories

pytestmark = pytest.mark.django_db


def same_row(loaded, expected):
    for field in type(expected)._meta.concrete_fields:
        mine, theirs = getattr(loaded, field.attname), getattr(expected, field.attname)
        assert mine == theirs, field.name
        assert type(mine) is type(theirs), field.name


def test_a_membership_with_its_community_is_what_the_orm_loads(community):
    community.description = "Film and **light**"
    community.save()
    membership = factories.member(community=community, role="moderator")
    loaded = _MEMBERSHIP_IN_COMMUNITY.first(community.slug, membership.user_id)
    expected = Membership.objects.select_related("community").get(pk=membership.pk)
    same_row(loaded, expected)
    same_row(loaded.community, expected.community)
    assert loaded.community.logo.name == expected.community.logo.name
    assert loaded._state.adding is False


def test_nothing_for_another_community_or_an_unknown_slug(community):
    membership = factories.member(community=community)
    other = factories.CommunityFactory()
    assert _MEMBERSHIP_IN_COMMUNITY.first(other.slug, membership.user_id) is None
    assert _MEMBERSHIP_IN_COMMUNITY.first("no-such-community", membership.user_id) is None


def test_a_token_with_its_account_and_never_a_revoked_one():
    user = factories.UserFactory()
    token, key = token_create(user=user, name="ci")
    loaded = _ACTIVE_TOKEN_WITH_USER.first(ApiToken.hash_key(key))
    same_row(loaded, ApiToken.objects.select_related("user").get(pk=token.pk))
    same_row(loaded.user, user.__class__.objects.get(pk=user.pk))
    token_revoke(user=user, token_id=token.pk)
    assert _ACTIVE_TOKEN_WITH_USER.first(ApiToken.hash_key(key)) is None
