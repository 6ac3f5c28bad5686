"""Welcome and onboarding: the welcome message, the checklist's steps, rules views and introductions."""

from django.db import transaction
from django.urls import reverse

from analytics.services import record
from communities.models import Community
from communities.notifications import notify
from communities.permissions import ensure_can
from members import errors
from members.models import Membership, OnboardingStep
from members.selectors.onboarding import default_steps, default_text, localise
from members.selectors.policy import policy_for
from members.services.publishing import ensure_may_post

INTRODUCTION_MAX_LENGTH = 1000


def welcome_member(*, membership: Membership):
    """Send the community's welcome message to a newly active member through the notification service.

    Called on every activation of a membership (open join, approved application, accepted invitation),
    inside the caller's transaction. `{name}` in the message becomes the member's name.
    """
    community = membership.community
    message = policy_for(community=community).welcome_message
    name = membership.user.name
    body = message.replace("{name}", name) if message else ""
    return notify(
        community=community,
        recipient=membership.user,
        kind="welcome",
        params={"name": name},
        note=body,
        url=reverse("members:welcome", kwargs={"slug": community.slug}),
    )


@transaction.atomic
def rules_viewed(*, actor, community: Community) -> bool:
    """Record "rules.viewed" when an active member opens the rules page; True when recorded."""
    membership = community.memberships.filter(user=actor).first() if actor.is_authenticated else None
    if membership is None or not membership.is_active:
        return False
    record(community=community, actor=actor, verb="rules.viewed", target=membership)
    return True


@transaction.atomic
def introduction_post(*, actor, community: Community, text: str) -> None:
    """A member introduces themself: recorded as "introduction.posted" with the text in its data."""
    text = (text or "").strip()
    membership = ensure_may_post(actor=actor, community=community, text=text, field="text")
    if not text or len(text) > INTRODUCTION_MAX_LENGTH:
        raise errors.IntroductionInvalid(fields={"text": [str(errors.IntroductionInvalid.message)]})
    record(
        community=community, actor=actor, verb="introduction.posted", target=membership, data={"text": text}
    )


def _check_verb_free(community: Community, verb: str, step: OnboardingStep | None = None) -> None:
    taken = OnboardingStep.objects.for_community(community).filter(verb=verb)
    if step is not None:
        taken = taken.exclude(pk=step.pk)
    if taken.exists():
        raise errors.OnboardingVerbTaken(fields={"verb": [str(errors.OnboardingVerbTaken.message)]})


def _save(step: OnboardingStep) -> OnboardingStep:
    step.full_clean(exclude=["community"], validate_unique=False)
    step.save()
    return step


def _stored_steps(community: Community) -> list[OnboardingStep]:
    """The community's own steps, storing the defaults first when it has none.

    The community row is locked so two operators customising at once store the defaults once.
    """
    Community.objects.select_for_update().filter(pk=community.pk).first()
    if not OnboardingStep.objects.for_community(community).exists():
        OnboardingStep.objects.bulk_create(default_steps(community=community))
    return list(OnboardingStep.objects.for_community(community))


@transaction.atomic
def onboarding_steps_customise(*, actor, community: Community) -> list[OnboardingStep]:
    """Store the default checklist so its steps can be edited one by one; returned in the reader's language.

    The defaults are stored in the source language and keep showing in each reader's language until an
    operator rewrites them (`members.selectors.onboarding.default_text`). A no-op when the community
    already has its own steps.
    """
    ensure_can(actor, "manage_community", community)
    return localise(_stored_steps(community))


@transaction.atomic
def onboarding_step_create(
    *, actor, community: Community, title: str, verb: str, description: str = "", position: int | None = None
) -> OnboardingStep:
    ensure_can(actor, "manage_community", community)
    existing = _stored_steps(community)  # the defaults first, so a new step adds to them
    verb = verb.strip()
    _check_verb_free(community, verb)
    if position is None:
        position = len(existing)
    step = OnboardingStep(
        community=community, title=title, verb=verb, description=description, position=position
    )
    return _save(step)


@transaction.atomic
def onboarding_step_update(*, actor, community: Community, step: OnboardingStep, **changes) -> OnboardingStep:
    """Change title, description, verb or position of one step.

    A default text sent back as the operator's form showed it (in their language) is not a rewrite: the
    stored source text stays, so that every reader keeps reading it in their own language.
    """
    ensure_can(actor, "manage_community", community)
    step = OnboardingStep.objects.for_community(community).select_for_update().get(pk=step.pk)
    for name in ("title", "description"):
        if name in changes and changes[name] == default_text(getattr(step, name)):
            del changes[name]
    if "verb" in changes:
        changes["verb"] = changes["verb"].strip()
        _check_verb_free(community, changes["verb"], step)
    for name in ("title", "description", "verb", "position"):
        if name in changes:
            setattr(step, name, changes[name])
    return localise([_save(step)])[0]


@transaction.atomic
def onboarding_step_delete(*, actor, community: Community, step: OnboardingStep) -> None:
    ensure_can(actor, "manage_community", community)
    OnboardingStep.objects.for_community(community).filter(pk=step.pk).delete()
