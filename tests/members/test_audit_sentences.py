"""The audit log speaks human: a sentence per action in the reader's language, names not ids."""

import pytest
from django.urls import reverse
from django.utils import translation

from members.audit_text import SENTENCES, sentence
from members.forms.audit import ACTION_CHOICES
from members.models import AuditLogEntry, MemberProfile
from members.services.audit import audit_record
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(community):
    owner = factories.member(community=community, role="owner", user__display_name="Olivia Owner")
    subject = factories.member(community=community, user__username="liuyang", user__display_name="Liu")
    MemberProfile.objects.create(community=community, membership=subject, display_name="刘洋")
    return owner.user, subject


def test_a_ban_for_a_broken_rule_reads_as_a_sentence_in_the_readers_language(community, people):
    owner, subject = people
    audit_record(community=community, actor=owner, action="member.banned", subject=subject, rule="No spam")
    entry = (
        AuditLogEntry.objects.select_related("actor", "subject__user")
        .prefetch_related("subject__profiles")
        .get()
    )
    with translation.override("en"):
        assert str(sentence(entry)) == (
            "<strong>Olivia Owner</strong> banned <strong>刘洋</strong> for breaking “No spam”."
        )
    with translation.override("zh-hans"):
        text = str(sentence(entry))
    assert "刘洋" in text and "No spam" in text and "封禁" in text


def test_every_action_the_platform_writes_has_a_sentence_and_a_filter_label():
    assert {action for action, _ in ACTION_CHOICES} == set(SENTENCES)


def test_role_changes_name_the_roles_in_the_readers_language(community, people):
    owner, subject = people
    entry = audit_record(
        community=community,
        actor=owner,
        action="member.role_changed",
        subject=subject,
        previous="member",
        role="moderator",
    )
    with translation.override("zh-hans"):
        text = str(sentence(entry))
    assert "版主" in text and "成员" in text and "moderator" not in text


def test_names_are_escaped(community):
    actor = factories.UserFactory(display_name="<script>x</script>")
    entry = audit_record(community=community, actor=actor, action="invitation.revoked")
    assert "<script>" not in str(sentence(entry)) and "&lt;script&gt;" in str(sentence(entry))


def test_the_platforms_own_jobs_and_unknown_actions(community, people):
    _, subject = people
    promoted = audit_record(
        community=community, actor=None, action="trust.promoted", subject=subject, level=2
    )
    assert "reached trust level 2" in str(sentence(promoted))
    later = audit_record(community=community, actor=None, action="events.cancelled")
    assert "<code>events.cancelled</code>" in str(sentence(later))


def test_a_deleted_member_keeps_the_stored_name(community, people):
    owner, subject = people
    audit_record(community=community, actor=owner, action="member.removed", subject=subject)
    subject.user.delete()
    entry = AuditLogEntry.objects.get(action="member.removed")
    assert "<strong>liuyang</strong>" in str(sentence(entry))


def test_the_page_shows_sentences_and_filters_by_name(client_for, community, people):
    owner, subject = people
    other = factories.member(community=community, user__display_name="Max Member")
    audit_record(community=community, actor=owner, action="member.warned", subject=subject, reason="Rude")
    audit_record(community=community, actor=owner, action="member.warned", subject=other, reason="Loud")
    client = client_for(owner)
    url = reverse("members:audit", args=[community.slug])
    page = client.get(url).content.decode()
    assert "<strong>Olivia Owner</strong> warned <strong>刘洋</strong>." in page
    for term in ("刘洋", "liuyang", "LIU"):
        reasons = [e.reason for e in client.get(url, {"member": term}).context["page"].object_list]
        assert reasons == ["Rude"], term
    assert len(client.get(url, {"by": "olivia"}).context["page"].object_list) == 2
    assert list(client.get(url, {"by": "nobody"}).context["page"].object_list) == []
    # The form offers names, not ids.
    assert 'name="member"' in page and 'name="by"' in page and 'name="subject"' not in page


def test_a_name_too_long_is_a_form_error_not_a_500(client_for, community, people):
    owner, _ = people
    response = client_for(owner).get(reverse("members:audit", args=[community.slug]), {"member": "x" * 500})
    assert response.status_code == 200
    assert "member" in response.context["filter"].form.errors


def test_the_api_filters_by_name_and_keeps_the_id_filter(api_client_for, community, people):
    owner, subject = people
    audit_record(community=community, actor=owner, action="member.warned", subject=subject, reason="Rude")
    audit_record(community=community, actor=owner, action="invitation.revoked", reason="Old")
    client = api_client_for(owner)
    url = reverse("api:audit-log", kwargs={"community_slug": community.slug})
    assert [e["reason"] for e in client.get(url, {"member": "刘洋"}).json()["results"]] == ["Rude"]
    assert [e["reason"] for e in client.get(url, {"subject": subject.pk}).json()["results"]] == ["Rude"]
    assert len(client.get(url, {"by": "Olivia"}).json()["results"]) == 2
    response = client.get(url, {"member": "x" * 500})
    assert response.status_code == 400 and "member" in response.json()["fields"]
