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
from members.selectors.moderation import hidden_ids
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


# --- Edits --------------------------------------------------------------------------------------------------

UNCHANGED = object()


def _is_operator(actor, membership) -> bool:
    return getattr(actor, "is_superuser", False) or has_capability(membership, "manage_content")


def may_edit_question(actor, membership, question: Question) -> bool:
    """The asker until an answer is accepted (the answers were written to this text), or an operator."""
    if _is_operator(actor, membership):
        return True
    mine = membership is not None and question.author_id == membership.pk
    return mine and question.accepted_answer_id is None


def may_edit_answer(actor, membership, answer: Answer, question: Question) -> bool:
    """Its author until it is accepted (the asker accepted this text), or an operator."""
    if _is_operator(actor, membership):
        return True
    mine = membership is not None and answer.author_id == membership.pk
    return mine and question.accepted_answer_id != answer.pk


def _ensure_editor(actor, community: Community, text: str, allowed) -> bool:
    """An operator edits as a moderator (`manage_content`); an author edits as they post (not muted,
    within their trust level's limits). `allowed(membership)` says whether this actor may edit the row
    now; False when they may not."""
    membership = membership_of(actor, community)
    if _is_operator(actor, membership):
        ensure_can(actor, "manage_content", community, membership=membership)
        return True
    if not allowed(membership):
        return False
    ensure_may_post(actor=actor, community=community, text=text)
    return True


def _set_tags(community: Community, question: Question, names: list[str]) -> None:
    tags = QuestionTag.objects.for_community(community).filter(question=question)
    tags.exclude(name__in=names).delete()
    have = set(tags.values_list("name", flat=True))
    QuestionTag.objects.bulk_create(
        [QuestionTag(community=community, question=question, name=n) for n in names if n not in have]
    )


@transaction.atomic
def question_edit(
    *,
    actor,
    community: Community,
    question: Question,
    title=UNCHANGED,
    body=UNCHANGED,
    tags=UNCHANGED,
    skill_level=UNCHANGED,
) -> Question:
    """Edit a question (the asker until an answer is accepted; operators always): the page renders the
    new Markdown, and the search index takes the new text (its answers too, which are found under the
    question's title)."""
    question = _lock(Question, community, question.pk)
    title = question.title if title is UNCHANGED else title
    body = question.body if body is UNCHANGED else (body or "")
    skill_level = question.skill_level if skill_level is UNCHANGED else (skill_level or "")
    if not _ensure_editor(actor, community, body, lambda m: may_edit_question(actor, m, question)):
        raise errors.QuestionNotEditable()
    title = _clean_question(community, title, skill_level)
    retitled = title != question.title
    question.title, question.body, question.skill_level = title, body, skill_level
    question.edited_at = timezone.now()
    question.full_clean()
    question.save(update_fields=["title", "body", "skill_level", "edited_at", "updated_at"])
    if tags is not UNCHANGED:
        _set_tags(community, question, clean_tags(tags))
    record(community=community, actor=actor, verb="question.edited", target=question)
    search_index(question)
    if retitled:
        for answer in (
            Answer.objects.for_community(community)
            .filter(question=question)
            .select_related("author__user", "question__community")
        ):
            search_index(answer)
    return question


@transaction.atomic
def answer_edit(*, actor, community: Community, answer: Answer, body: str) -> Answer:
    """Edit an answer (its author until it is accepted; operators always); the index takes the text."""
    question = _lock(Question, community, answer.question_id)
    answer = _lock(Answer, community, answer.pk)
    if not _ensure_editor(actor, community, body, lambda m: may_edit_answer(actor, m, answer, question)):
        raise errors.AnswerNotEditable()
    if not (body or "").strip():
        raise errors.QuestionInvalid(fields={"body": [gettext("Write your answer.")]})
    answer.body, answer.edited_at = body, timezone.now()
    answer.full_clean(exclude=["question", "author"])
    answer.save(update_fields=["body", "edited_at", "updated_at"])
    record(community=community, actor=actor, verb="answer.edited", target=answer)
    search_index(answer)
    return answer


# --- Moderation ---------------------------------------------------------------------------------------------


def question_remove_for_moderation(question: Question, actor) -> None:
    """Take a question down (members.reportables `remove`): it leaves every list and page."""
    question.removed_at = timezone.now()
    question.save(update_fields=["removed_at", "updated_at"])
    search_unindex(question)
    answers = Answer.objects.for_community(question.community).filter(question=question)
    search_unindex_rows(community=question.community, queryset=answers)


def question_recount(*, community: Community, question_id: int) -> Question:
    """Set the question's `answer_count` to its visible answers (not removed, not held by moderation),
    under the question's row lock. Moderation calls it when an answer is removed, held or released, so
    that the count is right whichever order those happen in (a held answer that is then removed is
    counted out once)."""
    question = _lock(Question, community, question_id)
    question.answer_count = (
        Answer.objects.for_community(community)
        .filter(question_id=question.pk, removed_at__isnull=True)
        .exclude(pk__in=hidden_ids(Answer, community))
        .count()
    )
    question.save(update_fields=["answer_count", "updated_at"])
    return question


def answer_remove_for_moderation(answer: Answer, actor) -> None:
    """Take an answer down: the question's count drops, and it is no longer the accepted answer."""
    community = answer.community
    question = _lock(Question, community, answer.question_id)
    answer.removed_at = timezone.now()
    answer.save(update_fields=["removed_at", "updated_at"])
    search_unindex(answer)
    if question.accepted_answer_id == answer.pk:
        question.accepted_answer = None
        question.accepted_at = None
        question.save(update_fields=["accepted_answer", "accepted_at", "updated_at"])
    question_recount(community=community, question_id=question.pk)


def answer_hold_changed(answer: Answer) -> None:
    """An answer was hidden by reports, or a dismissal brought it back (members.reportables
    `hold_changed`): its question counts its visible answers again."""
    question_recount(community=answer.community, question_id=answer.question_id)
