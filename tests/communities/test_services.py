import pytest

from communities import services
from communities.errors import CommunityArchived, Forbidden
from communities.models import RulesVersion
from members.models import Membership
from members.services import membership_join
from tests import factories


@pytest.mark.django_db
def test_creator_becomes_active_owner():
    user = factories.UserFactory()
    community = services.community_create(
        actor=user, slug="street-photo", name="Street", skill_domain="photography"
    )
    membership = Membership.objects.get(community=community, user=user)
    assert (membership.role, membership.status) == ("owner", "active")


@pytest.mark.django_db
def test_each_rule_change_publishes_a_new_version(community, owner):
    rule = services.rule_create(actor=owner, community=community, category="conduct", title="Be kind")
    services.rule_update(actor=owner, rule=rule, title="Be kind and specific")
    versions = list(RulesVersion.objects.for_community(community).order_by("number"))
    assert [v.number for v in versions] == [1, 2]
    assert versions[-1].rules[0]["title"] == "Be kind and specific"


@pytest.mark.django_db
def test_plain_member_cannot_edit_rules(community):
    member = factories.member(community=community).user
    with pytest.raises(Forbidden):
        services.rule_create(actor=member, community=community, category="conduct", title="x")


@pytest.mark.django_db
def test_archived_community_refuses_joins(community, owner):
    services.community_archive(actor=owner, community=community)
    with pytest.raises(CommunityArchived):
        membership_join(actor=factories.UserFactory(), community=community, accepted_rules_version=None)


@pytest.mark.django_db
def test_slug_taken_between_validation_and_save_is_a_conflict(monkeypatch):
    """A concurrent create wins the slug after our validation passed: a 409, not a database error."""
    from communities.errors import SlugTaken
    from communities.models import Community

    factories.CommunityFactory(slug="taken-slug")
    monkeypatch.setattr(Community, "full_clean", lambda self: None)
    with pytest.raises(SlugTaken):
        services.community_create(
            actor=factories.UserFactory(), slug="taken-slug", name="Late", skill_domain="design"
        )
    assert Community.objects.filter(slug="taken-slug").count() == 1
