"""The audit log is append-only below the service layer: through the ORM (every database) and, on
PostgreSQL, against any SQL (a trigger). Deleting a community, an account or a membership still works."""

import pytest
from django.db import IntegrityError, NotSupportedError, connection, transaction

from communities import services
from communities.models import Community
from members.models import AuditLogEntry, Membership
from members.models.audit import AuditLogAppendOnly
from members.services.audit import audit_record
from tests import factories

pytestmark = pytest.mark.django_db
on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger is PostgreSQL's")


@pytest.fixture
def entry(community, owner):
    subject = factories.member(community=community)
    return audit_record(
        community=community, actor=owner, action="member.warned", subject=subject, reason="Rude"
    )


def unchanged(entry) -> bool:
    stored = AuditLogEntry.objects.get(pk=entry.pk)
    return (stored.action, stored.reason, stored.data) == ("member.warned", "Rude", {})


def test_an_entry_cannot_be_saved_again(entry):
    entry.reason = "Nothing happened"
    with pytest.raises(AuditLogAppendOnly):
        entry.save()
    assert unchanged(entry)


def test_a_new_entry_never_overwrites_a_row(entry, community):
    forged = AuditLogEntry(pk=entry.pk, community=community, action="member.forgiven")
    with pytest.raises(IntegrityError), transaction.atomic():  # the primary key is taken
        forged.save()
    assert unchanged(entry)


def test_an_entry_cannot_be_deleted(entry):
    with pytest.raises(AuditLogAppendOnly):
        entry.delete()
    assert AuditLogEntry.objects.filter(pk=entry.pk).exists()


@pytest.mark.parametrize(
    "change",
    [
        lambda qs: qs.update(reason="Nothing happened"),
        lambda qs: qs.delete(),
        lambda qs: AuditLogEntry.objects.bulk_update([qs.get()], ["reason"]),
    ],
    ids=["update", "delete", "bulk_update"],
)
def test_querysets_cannot_update_or_delete(entry, change):
    with pytest.raises(AuditLogAppendOnly), transaction.atomic():
        change(AuditLogEntry.objects.filter(pk=entry.pk))
    assert unchanged(entry)


def test_the_refusal_is_a_database_not_supported_error(entry):
    """The ORM and the PostgreSQL trigger refuse with the same kind of error."""
    with pytest.raises(NotSupportedError):
        entry.delete()


def test_deleting_the_community_deletes_its_entries(entry, community, owner):
    other = audit_record(community=factories.CommunityFactory(), actor=owner, action="member.warned")
    services.community_delete(actor=owner, community=community, confirm_slug=community.slug)
    assert not Community.objects.filter(pk=community.pk).exists()
    assert list(AuditLogEntry.objects.values_list("pk", flat=True)) == [other.pk]


def test_deleting_the_actor_or_the_subject_keeps_the_entry(entry):
    subject_label = entry.subject_label
    entry.actor.delete()
    Membership.objects.filter(pk=entry.subject_id).delete()
    stored = AuditLogEntry.objects.get(pk=entry.pk)
    assert (stored.actor_id, stored.subject_id, stored.subject_label) == (None, None, subject_label)
    assert unchanged(entry)


def raw(sql: str, params: list) -> None:
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, params)


@on_postgresql
@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE members_auditlogentry SET reason = 'Nothing happened' WHERE id = %s",
        "UPDATE members_auditlogentry SET subject_id = NULL, reason = '' WHERE id = %s",
        "UPDATE members_auditlogentry SET actor_id = actor_id + 1 WHERE id = %s",
        "DELETE FROM members_auditlogentry WHERE id = %s",
    ],
    ids=["update", "update-with-a-cleared-subject", "move-the-actor", "delete"],
)
def test_postgresql_refuses_raw_updates_and_deletes(entry, sql):
    with pytest.raises(NotSupportedError, match="append-only"):
        raw(sql, [entry.pk])
    assert unchanged(entry)


@on_postgresql
def test_postgresql_deletes_only_the_named_community_s_entries(entry, community):
    other = factories.CommunityFactory()
    raw("SELECT set_config('guildhall.deleting_community', %s, true)", [str(other.pk)])
    with pytest.raises(NotSupportedError, match="append-only"):
        raw("DELETE FROM members_auditlogentry WHERE id = %s", [entry.pk])
    assert unchanged(entry)
