"""Profiles and the directory in the API: my profile, visibility, operators' notes and tags, filters."""

import pytest
from django.urls import reverse

from members.models import MemberNote, MemberProfile
from members.services import profiles as services
from tests import factories

pytestmark = pytest.mark.django_db


def url(name, community, **kwargs):
    return reverse(f"api:{name}", kwargs={"community_slug": community.slug, **kwargs})


def test_member_reads_and_replaces_their_profile(api_client_for, community):
    member = factories.member(community=community)
    client = api_client_for(member.user)
    response = client.put(
        url("my-profile", community),
        {"display_name": "Ansel", "skill_level": "expert", "skills": ["Zone", "zone", "Print"],
         "links": ["https://example.com"], "visibility": "public"},
    )  # fmt: skip
    assert response.status_code == 200, response.json()
    assert response.json()["profile"]["skills"] == ["print", "zone"]
    assert client.get(url("my-profile", community)).json()["profile"]["display_name"] == "Ansel"


def test_bio_is_returned_as_text_and_as_sanitised_html(api_client_for, community):
    client = api_client_for(factories.member(community=community).user)
    response = client.put(url("my-profile", community), {"bio": "I **print** <script>alert(1)</script>"})
    profile = response.json()["profile"]
    assert profile["bio"] == "I **print** <script>alert(1)</script>"
    assert "<strong>print</strong>" in profile["bio_html"]
    assert "<script>" not in profile["bio_html"]


@pytest.mark.parametrize(
    "payload, code",
    [
        ({"skill_level": "grandmaster"}, "invalid_skill_level"),
        ({"links": ["nope"]}, "invalid_links"),
        ({"skills": [f"s{i}" for i in range(21)]}, "too_many_skills"),
        ({"role": "owner"}, "unknown_field"),
    ],
)
def test_bad_profile_input_is_a_400_with_a_code(api_client_for, community, payload, code):
    member = factories.member(community=community)
    response = api_client_for(member.user).put(url("my-profile", community), payload)
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == code or code in str(body)
    assert not MemberProfile.objects.exists()


def test_profile_visibility_in_the_api(api_client_for, community):
    member = factories.member(community=community)
    services.profile_update(actor=member.user, community=community, bio="hidden bio", visibility="operators")
    peer = api_client_for(factories.member(community=community).user)
    admin = api_client_for(factories.member(community=community, role="admin").user)
    assert peer.get(url("member-profile", community, membership_id=member.pk)).json()["profile"] is None
    assert (
        admin.get(url("member-profile", community, membership_id=member.pk)).json()["profile"]["bio"]
        == "hidden bio"
    )
    rows = {row["id"]: row for row in peer.get(url("member-list", community)).json()["results"]}
    assert rows[member.pk]["profile"] is None and "tags" not in rows[member.pk]
    assert peer.get(url("member-list", community), {"search": "hidden"}).json()["results"] == []
    assert [
        r["id"] for r in admin.get(url("member-list", community), {"search": "hidden"}).json()["results"]
    ] == [member.pk]


def test_member_of_another_community_is_404(api_client_for, community):
    admin = api_client_for(factories.member(community=community, role="admin").user)
    elsewhere = factories.member()
    assert admin.get(url("member-profile", community, membership_id=elsewhere.pk)).status_code == 404
    assert (
        admin.post(url("member-note-list", community, membership_id=elsewhere.pk), {"body": "x"}).status_code
        == 404
    )


def test_notes_and_tags_api_is_for_operators(api_client_for, community):
    member = factories.member(community=community)
    admin = api_client_for(factories.member(community=community, role="admin").user)
    note = admin.post(url("member-note-list", community, membership_id=member.pk), {"body": "Promising"})
    assert note.status_code == 201
    tag = admin.post(url("member-tag-list", community, membership_id=member.pk), {"name": "core member"})
    assert tag.status_code == 201
    assert admin.post(url("member-note-list", community, membership_id=member.pk), {}).status_code == 400
    rows = {
        row["id"]: row
        for row in admin.get(url("member-list", community), {"tag": "core member"}).json()["results"]
    }
    assert list(rows) == [member.pk] and rows[member.pk]["tags"] == ["core member"]
    for role in ("moderator", "member"):
        peer = api_client_for(factories.member(community=community, role=role).user)
        assert peer.get(url("member-note-list", community, membership_id=member.pk)).status_code == 403
        assert (
            "Promising"
            not in peer.get(url("member-profile", community, membership_id=member.pk)).content.decode()
        )
    detail = url("member-note-detail", community, membership_id=member.pk, note_id=note.json()["id"])
    assert admin.delete(detail).status_code == 204
    assert not MemberNote.objects.exists()
    tag_detail = url("member-tag-detail", community, membership_id=member.pk, tag_id=tag.json()["id"])
    assert admin.delete(tag_detail).status_code == 204


def test_directory_filters_and_ordering(api_client_for, community):
    a = factories.member(community=community, user=factories.UserFactory(username="zed"))
    b = factories.member(community=community, user=factories.UserFactory(username="amy"))
    services.profile_update(actor=a.user, community=community, skill_level="beginner", skills="film")
    client = api_client_for(b.user)

    def ids(**params):
        return [row["id"] for row in client.get(url("member-list", community), params).json()["results"]]

    assert ids(skill="film") == [a.pk]
    assert ids(skill_level="beginner") == [a.pk]
    assert ids() == [b.pk, a.pk]
    assert ids(ordering="-joined_at")[0] == b.pk
    assert client.get(url("member-list", community), {"active_within": "5"}).status_code == 400


def test_operator_tags_field_survives_a_members_request_in_between(api_client_for, community):
    """The serializer's fields are built once per class (PrebuiltFieldsMixin) and copied per request: a
    plain member's request dropping `tags` must not drop it from the next operator's, nor the reverse."""
    member = factories.member(community=community)
    admin = api_client_for(factories.member(community=community, role="admin").user)
    peer = api_client_for(member.user)
    admin.post(url("member-tag-list", community, membership_id=member.pk), {"name": "core member"})
    for _ in range(2):
        peer_rows = {row["id"]: row for row in peer.get(url("member-list", community)).json()["results"]}
        admin_rows = {row["id"]: row for row in admin.get(url("member-list", community)).json()["results"]}
        assert "tags" not in peer_rows[member.pk]
        assert admin_rows[member.pk]["tags"] == ["core member"]
