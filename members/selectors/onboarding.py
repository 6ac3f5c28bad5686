"""Reads for the welcome page and the onboarding checklist: steps, ticks and who is stuck where."""

from dataclasses import dataclass
from datetime import timedelta

from django.apps import apps
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop

from analytics.services import latest_events, verbs_done
from communities.models import Community
from communities.roles import MembershipStatus
from members.errors import OnboardingStepNotFound
from members.models import MemberProfile, Membership, OnboardingStep

NEWCOMER_DAYS = 30

# Steps ticked by the activity of an app that does not run yet wait for it: "Join a first event" is
# offered once the events app has models (issue 8). Verb prefix -> app label.
VERB_APPS = {"event.": "events"}


def step_available(verb: str) -> bool:
    """False for a step a member cannot do today (its app is missing or has no models yet)."""
    for prefix, label in VERB_APPS.items():
        if verb.startswith(prefix):
            if not apps.is_installed(label):
                return False
            return next(apps.get_app_config(label).get_models(), None) is not None
    return True


# The default checklist in the source language: stored as written here when an operator customises it or
# adds a step, and shown in each reader's language (`default_text`) until an operator rewrites a text.
DEFAULT_STEPS = [
    (
        gettext_noop("Fill in your profile"),
        gettext_noop("Tell the community who you are and what you want to learn."),
        "profile.updated",
    ),
    (
        gettext_noop("Read the rules"),
        gettext_noop("Open the rules page and read how we work together."),
        "rules.viewed",
    ),
    (
        gettext_noop("Introduce yourself"),
        gettext_noop("Say hello on the welcome page."),
        "introduction.posted",
    ),
    (
        gettext_noop("Join a first event"),
        gettext_noop("Register for one of the community's events."),
        "event.registered",
    ),
]
DEFAULT_TEXTS = frozenset(
    text for title, description, _verb in DEFAULT_STEPS for text in (title, description)
)


def default_text(text: str) -> str:
    """A text of the default checklist in the active language; any other text as its author wrote it."""
    return gettext(text) if text in DEFAULT_TEXTS else text


def localise(steps: list[OnboardingStep]) -> list[OnboardingStep]:
    """The steps as the reader reads them: default texts translated (on these instances, never saved)."""
    for step in steps:
        step.title, step.description = default_text(step.title), default_text(step.description)
    return steps


def default_steps(*, community: Community) -> list[OnboardingStep]:
    """The default checklist, unsaved, in the source language (what `_stored_steps` stores); only the
    steps a member can do today (`step_available`)."""
    defaults = [step for step in DEFAULT_STEPS if step_available(step[2])]
    return [
        OnboardingStep(community=community, title=title, description=description, verb=verb, position=i)
        for i, (title, description, verb) in enumerate(defaults)
    ]


def onboarding_steps(*, community: Community) -> list[OnboardingStep]:
    """The community's checklist in order, in the reader's language; the default steps, unsaved, while it
    has none of its own.

    A read never writes: the defaults are stored only when an operator changes the checklist
    (`members.services.onboarding.onboarding_steps_customise`). Unsaved steps have no `pk`.
    """
    return localise(
        list(OnboardingStep.objects.for_community(community)) or default_steps(community=community)
    )


def onboarding_step_get(*, community: Community, onboarding_step_id: int) -> OnboardingStep:
    step = OnboardingStep.objects.for_community(community).filter(pk=onboarding_step_id).first()
    if step is None:
        raise OnboardingStepNotFound()
    return localise([step])[0]


def checklist_for(*, community: Community, user) -> list[tuple[OnboardingStep, bool]]:
    """Each step a member can do today with whether the member's activity log already ticks it."""
    steps = [step for step in onboarding_steps(community=community) if step_available(step.verb)]
    done = verbs_done(community=community, user_ids=[user.pk], verbs=[step.verb for step in steps])
    return [(step, (user.pk, step.verb) in done) for step in steps]


@dataclass
class StuckMember:
    membership: Membership
    missing: OnboardingStep | None
    done_count: int


def onboarding_progress(*, community: Community, days: int = NEWCOMER_DAYS):
    """Members who joined in the last `days` days with their first missing step, and counts per step.

    Four queries whatever the number of members: steps, memberships, their profiles, and one aggregate
    over the log.
    Returns (rows, [(step, members stopped at it)], number of members who finished the checklist).
    """
    steps = [step for step in onboarding_steps(community=community) if step_available(step.verb)]
    members = list(
        Membership.objects.for_community(community)
        .filter(status=MembershipStatus.ACTIVE, joined_at__gte=timezone.now() - timedelta(days=days))
        .select_related("user")
        .prefetch_related(Prefetch("profiles", queryset=MemberProfile.objects.filter(community=community)))
        .order_by("-joined_at", "-id")
    )
    done = verbs_done(
        community=community, user_ids=[m.user_id for m in members], verbs=[step.verb for step in steps]
    )
    rows = []
    counts = {step.verb: 0 for step in steps}  # the verb is unique per community; defaults have no pk
    finished = 0
    for membership in members:
        missing = next((step for step in steps if (membership.user_id, step.verb) not in done), None)
        done_count = sum((membership.user_id, step.verb) in done for step in steps)
        rows.append(StuckMember(membership, missing, done_count))
        if missing is None:
            finished += 1
        else:
            counts[missing.verb] += 1
    return rows, [(step, counts[step.verb]) for step in steps], finished


def is_newcomer(membership: Membership | None) -> bool:
    return (
        membership is not None
        and membership.is_active
        and membership.joined_at is not None
        and membership.joined_at >= timezone.now() - timedelta(days=NEWCOMER_DAYS)
    )


def introduction_list(*, community: Community, limit: int = 20) -> list[dict]:
    """The latest introductions posted on the welcome page, newest first."""
    return [
        {"author": event.actor, "text": event.data.get("text", ""), "posted_at": event.occurred_at}
        for event in latest_events(community=community, verb="introduction.posted", limit=limit)
    ]


PROGRESS_MAX_DAYS = 365


def progress_days(value: str | None) -> int:
    """The progress period from a query value: 1 to 365 days, NEWCOMER_DAYS when absent or not a number."""
    if value is None or not str(value).strip().lstrip("-").isdecimal():
        return NEWCOMER_DAYS
    return min(max(int(value), 1), PROGRESS_MAX_DAYS)


@dataclass
class OnboardingProgress:
    """The operators' progress page (HTML) and endpoint (API) for one period."""

    days: int
    rows: list[StuckMember]
    counts: list[tuple[OnboardingStep, int]]
    finished: int

    @property
    def members(self) -> list[StuckMember]:
        return self.rows

    @property
    def steps(self) -> list[dict]:
        return [{"step": step, "stopped_here": count} for step, count in self.counts]


def onboarding_progress_report(*, community: Community, days: str | None) -> OnboardingProgress:
    """`onboarding_progress` over the period a request asks for (`?days=`, see `progress_days`)."""
    period = progress_days(days)
    rows, counts, finished = onboarding_progress(community=community, days=period)
    return OnboardingProgress(days=period, rows=rows, counts=counts, finished=finished)
