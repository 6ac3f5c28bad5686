"""One "may this member post" check (`members.services.publishing.ensure_may_post`) on every publishing path.

Publishing paths today: the introduction and the profile, through the services, the site and the API.
The content apps call the same function.
"""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from analytics.models import ActivityEvent
from communities.errors import Forbidden
from members import errors
from members.models import MemberProfile
from members.services import onboarding, profiles
from members.services.publishing import ensure_may_post
from tests import factories
from tests.api.helpers import assert_error

pytestmark = pytest.mark.django_db

TWO_LINKS = "[a](https://a.example) [b](https://b.example)"


def muted(community):
    return factories.member(community=community, muted_until=timezone.now() + timedelta(days=1))


PUBLISHERS = {
    "introduction": lambda user, community, text: onboarding.introduction_post(
        actor=user, community=community, text=text
    ),
    "profile": lambda user, community, text: profiles.profile_update(
        actor=user, community=community, bio=text
    ),
}


@pytest.mark.parametrize("path", PUBLISHERS)
def test_a_muted_member_cannot_publish(community, path):
    member = muted(community)
    with pytest.raises(errors.MemberMuted):
        PUBLISHERS[path](member.user, community, "Hello")
    assert not ActivityEvent.objects.filter(verb__in=["introduction.posted", "profile.updated"]).exists()
    assert not MemberProfile.objects.exists()


@pytest.mark.parametrize("path", PUBLISHERS)
@pytest.mark.parametrize("status", ["pending", "banned", "left"])
def test_only_active_members_publish(community, path, status):
    member = factories.member(community=community, status=status)
    with pytest.raises(Forbidden):
        PUBLISHERS[path](member.user, community, "Hello")


@pytest.mark.parametrize("path", PUBLISHERS)
def test_the_trust_level_post_limits_apply(community, path):
    newcomer = factories.member(community=community, trust_level=0)  # default limit: one link per post
    with pytest.raises(errors.PostLimitExceeded):
        PUBLISHERS[path](newcomer.user, community, TWO_LINKS)
    trusted = factories.member(community=community, trust_level=3)
    PUBLISHERS[path](trusted.user, community, TWO_LINKS)


def test_a_mute_that_ended_no_longer_stops_posting(community):
    member = factories.member(community=community, muted_until=timezone.now() - timedelta(seconds=1))
    assert ensure_may_post(actor=member.user, community=community, text="Hi") == member


def test_a_superuser_who_is_not_a_member_does_not_post(community):
    superuser = factories.UserFactory(is_superuser=True)
    with pytest.raises(errors.NotAMember):
        ensure_may_post(actor=superuser, community=community)


def test_the_limit_error_names_the_field_that_holds_the_text(community):
    newcomer = factories.member(community=community, trust_level=0)
    with pytest.raises(errors.PostLimitExceeded) as refused:
        onboarding.introduction_post(actor=newcomer.user, community=community, text=TWO_LINKS)
    assert set(refused.value.fields) == {"text"}


def test_muted_member_is_refused_in_the_api(api_client_for, community):
    client = api_client_for(muted(community).user)
    slug = community.slug
    assert_error(
        client.post(reverse("api:onboarding-introductions", args=[slug]), {"text": "Hi"}), 403, "member_muted"
    )
    assert_error(client.put(reverse("api:my-profile", args=[slug]), {"bio": "Hi"}), 403, "member_muted")


def test_muted_member_is_refused_on_the_site(client_for, community):
    client = client_for(muted(community).user)
    response = client.post(reverse("members:welcome", args=[community.slug]), {"text": "Hello"})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [str(errors.MemberMuted.message)]
    assert not ActivityEvent.objects.filter(verb="introduction.posted").exists()
