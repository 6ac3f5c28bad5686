"""Joining and applying through the API keep the join source as the site does: a join link, a referral,
a campaign tag or the directory, given in the body (or, as before, as query parameters)."""

import pytest
from django.urls import reverse

from members.models import Membership
from members.services import applications as application_services
from members.services import recruitment
from tests import factories

pytestmark = pytest.mark.django_db


def api(name, community):
    return reverse(f"api:{name}", kwargs={"community_slug": community.slug})


def source_of(user, community):
    membership = Membership.objects.get(user=user, community=community)
    return membership.source, membership.source_tag, membership.referred_by, membership.join_link


@pytest.fixture
def vetted(db):
    return factories.CommunityFactory(join_policy="application")


def _apply(api_client_for, community, body):
    user = factories.UserFactory()
    response = api_client_for(user).post(api("application-list", community), body)
    assert response.status_code == 201, response.json()
    return user


def test_applying_through_a_join_link_keeps_the_link_and_its_tag(api_client_for, vetted):
    owner = factories.member(community=vetted, role="owner").user
    link = recruitment.join_link_create(actor=owner, community=vetted, channel="WeChat", source_tag="wechat")
    user = _apply(api_client_for, vetted, {"join_link": link.code})
    assert source_of(user, vetted) == ("join_link", "wechat", None, link)
    application = vetted.application_set.get() if hasattr(vetted, "application_set") else None
    membership = Membership.objects.get(user=user, community=vetted)
    pending = application_services.Application.objects.get(membership=membership)
    application_services.application_decide(
        actor=owner, community=vetted, application=pending, decision="approve"
    )
    assert source_of(user, vetted) == ("join_link", "wechat", None, link)  # kept on approval
    assert application is None or application.pk == pending.pk


def test_applying_with_a_referral_and_a_campaign_tag(api_client_for, vetted):
    referrer = factories.member(community=vetted)
    referrer = recruitment.referral_code_ensure(actor=referrer.user, community=vetted)
    user = _apply(api_client_for, vetted, {"ref": referrer.referral_code, "src": "News Letter"})
    assert source_of(user, vetted) == ("referral", "newsletter", referrer, None)
    tagged = _apply(api_client_for, vetted, {"src": "meetup"})
    assert source_of(tagged, vetted)[:2] == ("campaign", "meetup")
    found = _apply(api_client_for, vetted, {"via": "directory"})
    assert source_of(found, vetted)[0] == "directory"


def test_unknown_codes_are_ignored_and_bad_values_are_400(api_client_for, vetted):
    user = _apply(api_client_for, vetted, {"join_link": "nope", "ref": "nope"})
    assert source_of(user, vetted)[0] == "direct"
    client = api_client_for(factories.UserFactory())
    response = client.post(api("application-list", vetted), {"via": "elsewhere", "ref": "x" * 17})
    assert response.status_code == 400 and {"via", "ref"} <= set(response.json()["fields"])


def test_joining_through_the_api_with_a_join_link_in_the_body(api_client_for, community):
    owner = factories.member(community=community, role="owner").user
    link = recruitment.join_link_create(actor=owner, community=community, channel="Forum", source_tag="forum")
    user = factories.UserFactory()
    response = api_client_for(user).post(api("membership", community), {"join_link": link.code})
    assert response.status_code == 201, response.json()
    assert source_of(user, community) == ("join_link", "forum", None, link)
    other = factories.UserFactory()
    api_client_for(other).post(api("membership", community), {"src": "Poster"})
    assert source_of(other, community)[:2] == ("campaign", "poster")
