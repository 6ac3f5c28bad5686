"""Writes of Q&A: asking, answering, voting on answers, accepting one, and removal by moderators.

Stored counts (`Question.answer_count`, `Answer.vote_count`) change here only, under a lock on the row
they live on, so concurrent answers and votes never lose an update.
"""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from analytics.services import record
from communities.models import Community
from communities.notifications import notify
from communities.permissions import ensure_can, has_capability, membership_of
from content.errors import questions as errors
from content.models import Answer, AnswerVote, Question, QuestionTag
from content.models.questions import TAG_MAX, TAGS_PER_QUESTION
from content.services.search import search_index, search_unindex, search_unindex_rows
from members.errors import NotAMember
from members.selectors.policy import policy_for
from members.services.publishing import ensure_may_post


def clean_tags(tags) -> list[str]:
    """Lower-cased, stripped, de-duplicated tags in their given order; at most TAGS_PER_QUESTION."""
    cleaned = []
    for tag in tags or []:
        name = " ".join(str(tag).split()).lower().lstrip("#")
        if len(name) > TAG_MAX:
            message = gettext("A tag may have at most %(n)s characters.") % {"n": TAG_MAX}
            raise errors.QuestionInvalid(fields={"tags": [message]})
        if name and name not in cleaned:
            cleaned.append(name)
    if len(cleaned) > TAGS_PER_QUESTION:
        message = gettext("A question may have at most %(n)s tags.") % {"n": TAGS_PER_QUESTION}
        raise errors.QuestionInvalid(fields={"tags": [message]})
    return cleaned


def _clean_question(community: Community, title: str, skill_level: str) -> str:
    title = " ".join((title or "").split())
    if not title:
        raise errors.QuestionInvalid(fields={"title": [gettext("Give your question a title.")]})
    if skill_level and skill_level not in policy_for(community=community).skill_levels:
        raise errors.QuestionInvalid(
            fields={"skill_level": [gettext("Choose one of the community's skill levels.")]}
        )
    return title


def _lock(model, community: Community, pk: int):
    return model.objects.select_for_update().filter(community=community, pk=pk).get()


def question_url(question: Question) -> str:
    return reverse(
        "content:question-detail", kwargs={"slug": question.community.slug, "qa_question_id": question.pk}
    )


@transaction.atomic
def question_ask(
    *, actor, community: Community, title: str, body: str = "", tags=(), skill_level: str = ""
) -> Question:
    """Ask a question (an active member who may post: not muted, within their trust level's limits)."""
    membership = ensure_may_post(actor=actor, community=community, text=body)
    title = _clean_question(community, title, skill_level)
    names = clean_tags(tags)
    question = Question(
        community=community, author=membership, title=title, body=body, skill_level=skill_level
    )
    question.full_clean()
    question.save()
    QuestionTag.objects.bulk_create(
        [QuestionTag(community=community, question=question, name=name) for name in names]
    )
    record(community=community, actor=actor, verb="question.asked", target=question)
    search_index(question)
    return question


@transaction.atomic
def answer_post(*, actor, community: Community, question: Question, body: str) -> Answer:
    """Answer a question; the first answer sets the question's time to first answer, and the asker hears
    of every answer (not of their own)."""
    membership = ensure_may_post(actor=actor, community=community, text=body)
    if not (body or "").strip():
        raise errors.QuestionInvalid(fields={"body": [gettext("Write your answer.")]})
    question = _lock(Question, community, question.pk)
    answer = Answer(
        community=community,
        question=question,
        author=membership,
        body=body,
        by_expert=has_capability(membership, "answer_as_expert"),
    )
    answer.full_clean(exclude=["question", "author"])
    answer.save()
    search_index(answer)
    now = timezone.now()
    question.answer_count += 1
    question.last_activity_at = now
    if question.first_answered_at is None:
        question.first_answered_at = now
        question.time_to_first_answer = now - question.created_at
    question.save(
        update_fields=[
            "answer_count",
            "last_activity_at",
            "first_answered_at",
            "time_to_first_answer",
            "updated_at",
        ]
    )
    record(community=community, actor=actor, verb="answer.posted", target=answer)
    if question.author_id != membership.pk:
        notify(
            community=community,
            recipient=question.author.user,
            kind="qa.answered",
            params={"question": question.title, "name": actor.name},
            url=question_url(question),
        )
    return answer


