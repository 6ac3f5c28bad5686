"""Welcome message, newcomer guide, checklist ticks, rules page, introductions and operators' progress."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from analytics.models import ActivityEvent
from communities.errors import DomainError, Forbidden
from communities.models import Notification, NotificationPreference
from events.services.registrations import registration_create
from members.models import Membership, OnboardingStep
from members.selectors import onboarding as selectors
from members.selectors.policy import policy_for
from members.services import membership_join, profiles
from members.services import onboarding as services
from tests import factories
from tests.events.helpers import make_event

pytestmark = pytest.mark.django_db


def url(name, community, *args):
    return reverse(f"members:{name}", args=[community.slug, *args])


def set_policy(community, **fields):
    policy = policy_for(community=community)
    for name, value in fields.items():
        setattr(policy, name, value)
    policy.save()


def test_joining_sends_the_welcome_message_with_the_name(community):
    set_policy(community, welcome_message="Hello **{name}**, read the guide!")
    user = factories.UserFactory(display_name="Ansel")
    membership_join(actor=user, community=community, accepted_rules_version=None)
    notification = Notification.objects.get(recipient=user)
    assert notification.kind == "welcome"
    assert notification.body == "Hello **Ansel**, read the guide!"
    assert notification.url == url("welcome", community)


def test_welcome_respects_the_member_preference(community):
    user = factories.UserFactory()
    factories.member(community=community, user=user, status="left")
    NotificationPreference.objects.create(
        community=community, user=user, kind="welcome", in_app=False, email=False
    )
    membership_join(actor=user, community=community, accepted_rules_version=None)
    assert not Notification.objects.filter(recipient=user).exists()


def test_checklist_ticks_from_activity(client_for, community):
    member = factories.member(community=community)
    client = client_for(member.user)
    assert [done for _, done in selectors.checklist_for(community=community, user=member.user)] == [False] * 4
    client.get(url("rules", community))
    client.post(url("profile-edit", community), {"visibility": "members", "skills": "", "links": ""})
    client.post(url("welcome", community), {"text": "Hi, I shoot film."})
    done = {step.verb: done for step, done in selectors.checklist_for(community=community, user=member.user)}
    assert done == {
        "profile.updated": True,
        "rules.viewed": True,
        "introduction.posted": True,
        "event.registered": False,
    }
    page = client.get(url("welcome", community))
    assert b"Hi, I shoot film." in page.content


def test_rules_page_records_only_for_active_members(client_for, community):
    client_for().get(url("rules", community))
    client_for(factories.member(community=community, status="pending").user).get(url("rules", community))
    assert not ActivityEvent.objects.filter(verb="rules.viewed").exists()


def test_introduction_validation_and_permissions(client_for, community):
    member = factories.member(community=community)
    response = client_for(member.user).post(url("welcome", community), {"text": "   "})
    assert response.status_code == 200 and "text" in response.context["form"].errors
    with pytest.raises(DomainError) as caught:
        services.introduction_post(actor=member.user, community=community, text=" ")
    assert caught.value.code == "introduction_invalid"
    outsider = factories.UserFactory()
    assert client_for(outsider).post(url("welcome", community), {"text": "hi"}).status_code == 403
    with pytest.raises(Forbidden):
        services.introduction_post(actor=outsider, community=community, text="hi")


def test_newcomer_guide_on_home_for_new_members_only(client_for, community):
    set_policy(community, newcomer_guide="GUIDE-TEXT")
    newcomer = factories.member(community=community)
    veteran = factories.member(community=community, joined_at=timezone.now() - timedelta(days=45))
    home = reverse("communities:home", args=[community.slug])
    assert b"GUIDE-TEXT" in client_for(newcomer.user).get(home).content
    assert b"GUIDE-TEXT" not in client_for(veteran.user).get(home).content
    assert b"GUIDE-TEXT" not in client_for().get(home).content
    assert b"GUIDE-TEXT" in client_for(veteran.user).get(url("welcome", community)).content


def test_operators_manage_steps(client_for, community):
    owner = factories.member(community=community, role="owner")
    client = client_for(owner.user)
    page = client.get(url("onboarding-settings", community))
    assert page.status_code == 200 and page.context["using_defaults"]
    assert len(page.context["steps"]) == 4
    assert not OnboardingStep.objects.filter(community=community).exists()  # a read stores nothing
    response = client.post(
        url("onboarding-settings", community),
        {"title": "Ask a question", "verb": "question.asked", "position": 5},
    )
    assert response.status_code == 302
    assert OnboardingStep.objects.filter(community=community).count() == 5  # the defaults, then the new one
    duplicate = client.post(
        url("onboarding-settings", community), {"title": "Again", "verb": "rules.viewed", "position": 6}
    )
    assert duplicate.status_code == 200 and "verb" in duplicate.context["form"].errors
    step = OnboardingStep.objects.get(community=community, verb="question.asked")
    edit = url("onboarding-step-edit", community, step.pk)
    client.post(edit, {"title": "Ask", "verb": "question.asked", "position": 0, "description": ""})
    step.refresh_from_db()
    assert step.title == "Ask"
    client.post(edit, {"delete": "1"})
    assert not OnboardingStep.objects.filter(pk=step.pk).exists()
    member = factories.member(community=community)
    assert client_for(member.user).get(url("onboarding-settings", community)).status_code == 403
    other_step = OnboardingStep.objects.create(community=factories.CommunityFactory(), title="x", verb="x")
    assert client.get(url("onboarding-step-edit", community, other_step.pk)).status_code == 404


def test_progress_shows_first_missing_step_with_flat_queries(
    client_for, community, django_assert_max_num_queries
):
    owner = factories.member(community=community, role="owner")
    client = client_for(owner.user)
    client.get(url("onboarding-progress", community))
    for count in (10, 40):
        while Membership.objects.filter(community=community).count() < count:
            member = factories.member(community=community)
            services.rules_viewed(actor=member.user, community=community)
        with django_assert_max_num_queries(10):
            response = client.get(url("onboarding-progress", community))
    counts = {step.verb: n for step, n in response.context["counts"]}
    assert counts["profile.updated"] == len(response.context["rows"])
    assert (
        client_for(factories.member(community=community).user)
        .get(url("onboarding-progress", community))
        .status_code
        == 403
    )


def test_progress_counts_the_right_step():
    community = factories.CommunityFactory()
    member = factories.member(community=community)
    services.introduction_post(actor=member.user, community=community, text="hello")
    profiles.profile_update(actor=member.user, community=community)
    rows, _counts, finished = selectors.onboarding_progress(community=community)
    assert rows[0].missing.verb == "rules.viewed" and rows[0].done_count == 2
    assert finished == 0


def test_default_steps_show_unsaved_in_the_readers_language_until_customised(client_for, community):
    owner = factories.member(community=community, role="owner")
    client = client_for(owner.user)
    with translation.override("zh-hans"):
        steps = selectors.onboarding_steps(community=community)
    assert [step.pk for step in steps] == [None] * 4
    assert steps[0].title != "Fill in your profile"
    page = client.get(url("onboarding-settings", community))
    assert b"onboarding-step-edit" not in page.content and not OnboardingStep.objects.exists()
    assert client.post(url("onboarding-settings", community), {"customise": "1"}).status_code == 302
    stored = list(OnboardingStep.objects.filter(community=community).order_by("position"))
    assert [step.verb for step in stored] == [step.verb for step in steps]
    client.post(url("onboarding-settings", community), {"customise": "1"})  # a second time: no-op
    assert OnboardingStep.objects.filter(community=community).count() == 4
    member = factories.member(community=community)
    assert (
        client_for(member.user).post(url("onboarding-settings", community), {"customise": "1"}).status_code
        == 403
    )
    assert OnboardingStep.objects.filter(community=community).count() == 4


def test_the_checklist_offers_join_a_first_event_now_that_events_exist(client_for, community, monkeypatch):
    """ "Join a first event" waited for the events app to have models; it is offered now, and a first
    registration ticks it. A step whose app is missing still waits (`step_available`)."""
    owner = factories.member(community=community, role="owner")
    assert selectors.step_available("event.registered")
    assert "event.registered" in [step.verb for step in selectors.onboarding_steps(community=community)]
    member = factories.member(community=community)
    checklist = selectors.checklist_for(community=community, user=member.user)
    assert [done for step, done in checklist if step.verb == "event.registered"] == [False]
    registration_create(actor=member.user, community=community, event=make_event(community, owner.user))
    checklist = selectors.checklist_for(community=community, user=member.user)
    assert [done for step, done in checklist if step.verb == "event.registered"] == [True]
    page = client_for(owner.user).get(url("welcome", community)).content.decode()
    assert "Join a first event" in page
    monkeypatch.setitem(selectors.VERB_APPS, "partner.", "partnerships")  # installed, no models yet
    assert not selectors.step_available("partner.joined")


def test_accepting_the_rules_while_joining_ticks_read_the_rules(community):
    owner = factories.member(community=community, role="owner").user
    from communities import services as community_services

    community_services.rule_create(actor=owner, community=community, category="conduct", title="Be kind")
    community.refresh_from_db()
    user = factories.UserFactory()
    membership_join(actor=user, community=community, accepted_rules_version=community.rules_version)
    done = {step.verb: ticked for step, ticked in selectors.checklist_for(community=community, user=user)}
    assert done["rules.viewed"] is True
