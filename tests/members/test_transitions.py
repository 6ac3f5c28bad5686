"""The membership transition table: every (from, to, via) triple, and the ban-evasion attacks it closes."""

import itertools
import pathlib
import re

import pytest
from django.urls import reverse

from communities.errors import DomainError
from communities.models import Community
from communities.roles import MembershipStatus as S
from members.models import Application, Membership
from members.services import applications as vetting
from members.services.moderation import member_ban
from members.services.transitions import NEW, TRANSITIONS, membership_transition
from tests import factories
from tests.api.helpers import assert_error

pytestmark = pytest.mark.django_db

ADMISSION = {NEW, S.LEFT, S.REJECTED, S.PENDING}
# The table written out independently: a change to TRANSITIONS must change this test too.
ALLOWED = {
    *(("join", source, S.ACTIVE) for source in (NEW, S.LEFT, S.REJECTED)),
    *(("invitation", source, S.ACTIVE) for source in ADMISSION),
    *(("guest", source, S.ACTIVE) for source in ADMISSION),
    *(("apply", source, S.PENDING) for source in (NEW, S.LEFT, S.REJECTED)),
    ("approve", S.PENDING, S.ACTIVE),
    ("reject", S.PENDING, S.REJECTED),
    ("withdraw", S.PENDING, S.LEFT),
    ("leave", S.ACTIVE, S.LEFT),
    ("remove", S.ACTIVE, S.LEFT),
    *(("ban", source, S.BANNED) for source in (S.ACTIVE, S.PENDING, S.LEFT, S.REJECTED)),
    ("unban", S.BANNED, S.LEFT),
}
SOURCES = [NEW, *S.values]


def _refusal_code(via: str, source) -> tuple[int, str]:
    """The error a forbidden pair raises: ways in keep their documented codes, the rest a 409."""
    if via in {"join", "invitation", "apply"}:
        named = {
            S.BANNED: (403, "banned"),
            S.ACTIVE: (409, "already_member"),
            S.PENDING: (409, "application_pending"),
        }
        if source in named:
            return named[source]
    return 409, "membership_transition_forbidden"


def test_the_table_names_exactly_the_services_vias():
    assert set(TRANSITIONS) == {via for via, _, _ in ALLOWED}


@pytest.mark.parametrize(("via", "source"), list(itertools.product(sorted(TRANSITIONS), SOURCES)))
def test_every_pair_of_the_table(via, source, community):
    other = factories.UserFactory()
    if source is NEW:
        membership = Membership(community=community, user=other)
    else:
        membership = factories.member(community=community, user=other, status=source)
    before = Community.objects.get(pk=community.pk).member_count
    targets = sorted(S.values, key=lambda target: (via, source, target) in ALLOWED)  # the allowed one last
    for target in targets:
        if (via, source, target) in ALLOWED:
            membership_transition(membership=membership, to=target, via=via)
            stored = Membership.objects.get(community=community, user=other)
            assert stored.status == target
            delta = (target == S.ACTIVE) - (source == S.ACTIVE)
            assert Community.objects.get(pk=community.pk).member_count == before + delta
            if target == S.LEFT:
                assert stored.left_at is not None
            if target == S.ACTIVE:
                assert stored.joined_at is not None and stored.left_at is None
        else:
            with pytest.raises(DomainError) as refused:
                membership_transition(membership=membership, to=target, via=via)
            assert (refused.value.status, refused.value.code) == _refusal_code(via, source)
            assert Membership.objects.filter(community=community, user=other).count() == (source is not NEW)
            if source is not NEW:
                assert Membership.objects.get(pk=membership.pk).status == source
            assert Community.objects.get(pk=community.pk).member_count == before