@transaction.atomic
def answer_vote(*, actor, community: Community, answer: Answer) -> Answer:
    """Upvote an answer once; voting again is `answer_already_voted`, one's own answer `own_answer_vote`.

    The answer row is locked while the vote is checked and counted, so concurrent votes are counted once
    each (and the (answer, voter) unique constraint backs it)."""
    membership = ensure_can(actor, "participate", community)
    if membership is None:
        raise NotAMember()
    if answer.author_id == membership.pk:
        raise errors.OwnAnswerVote()
    answer = _lock(Answer, community, answer.pk)
    if AnswerVote.objects.for_community(community).filter(answer=answer, voter=membership).exists():
        raise errors.AnswerAlreadyVoted()
    AnswerVote.objects.create(community=community, answer=answer, voter=membership)
    answer.vote_count += 1
    answer.save(update_fields=["vote_count", "updated_at"])
    record(community=community, actor=actor, verb="answer.voted", target=answer)
    return answer


@transaction.atomic
def answer_unvote(*, actor, community: Community, answer: Answer) -> Answer:
    """Take one's vote back (`answer_not_voted` when there is none)."""
    membership = ensure_can(actor, "participate", community)
    if membership is None:
        raise NotAMember()
    answer = _lock(Answer, community, answer.pk)
    deleted, _rows = (
        AnswerVote.objects.for_community(community).filter(answer=answer, voter=membership).delete()
    )
    if not deleted:
        raise errors.AnswerNotVoted()
    answer.vote_count = max(answer.vote_count - 1, 0)
    answer.save(update_fields=["vote_count", "updated_at"])
    return answer


def may_accept(membership, question: Question) -> bool:
    """The asker (an active member), or a holder of `accept_answers` (experts and operators)."""
    if has_capability(membership, "accept_answers"):
        return True
    return has_capability(membership, "participate") and question.author_id == membership.pk


@transaction.atomic
def answer_accept(*, actor, community: Community, question: Question, answer: Answer) -> Question:
    """Mark `answer` as the question's accepted answer, replacing any other (one at a time).

    Only an answer of this question (`answer_of_another_question`). The first acceptance stores the time
    to the accepted answer. The activity `answer.accepted` is the answer author's (it counts toward their
    trust level, as `accepted_answers`); who accepted it is in its data.
    """
    if getattr(actor, "is_superuser", False) or has_capability(
        membership_of(actor, community), "accept_answers"
    ):
        ensure_can(actor, "accept_answers", community)
    else:
        membership = ensure_can(actor, "participate", community)
        if membership is None or question.author_id != membership.pk:
            raise errors.AcceptNotAllowed()
    if answer.question_id != question.pk or answer.community_id != community.pk:
        raise errors.AnswerOfAnotherQuestion(
            fields={"answer_id": [str(errors.AnswerOfAnotherQuestion.message)]}
        )
    question = _lock(Question, community, question.pk)
    if question.accepted_answer_id == answer.pk:
        return question
    now = timezone.now()
    question.accepted_answer = answer
    question.accepted_at = now
    question.last_activity_at = now
    if question.time_to_accepted_answer is None:
        question.time_to_accepted_answer = now - question.created_at
    question.save(
        update_fields=[
            "accepted_answer",
            "accepted_at",
            "last_activity_at",
            "time_to_accepted_answer",
            "updated_at",
        ]
    )
    author = answer.author
    record(
        community=community,
        actor=author.user,
        verb="answer.accepted",
        target=answer,
        data={"question_id": question.pk, "accepted_by": actor.pk},
    )
    if author.user_id != actor.pk:
        notify(
            community=community,
            recipient=author.user,
            kind="qa.accepted",
            params={"question": question.title},
            url=question_url(question),
        )
    return question


def question_remove_for_moderation(question: Question, actor) -> None:
    """Take a question down (members.reportables `remove`): it leaves every list and page."""
    question.removed_at = timezone.now()
    question.save(update_fields=["removed_at", "updated_at"])
    search_unindex(question)
    answers = Answer.objects.for_community(question.community).filter(question=question)
    search_unindex_rows(community=question.community, queryset=answers)


def answer_remove_for_moderation(answer: Answer, actor) -> None:
    """Take an answer down: the question's count drops, and it is no longer the accepted answer."""
    question = _lock(Question, answer.community, answer.question_id)
    answer.removed_at = timezone.now()
    answer.save(update_fields=["removed_at", "updated_at"])
    search_unindex(answer)
    question.answer_count = max(question.answer_count - 1, 0)
    fields = ["answer_count", "updated_at"]
    if question.accepted_answer_id == answer.pk:
        question.accepted_answer = None
        question.accepted_at = None
        fields += ["accepted_answer", "accepted_at"]
    question.save(update_fields=fields)
