"""The shape every app copies: one `<entity>_get` selector per entity (NotFound for missing and foreign
alike, with the entity's code), API viewsets that load objects only through it, and HTML and API screens
built by the same selectors."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import Client
from django.urls import reverse

from communities import selectors as community_selectors
from communities.api.base import CommunityViewSet
from communities.errors import NotFound
from members.models import OnboardingStep
from members.selectors import applications, moderation, onboarding, profiles, recruitment, roles
from members.services import profiles as profile_services
from members.services.moderation import member_warn
from tests import factories
from tests.api.helpers import assert_error
from tests.members.moderation_helpers import report_member, rules_of

pytestmark = pytest.mark.django_db


def foreign_and_missing(make, get, code):
    """`get(community, id)` raises the entity's NotFound for another community's row and for no row."""
    community = factories.CommunityFactory()
    foreign = make(factories.CommunityFactory())
    for object_id in (foreign.pk, foreign.pk + 10_000):
        with pytest.raises(NotFound) as raised:
            get(community, object_id)
        assert raised.value.code == code


def test_rule_get():
    foreign_and_missing(
        lambda c: factories.RuleFactory(community=c),
        lambda c, pk: community_selectors.rule_get(community=c, rule_id=pk),
        "rule_not_found",
    )


def test_member_get_and_profile_get():
    make = lambda c: factories.member(community=c)  # noqa: E731
    foreign_and_missing(
        make, lambda c, pk: roles.member_get(community=c, membership_id=pk), "member_not_found"
    )
    foreign_and_missing(
        make,
        lambda c, pk: profiles.profile_get(community=c, viewer=None, membership_id=pk),
        "member_not_found",
    )


def test_profile_get_is_active_members_only():
    pending = factories.member(status="pending", joined_at=None)
    with pytest.raises(NotFound):
        profiles.profile_get(community=pending.community, viewer=None, membership_id=pending.pk)
    assert roles.member_get(community=pending.community, membership_id=pending.pk) == pending


def test_vetting_gets():
    foreign_and_missing(
        lambda c: factories.ApplicationFactory(community=c),
        lambda c, pk: applications.application_get(community=c, application_id=pk),
        "application_not_found",
    )
    foreign_and_missing(
        lambda c: factories.ApplicationQuestionFactory(community=c),
        lambda c, pk: applications.application_question_get(community=c, application_question_id=pk),
        "question_not_found",
    )


def test_onboarding_step_get():
    foreign_and_missing(
        lambda c: OnboardingStep.objects.create(community=c, title="x", verb="x.done"),
        lambda c, pk: onboarding.onboarding_step_get(community=c, onboarding_step_id=pk),
        "onboarding_step_not_found",
    )


def test_recruitment_gets():
    foreign_and_missing(
        lambda c: factories.InvitationFactory(community=c),
        lambda c, pk: recruitment.invitation_get(community=c, invitation_id=pk),
        "invitation_not_found",
    )
    foreign_and_missing(
        lambda c: factories.JoinLinkFactory(community=c),
        lambda c, pk: recruitment.join_link_get(community=c, join_link_id=pk),
        "join_link_not_found",
    )
    foreign = factories.InvitationFactory()
    with pytest.raises(NotFound) as raised:
        recruitment.invitation_get_by_code(community=factories.CommunityFactory(), code=foreign.code)
    assert raised.value.code == "invitation_invalid"


def test_report_get(community, owner):
    rules = rules_of(community, owner)
    report = report_member(
        reporter=factories.member(community=community).user,
        subject=factories.member(community=community),
        rule=rules[0],
    )
    assert moderation.report_get(community=community, report_id=report.pk) == report
    with pytest.raises(NotFound) as raised:
        moderation.report_get(community=factories.CommunityFactory(), report_id=report.pk)
    assert raised.value.code == "report_not_found"


def test_note_and_tag_gets_are_scoped_to_the_member(community, owner):
    one, two = factories.member(community=community), factories.member(community=community)
    note = profile_services.member_note_add(actor=owner, community=community, membership=one, body="n")
    tag = profile_services.member_tag_add(actor=owner, community=community, membership=one, name="core")
    assert profiles.member_note_get(community=community, membership=one, note_id=note.pk) == note
    with pytest.raises(NotFound) as raised:
        profiles.member_note_get(community=community, membership=two, note_id=note.pk)
    assert raised.value.code == "note_not_found"
    with pytest.raises(NotFound) as raised:
        profiles.member_tag_get(community=community, membership=two, tag_id=tag.pk)
    assert raised.value.code == "tag_not_found"


def test_a_viewset_that_does_not_name_its_get_selector_fails_loudly():
    class Forgetful(CommunityViewSet):
        pass

    with pytest.raises(ImproperlyConfigured, match=r"Forgetful\.get_object"):
        Forgetful().get_object()


def test_api_answers_a_foreign_object_with_its_entity_code(api_client_for, community, owner):
    other = factories.CommunityFactory()
    client = api_client_for(owner)
    cases = [
        (
            "invitation-detail",
            {"invitation_id": factories.InvitationFactory(community=other).pk},
            "invitation",
        ),
        ("join-link-detail", {"join_link_id": factories.JoinLinkFactory(community=other).pk}, "join_link"),
        (
            "application-detail",
            {"application_id": factories.ApplicationFactory(community=other).pk},
            "application",
        ),
        ("member-profile", {"membership_id": factories.member(community=other).pk}, "member"),
    ]
    for name, kwargs, entity in cases:
        response = client.get(reverse(f"api:{name}", kwargs={"community_slug": community.slug, **kwargs}))
        assert_error(response, 404, f"{entity}_not_found")


# --- HTML and API built by the same selectors -------------------------------------------------------------


def test_moderation_record_is_the_same_on_the_page_and_in_the_api(api_client_for, community, owner):
    rules = rules_of(community, owner)
    subject = factories.member(community=community)
    member_warn(actor=owner, community=community, membership=subject, reason="rude", rule_id=rules[0].pk)
    page = Client()
    page.force_login(owner)
    context = page.get(reverse("members:moderation-member", args=[community.slug, subject.pk])).context
    body = (
        api_client_for(owner)
        .get(
            reverse(
                "api:member-moderation-record",
                kwargs={"community_slug": community.slug, "membership_id": subject.pk},
            )
        )
        .json()
    )
    assert [action.pk for action in context["record"]] == [action["id"] for action in body["actions"]]
    assert context["proposal"] == body["proposed_step"]


@pytest.mark.parametrize(
    ("asked", "days"), [(None, 30), ("7", 7), ("45", 45), ("0", 1), ("9999", 365), ("x", 30)]
)
def test_onboarding_progress_period_is_read_the_same_way(api_client_for, community, owner, asked, days):
    query = {} if asked is None else {"days": asked}
    page = Client()
    page.force_login(owner)
    context = page.get(reverse("members:onboarding-progress", args=[community.slug]), query).context
    body = (
        api_client_for(owner)
        .get(reverse("api:onboarding-progress", kwargs={"community_slug": community.slug}), query)
        .json()
    )
    assert context["days"] == body["days"] == days
    assert len(context["rows"]) == len(body["members"])
