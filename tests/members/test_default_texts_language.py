"""Default texts the platform provides read in the reader's language until an operator writes their own:
the onboarding checklist stays translatable after an operator customises or extends it."""

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import translation

from members.models import OnboardingStep
from members.selectors import onboarding as selectors
from members.services import onboarding as services
from tests import factories

pytestmark = pytest.mark.django_db

ZH_PROFILE = "完善个人资料"


def titles(community, language):
    with translation.override(language):
        return [step.title for step in selectors.onboarding_steps(community=community)]


@pytest.fixture
def owner(community):
    return factories.member(community=community, role="owner", user=factories.UserFactory(language="zh-hans"))


def test_customised_defaults_stay_in_each_readers_language(client_for, community, owner):
    """A Chinese operator customises: English readers still read English, Chinese readers Chinese."""
    response = client_for(owner.user).post(
        reverse("members:onboarding-settings", args=[community.slug]), {"customise": "1"}
    )
    stored = OnboardingStep.objects.filter(community=community)
    assert response.status_code == 302 and stored.count() == len(selectors.default_steps(community=community))
    assert titles(community, "en")[0] == "Fill in your profile"
    assert titles(community, "zh-hans")[0] == ZH_PROFILE
    english_member = factories.member(community=community, user=factories.UserFactory(language="en"))
    page = client_for(english_member.user).get(reverse("members:welcome", args=[community.slug]))
    assert b"Fill in your profile" in page.content and ZH_PROFILE.encode() not in page.content


def test_adding_a_step_keeps_the_defaults_translatable(community, owner):
    with translation.override("zh-hans"):
        services.onboarding_step_create(
            actor=owner.user, community=community, title="提一个问题", verb="q.asked"
        )
    assert titles(community, "en") == [
        "Fill in your profile",
        "Read the rules",
        "Introduce yourself",
        "Join a first event",
        "提一个问题",
    ]
    assert titles(community, "zh-hans")[0] == ZH_PROFILE


def test_saving_a_default_as_shown_keeps_it_translatable_and_a_rewrite_is_the_operators(
    client_for, community, owner
):
    with translation.override("zh-hans"):
        steps = services.onboarding_steps_customise(actor=owner.user, community=community)
    assert steps[0].title == ZH_PROFILE  # returned as the operator reads them
    first = steps[0]
    edit = reverse("members:onboarding-step-edit", args=[community.slug, first.pk])
    form = client_for(owner.user).get(edit).context["form"]
    assert form.initial["title"] == ZH_PROFILE
    # The Chinese operator only moves the step: the title and description come back as shown.
    data = {**form.initial, "position": 7}
    assert client_for(owner.user).post(edit, data).status_code == 302
    assert titles(community, "en")[-1] == "Fill in your profile"
    # A rewritten title is the operator's own, the same for every reader.
    assert client_for(owner.user).post(edit, {**data, "title": "写下你的故事"}).status_code == 302
    assert titles(community, "en")[-1] == "写下你的故事" == titles(community, "zh-hans")[-1]


def test_migration_turns_defaults_stored_in_a_language_back_into_source_text(community):
    with translation.override("zh-hans"):
        OnboardingStep.objects.create(
            community=community,
            title=ZH_PROFILE,
            description=translation.gettext("Tell the community who you are and what you want to learn."),
            verb="profile.updated",
        )
    OnboardingStep.objects.create(community=community, title="My own step", verb="x.done", position=1)
    migration = __import__("members.migrations.0011_default_steps_source_text", fromlist=["x"])
    migration.store_source_text(apps, None)
    stored = list(OnboardingStep.objects.filter(community=community).values_list("title", "description"))
    assert stored == [
        ("Fill in your profile", "Tell the community who you are and what you want to learn."),
        ("My own step", ""),
    ]
