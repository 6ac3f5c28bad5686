"""Profile writes: validation against the community's scale and limits, skills, notes and tags."""

import pytest

from analytics.models import ActivityEvent
from communities.errors import DomainError, Forbidden
from members.models import MemberNote, MemberProfile, MemberSkill, MemberTag
from members.selectors.policy import policy_for
from members.services import profiles as services
from tests import factories

pytestmark = pytest.mark.django_db


def update(membership, **fields):
    return services.profile_update(actor=membership.user, community=membership.community, **fields)


def test_profile_update_saves_fields_normalises_skills_and_records_activity():
    member = factories.member()
    profile = update(
        member,
        display_name=" Ansel ",
        bio="**Zone** system",
        skill_level="advanced",
        skills="Portrait,  Darkroom , portrait, ",
        links=["https://example.com/ansel"],
        visibility="public",
    )
    assert profile.display_name == "Ansel"
    assert sorted(MemberSkill.objects.filter(membership=member).values_list("name", flat=True)) == [
        "darkroom",
        "portrait",
    ]
    assert ActivityEvent.objects.filter(actor=member.user, verb="profile.updated").count() == 1
    update(member, skills=["lighting"])
    assert list(MemberSkill.objects.filter(membership=member).values_list("name", flat=True)) == ["lighting"]
    assert MemberProfile.objects.filter(membership=member).count() == 1


def test_skill_level_must_come_from_the_community_scale():
    member = factories.member()
    policy = policy_for(community=member.community)
    policy.skill_levels = ["novice", "master"]
    policy.save()
    with pytest.raises(DomainError) as caught:
        update(member, skill_level="advanced")
    assert caught.value.code == "invalid_skill_level"
    assert "skill_level" in caught.value.fields
    assert update(member, skill_level="master").skill_level == "master"


@pytest.mark.parametrize(
    "fields, code",
    [
        ({"skills": ",".join(f"skill{i}" for i in range(21))}, "too_many_skills"),
        ({"skills": "x" * 61}, "too_many_skills"),
        ({"links": [f"https://example.com/{i}" for i in range(6)]}, "invalid_links"),
        ({"links": ["javascript:alert(1)"]}, "invalid_links"),
        ({"links": "ftp://example.com"}, "invalid_links"),
        ({"visibility": "everyone"}, "profile_invalid"),
    ],
)
def test_bad_profile_input_is_refused_and_nothing_is_written(fields, code):
    member = factories.member()
    with pytest.raises(DomainError) as caught:
        update(member, display_name="Half", **fields)
    assert caught.value.code == code
    assert not MemberProfile.objects.exists()
    assert not MemberSkill.objects.exists()


def test_only_active_members_edit_a_profile():
    for status in ("pending", "banned", "left"):
        member = factories.member(status=status)
        with pytest.raises(Forbidden):
            update(member, display_name="x")


def test_notes_and_tags_are_for_owners_and_admins_only():
    community = factories.CommunityFactory()
    subject = factories.member(community=community)
    for role in ("moderator", "expert", "member"):
        actor = factories.member(community=community, role=role).user
        with pytest.raises(Forbidden):
            services.member_note_add(actor=actor, community=community, membership=subject, body="x")
        with pytest.raises(Forbidden):
            services.member_tag_add(actor=actor, community=community, membership=subject, name="core member")
    admin = factories.member(community=community, role="admin").user
    services.member_note_add(actor=admin, community=community, membership=subject, body="Met at the meetup")
    tag = services.member_tag_add(actor=admin, community=community, membership=subject, name=" Core  Member ")
    assert tag.name == "core member"
    assert (
        services.member_tag_add(actor=admin, community=community, membership=subject, name="core member")
        == tag
    )
    assert MemberNote.objects.filter(membership=subject).count() == 1


def test_notes_and_tags_cannot_point_at_another_community():
    community = factories.CommunityFactory()
    admin = factories.member(community=community, role="admin").user
    elsewhere = factories.member()
    with pytest.raises(DomainError):
        services.member_note_add(actor=admin, community=community, membership=elsewhere, body="x")
    with pytest.raises(DomainError):
        services.member_tag_add(actor=admin, community=community, membership=elsewhere, name="x")
    assert not MemberNote.objects.exists() and not MemberTag.objects.exists()
