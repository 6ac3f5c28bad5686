"""People are shown by the name they go by in the community, never by their username."""

import pytest
from django.urls import reverse

from members.models import MemberProfile, MemberTag
from members.services.relationships import cadence_set
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(community):
    owner = factories.member(
        community=community, role="owner", user__username="olivia_o", user__display_name="Olivia Owner"
    )
    liu = factories.member(community=community, user__username="liuyang88", user__display_name="Liu Y")
    MemberProfile.objects.create(community=community, membership=liu, display_name="刘洋")
    return owner, liu


def page(client, name, community, *args):
    return client.get(reverse(name, args=[community.slug, *args])).content.decode()


def test_relationship_log_names_the_member_and_the_caretaker(client_for, community, people):
    owner, liu = people
    MemberTag.objects.create(community=community, membership=liu, name=MemberTag.CORE_MEMBER)
    cadence_set(actor=owner.user, community=community, membership=liu, every_days=7, caretaker=owner.user)
    html = page(client_for(owner.user), "members:relationships", community)
    assert "刘洋" in html and "Olivia Owner" in html
    assert "liuyang88" not in html and "olivia_o" not in html


def test_onboarding_progress_names_newcomers_by_their_community_name(client_for, community, people):
    owner, _ = people
    html = page(client_for(owner.user), "members:onboarding-progress", community)
    assert "刘洋" in html and "liuyang88" not in html


def test_people_page_names_staff_by_their_community_name(client_for, community, people):
    owner, liu = people
    liu.role = "moderator"
    liu.save()
    html = page(client_for(owner.user), "members:people", community)
    assert "刘洋" in html and "liuyang88" not in html and "Olivia Owner" in html


def test_moderation_queue_names_the_reporter_and_the_member(client_for, community, people):
    from tests.members.moderation_helpers import report_member, rules_of

    owner, liu = people
    reporter = factories.member(
        community=community, user__username="rep_user", user__display_name="Rey Porter"
    )
    report_member(reporter=reporter.user, subject=liu, rule=rules_of(community, owner.user)[0])
    html = page(client_for(owner.user), "members:moderation", community)
    assert "Rey Porter" in html and "rep_user" not in html and "liuyang88" not in html
