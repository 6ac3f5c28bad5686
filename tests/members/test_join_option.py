"""One answer to "may this person join?" (communities.joining.join_option), read by pages and services."""

import pathlib

import pytest
from django.urls import reverse

from communities.joining import JoinOption, join_option
from communities.models import Community
from communities.roles import MembershipStatus as S
from members import errors
from members.services import membership_join
from members.services.applications import application_submit
from tests import factories

pytestmark = pytest.mark.django_db
POLICIES = {"open": JoinOption.JOIN, "application": JoinOption.APPLY, "invitation": JoinOption.INVITATION}


@pytest.mark.parametrize("archived", [False, True])
@pytest.mark.parametrize("policy", sorted(POLICIES))
@pytest.mark.parametrize("status", [None, *S.values])
def test_the_answer(status, policy, archived):
    community = Community(join_policy=policy, status="archived" if archived else "active")
    membership = None if status is None else factories.MembershipFactory.build(status=status)
    named = {S.ACTIVE: "member", S.BANNED: "banned", S.PENDING: "pending"}
    expected = named.get(status) or ("archived" if archived else POLICIES[policy])
    assert join_option(community, membership) == expected


def test_no_template_derives_the_join_answer_itself():
    """Templates ask `community|join_option:membership` whether someone may join; none compares the
    status or policy to decide it (a card may still label the policy: that describes, it decides nothing)."""
    root = pathlib.Path(__file__).resolve().parents[2] / "templates"
    derived = [
        str(path.relative_to(root))
        for path in root.rglob("*.html")
        if any(
            needle in path.read_text(encoding="utf-8")
            for needle in (
                'membership.status == "banned"',
                'join_policy != "application"',
                'join_policy == "application" or',
            )
        )
    ]
    assert derived == []


@pytest.mark.parametrize(
    ("status", "policy", "error"),
    [
        (S.BANNED, "open", errors.Banned),
        (S.ACTIVE, "open", errors.AlreadyMember),
        (S.PENDING, "open", errors.ApplicationPending),
        (None, "application", errors.JoinNotOpen),
        (None, "invitation", errors.JoinNotOpen),
    ],
)
def test_the_join_service_refuses_what_the_page_does_not_offer(community, status, policy, error):
    Community.objects.filter(pk=community.pk).update(join_policy=policy)
    community.refresh_from_db()
    user = factories.UserFactory()
    if status is not None:
        factories.member(community=community, user=user, status=status)
    with pytest.raises(error):
        membership_join(actor=user, community=community, accepted_rules_version=None)


@pytest.mark.parametrize(
    ("status", "policy", "error"),
    [
        (S.BANNED, "application", errors.Banned),
        (S.ACTIVE, "application", errors.AlreadyMember),
        (S.PENDING, "application", errors.ApplicationPending),
        (None, "open", errors.ApplicationsNotAccepted),
    ],
)
def test_the_apply_service_refuses_what_the_page_does_not_offer(community, status, policy, error):
    Community.objects.filter(pk=community.pk).update(join_policy=policy)
    community.refresh_from_db()
    user = factories.UserFactory()
    if status is not None:
        factories.member(community=community, user=user, status=status)
    with pytest.raises(error):
        application_submit(actor=user, community=community, answers={}, accepted_rules_version=None)


@pytest.mark.parametrize(
    ("status", "policy", "shown"),
    [
        (None, "open", "Anyone can join"),
        (None, "application", "This community reviews applications"),
        (None, "invitation", "By invitation only"),
        (S.BANNED, "open", "You cannot join this community"),
        (S.PENDING, "open", "waiting for a decision"),
        (S.LEFT, "open", "Anyone can join"),
    ],
)
def test_the_home_page_shows_the_answer(client_for, community, status, policy, shown):
    Community.objects.filter(pk=community.pk).update(join_policy=policy)
    user = factories.UserFactory()
    if status is not None:
        factories.member(community=community, user=user, status=status)
    response = client_for(user).get(reverse("communities:home", kwargs={"slug": community.slug}))
    assert shown in response.content.decode()


def test_the_join_page_of_a_pending_applicant_offers_no_join_form(client_for, community):
    user = factories.member(community=community, status=S.PENDING).user
    response = client_for(user).get(reverse("members:join", kwargs={"slug": community.slug}))
    page = response.content.decode()
    assert "waiting for a decision" in page
    assert 'name="accepted_rules_version"' not in page
