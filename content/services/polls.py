"""Writes of polls: adding one to a topic, voting, closing early.

A vote locks the poll row (`select_for_update`), so a vote and a close, or two votes of the same member,
queue on it; the (poll, voter) unique constraint of `PollBallot` backs the one-vote rule. Counts change
with F() updates in the vote's transaction: `Poll.voter_count` by one, each chosen option's `vote_count`
by one.
"""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext

from analytics.services import record
from communities.models import Community
from communities.permissions import ensure_can, has_capability
from content.errors import polls as errors
from content.models import Poll, PollBallot, PollChoice, PollOption, Topic
from content.models.polls import OPTION_MAX, OPTIONS_MAX, OPTIONS_MIN, QUESTION_MAX, PollResults
from content.selectors.discussions import topic_get
from members.errors import NotAMember
from members.services.publishing import ensure_may_post

# How far ahead a poll may close.
CLOSES_WITHIN = timedelta(days=365)


def _invalid(field: str, message: str) -> errors.PollInvalid:
    return errors.PollInvalid(fields={field: [message]})


def clean_options(options) -> list[str]:
    """2 to 10 options, each 1 to 100 characters after folding spaces, no two alike (case aside)."""
    cleaned = [" ".join(str(option).split()) for option in options or []]
    cleaned = [option for option in cleaned if option]
    if not OPTIONS_MIN <= len(cleaned) <= OPTIONS_MAX:
        message = gettext("Give from %(low)s to %(high)s options.") % {
            "low": OPTIONS_MIN,
            "high": OPTIONS_MAX,
        }
        raise _invalid("options", message)
    if any(len(option) > OPTION_MAX for option in cleaned):
        raise _invalid("options", gettext("An option has at most %(n)s characters.") % {"n": OPTION_MAX})
    if len({option.casefold() for option in cleaned}) != len(cleaned):
        raise _invalid("options", gettext("Each option once."))
    return cleaned


def may_manage_poll(membership, topic: Topic) -> bool:
    """The topic's author (an active member) or a moderator."""
    if has_capability(membership, "moderate"):
        return True
    return has_capability(membership, "participate") and topic.author_id == membership.pk


@transaction.atomic
def poll_create(
    *,
    actor,
    community: Community,
    topic: Topic,
    question: str,
    options,
    multiple: bool = False,
    closes_at=None,
    results: str = PollResults.AFTER_VOTING,
) -> Poll:
    """Add a poll to `topic` (its author, or a moderator); one per topic (`poll_exists`)."""
    membership = ensure_may_post(actor=actor, community=community, text=question)
    topic = Topic.objects.select_for_update().for_community(community).get(pk=topic.pk)
    if not may_manage_poll(membership, topic):
        raise errors.PollNotAllowed()
    question = " ".join((question or "").split())
    if not question or len(question) > QUESTION_MAX:
        raise _invalid(
            "question", gettext("Ask the question (at most %(n)s characters).") % {"n": QUESTION_MAX}
        )
    texts = clean_options(options)
    now = timezone.now()
    if closes_at is not None and not now < closes_at <= now + CLOSES_WITHIN:
        raise _invalid("closes_at", gettext("Choose a closing time within the next year."))
    if results not in PollResults.values:
        raise _invalid("results", gettext("Choose when the results are shown."))
    if Poll.objects.for_community(community).filter(topic=topic).exists():
        raise errors.PollExists()
    poll = Poll.objects.create(
        community=community,
        topic=topic,
        question=question,
        multiple=bool(multiple),
        closes_at=closes_at,
        results=results,
        created_by=membership,
    )
    PollOption.objects.bulk_create(
        PollOption(community=community, poll=poll, text=text, position=position)
        for position, text in enumerate(texts)
    )
    record(community=community, actor=actor, verb="poll.created", target=poll, data={"topic_id": topic.pk})
    return poll


def _locked(community: Community, poll: Poll) -> Poll:
    return Poll.objects.select_for_update().for_community(community).get(pk=poll.pk)


@transaction.atomic
def poll_vote(*, actor, community: Community, poll: Poll, option_ids) -> PollBallot:
    """Vote once in an open poll: one option, or a set of them in a multiple-choice poll.

    Refused: a closed poll (`poll_closed`), a second vote (`poll_already_voted`), an option of another
    poll (`poll_option_of_another_poll`), several options in a single-choice poll
    (`poll_too_many_choices`), no option or the same one twice (`poll_invalid`).
    """
    membership = ensure_can(actor, "participate", community)
    if membership is None:
        raise NotAMember()
    topic_get(community=community, membership=membership, topic_id=poll.topic_id)  # may still read it
    poll = _locked(community, poll)
    if poll.is_closed:
        raise errors.PollClosed()
    try:
        chosen = [int(option_id) for option_id in option_ids or []]
    except (TypeError, ValueError) as exc:
        raise _invalid("options", gettext("Choose options of this poll.")) from exc
    if not chosen or len(set(chosen)) != len(chosen):
        raise _invalid("options", gettext("Choose each option at most once, and at least one."))
    if len(chosen) > 1 and not poll.multiple:
        raise errors.PollTooManyChoices(fields={"options": [str(errors.PollTooManyChoices.message)]})
    options = PollOption.objects.for_community(community).filter(poll=poll, pk__in=chosen)
    if options.count() != len(chosen):
        raise errors.PollOptionOfAnotherPoll(
            fields={"options": [str(errors.PollOptionOfAnotherPoll.message)]}
        )
    if PollBallot.objects.for_community(community).filter(poll=poll, voter=membership).exists():
        raise errors.PollAlreadyVoted()
    try:
        with transaction.atomic():
            ballot = PollBallot.objects.create(community=community, poll=poll, voter=membership)
    except IntegrityError as exc:  # the unique constraint, should the lock ever be bypassed
        raise errors.PollAlreadyVoted() from exc
    PollChoice.objects.bulk_create(
        PollChoice(community=community, ballot=ballot, option_id=option_id) for option_id in chosen
    )
    options.update(vote_count=F("vote_count") + 1)
    Poll.objects.for_community(community).filter(pk=poll.pk).update(voter_count=F("voter_count") + 1)
    record(community=community, actor=actor, verb="poll.voted", target=poll, data={"options": chosen})
    return ballot


@transaction.atomic
def poll_close(*, actor, community: Community, poll: Poll) -> Poll:
    """Close the poll now (the topic's author or a moderator); closing a closed poll changes nothing."""
    membership = ensure_can(actor, "participate", community)
    poll = _locked(community, poll)
    topic = Topic.objects.for_community(community).get(pk=poll.topic_id)
    if not (getattr(actor, "is_superuser", False) or may_manage_poll(membership, topic)):
        raise errors.PollNotAllowed()
    if not poll.is_closed:
        poll.closed_at = timezone.now()
        poll.save(update_fields=["closed_at", "updated_at"])
        record(community=community, actor=actor, verb="poll.closed", target=poll)
    return poll
