"""Reads of Q&A: question lists (newest, active, unanswered oldest first), one question, its answers."""

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from communities.models import Community
from content.errors.questions import AnswerNotFound, QuestionNotFound
from content.models import Answer, AnswerVote, Question, QuestionTag
from members.models import Membership
from members.selectors.moderation import hidden_ids

ORDERINGS = {
    "new": ("-created_at", "-id"),
    "active": ("-last_activity_at", "-id"),
    "oldest": ("created_at", "id"),
    "answers": ("-answer_count", "-created_at", "-id"),
}


@dataclass(frozen=True)
class QuestionQuery:
    """One shape for the HTML filters and the API's: tag, skill level, author, unanswered, order."""

    tag: str = ""
    skill_level: str = ""
    author: int | None = None
    unanswered: bool = False
    answered: bool | None = None
    order: str = "new"


def _visible(queryset: QuerySet, model, community: Community) -> QuerySet:
    """Without removed rows and rows held by moderation (reports or removal)."""
    return queryset.filter(removed_at__isnull=True).exclude(pk__in=hidden_ids(model, community))


def question_list(*, community: Community, query: QuestionQuery | None = None) -> QuerySet[Question]:
    """Visible questions with their author and tags (one prefetch on the same shard), filtered and ordered.

    The unanswered list (`unanswered=True`) is oldest first whatever `order` says: experts start with
    the question that has waited longest.
    """
    query = query or QuestionQuery()
    qs = _visible(Question.objects.for_community(community), Question, community).select_related(
        "author__user"
    )
    qs = qs.prefetch_related(
        Prefetch("tags", queryset=QuestionTag.objects.for_community(community).order_by("name"))
    )
    if query.tag:
        qs = qs.filter(tags__name=query.tag.strip().lower(), tags__community=community)
    if query.skill_level:
        qs = qs.filter(skill_level=query.skill_level)
    if query.author:
        qs = qs.filter(author_id=query.author)
    if query.unanswered:
        return qs.filter(answer_count=0).order_by(*ORDERINGS["oldest"])
    if query.answered is not None:
        qs = qs.filter(accepted_answer__isnull=not query.answered)
    return qs.order_by(*ORDERINGS.get(query.order, ORDERINGS["new"]))


def question_get(*, community: Community, question_id) -> Question:
    """The one way to load a question named in a URL: missing, removed and hidden are all NotFound."""
    question = question_list(community=community).filter(pk=question_id).first()
    if question is None:
        raise QuestionNotFound()
    return question


def answer_list(*, community: Community, question: Question) -> QuerySet[Answer]:
    """A question's visible answers: the accepted one first, then by votes, then oldest first."""
    qs = _visible(Answer.objects.for_community(community), Answer, community).filter(question=question)
    return qs.select_related("author__user").order_by("-vote_count", "created_at", "id")


def answers_in_order(*, community: Community, question: Question) -> list[Answer]:
    """`answer_list` with the accepted answer moved to the top (it is one of the rows, no extra query)."""
    answers = list(answer_list(community=community, question=question))
    answers.sort(key=lambda answer: answer.pk != question.accepted_answer_id)
    return answers


def answer_get(*, community: Community, answer_id, question: Question | None = None) -> Answer:
    """An answer named in a URL (under `question`: another question's answer is NotFound there) or in a
    body (any visible answer of the community; the service says whether it belongs to the question)."""
    qs = (
        answer_list(community=community, question=question)
        if question is not None
        else _visible(Answer.objects.for_community(community), Answer, community)
    )
    answer = qs.filter(pk=answer_id).first()
    if answer is None:
        raise AnswerNotFound()
    return answer


def voted_answer_ids(*, community: Community, membership: Membership | None, question: Question) -> set[int]:
    """Ids of the question's answers `membership` voted for (one query; none for a visitor)."""
    if membership is None or membership.pk is None:
        return set()
    return set(
        AnswerVote.objects.for_community(community)
        .filter(voter=membership, answer__question=question, answer__community=community)
        .values_list("answer_id", flat=True)
    )
