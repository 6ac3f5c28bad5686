"""How each kind of content reads as a search document (content.services.search), registered from
ContentConfig.ready(). A document is None while the object may not be found: removed, or not public yet.
Rows held by moderation (reports) are left out when searching (content.selectors.search), since a hold
is placed and released by members' moderation services without the content's knowledge."""

from django.urls import reverse

from content.models import Answer, ExpertSession, Post, Question, Reply, Topic
from content.models.search import SearchKind
from content.services.discussions import reply_url, topic_url
from content.services.questions import question_url
from content.services.search import SearchDocument, register
from content.services.sessions import session_url


def _author_name(membership) -> str:
    return membership.user.name if membership is not None else ""


def post_document(post: Post) -> SearchDocument | None:
    if not post.is_published:
        return None
    return SearchDocument(
        title=post.title,
        body=post.body,
        url=reverse("content:post-detail", kwargs={"slug": post.community.slug, "post_id": post.pk}),
        published_at=post.published_at,
        author_name=_author_name(post.author),
    )


def question_document(question: Question) -> SearchDocument | None:
    if question.removed_at is not None:
        return None
    return SearchDocument(
        title=question.title,
        body=question.body,
        url=question_url(question),
        published_at=question.created_at,
        author_name=_author_name(question.author),
        members_only=True,  # Q&A is read by members (capability "view")
    )


def answer_document(answer: Answer) -> SearchDocument | None:
    if answer.removed_at is not None or answer.question.removed_at is not None:
        return None
    return SearchDocument(
        title=answer.question.title,
        body=answer.body,
        url=f"{question_url(answer.question)}#answer-{answer.pk}",
        published_at=answer.created_at,
        author_name=_author_name(answer.author),
        members_only=True,
    )


def session_document(session: ExpertSession) -> SearchDocument | None:
    return SearchDocument(
        title=session.title,
        body=f"{session.topic}\n\n{session.description}",
        url=session_url(session),
        published_at=session.created_at,
        author_name=_author_name(session.expert),
        members_only=True,  # sessions are read by members (capability "view")
    )


def _space_restriction(topic: Topic) -> int | None:
    """A members-only space's topics and replies are found by the space's members only."""
    return topic.space_id if topic.space.members_only else None


def topic_document(topic: Topic) -> SearchDocument | None:
    if topic.removed_at is not None:
        return None
    return SearchDocument(
        title=topic.title,
        body=topic.body,
        url=topic_url(topic),
        published_at=topic.created_at,
        author_name=_author_name(topic.author),
        members_only=True,  # discussions are read by members (capability "view")
        space_id=_space_restriction(topic),
    )


def reply_document(reply: Reply) -> SearchDocument | None:
    if reply.removed_at is not None or reply.topic.removed_at is not None:
        return None
    return SearchDocument(
        title=reply.topic.title,
        body=reply.body,
        url=reply_url(reply),
        published_at=reply.created_at,
        author_name=_author_name(reply.author),
        members_only=True,
        space_id=_space_restriction(reply.topic),
    )


def register_search_kinds() -> None:
    register(Post, kind=SearchKind.POST, document=post_document)
    register(Question, kind=SearchKind.QUESTION, document=question_document)
    register(Answer, kind=SearchKind.ANSWER, document=answer_document)
    register(ExpertSession, kind=SearchKind.SESSION, document=session_document)
    register(Topic, kind=SearchKind.TOPIC, document=topic_document)
    register(Reply, kind=SearchKind.REPLY, document=reply_document)