def test_no_code_writes_membership_status_outside_the_transition_function():
    """A static guard: services set statuses only through membership_transition."""
    root = pathlib.Path(__file__).resolve().parents[2]
    writes = re.compile(r"\.status\s*=\s*MembershipStatus\.|update\([^)]*status\s*=\s*MembershipStatus\.")
    offenders = [
        str(path.relative_to(root))
        for app in ("members", "communities", "accounts")
        for path in (root / app).rglob("*.py")
        if "migrations" not in path.parts
        and path.name != "transitions.py"
        and writes.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


# --- The two attacks, end to end ---------------------------------------------------------------------------


@pytest.fixture
def vetted(community):
    Community.objects.filter(pk=community.pk).update(join_policy=Community.JoinPolicy.APPLICATION)
    community.refresh_from_db()
    return community


@pytest.fixture
def banned_applicant(vetted, owner):
    """An applicant banned while their application waited for a decision."""
    user = factories.UserFactory()
    vetting.application_submit(actor=user, community=vetted, answers={}, accepted_rules_version=None)
    membership = Membership.objects.get(community=vetted, user=user)
    rule = factories.RuleFactory(community=vetted)
    member_ban(actor=owner, community=vetted, membership=membership, rule_id=rule.pk, reason="spam")
    return user


def api(name, community, **kwargs):
    return reverse(f"api:{name}", kwargs={"community_slug": community.slug, **kwargs})


def test_a_ban_takes_the_application_out_of_the_queue(vetted, banned_applicant):
    application = Application.objects.get(community=vetted, applicant=banned_applicant)
    assert application.status == Application.Status.REJECTED


def test_a_banned_applicant_cannot_withdraw_and_apply_again(api_client_for, vetted, banned_applicant):
    client = api_client_for(banned_applicant)
    assert client.delete(api("application-mine", vetted)).status_code == 404  # nothing pending to withdraw
    assert_error(client.post(api("application-list", vetted), {}, format="json"), 403, "banned")
    assert Membership.objects.get(community=vetted, user=banned_applicant).status == S.BANNED


def test_approving_a_banned_applicants_application_is_refused(
    api_client_for, vetted, owner, banned_applicant
):
    application = Application.objects.get(community=vetted, applicant=banned_applicant)
    response = api_client_for(owner).post(
        api("application-decide", vetted, application_id=application.pk), {"decision": "approve"}
    )
    assert_error(response, 409, "application_already_decided")
    assert Membership.objects.get(community=vetted, user=banned_applicant).status == S.BANNED


@pytest.fixture
def stale_pending(vetted, banned_applicant):
    """The state the attack used: a pending application whose membership is banned (rows from before the
    fix, or any path that bans without closing). The table alone must refuse both moves."""
    Application.objects.filter(community=vetted, applicant=banned_applicant).update(
        status=Application.Status.PENDING, decided_at=None, decided_by=None
    )
    return Application.objects.get(community=vetted, applicant=banned_applicant)


def test_the_table_refuses_withdrawing_a_banned_membership(
    api_client_for, vetted, banned_applicant, stale_pending
):
    response = api_client_for(banned_applicant).delete(api("application-mine", vetted))
    assert_error(response, 409, "membership_transition_forbidden")
    assert Membership.objects.get(community=vetted, user=banned_applicant).status == S.BANNED
    with pytest.raises(DomainError, match="cannot change"):
        vetting.application_withdraw(actor=banned_applicant, community=vetted)
    stale_pending.refresh_from_db()
    assert stale_pending.status == Application.Status.PENDING


@pytest.mark.parametrize("bulk", [False, True])
def test_the_table_refuses_approving_a_banned_membership(
    api_client_for, vetted, owner, banned_applicant, stale_pending, bulk
):
    client = api_client_for(owner)
    if bulk:
        response = client.post(
            api("application-bulk-decide", vetted), {"ids": [stale_pending.pk], "decision": "approve"}
        )
    else:
        response = client.post(
            api("application-decide", vetted, application_id=stale_pending.pk), {"decision": "approve"}
        )
    assert_error(response, 409, "membership_transition_forbidden")
    assert Membership.objects.get(community=vetted, user=banned_applicant).status == S.BANNED
    assert Community.objects.get(pk=vetted.pk).member_count == 1
