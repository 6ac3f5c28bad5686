"""Content kinds members may report (members.reportables), registered from `ContentConfig.ready()`."""

from content.models import (
    Answer,
    ConversationParticipant,
    Critique,
    Message,
    Post,
    Question,
    Reply,
    SessionQuestion,
    Topic,
    Work,
)
from content.services.conversations import message_remove_for_moderation
from content.services.discussions import (
    reply_hold_changed,
    reply_remove_for_moderation,
    topic_hold_changed,
    topic_remove_for_moderation,
)
from content.services.posts import post_remove_for_moderation
from content.services.questions import (
    answer_hold_changed,
    answer_remove_for_moderation,
    question_remove_for_moderation,
)
from content.services.sessions import session_question_hold_changed, session_question_remove_for_moderation
from members.reportables import register


def register_post_reportables() -> None:
    register(
        Post,
        author=lambda post: post.author,
        summary=lambda post: post.title,
        remove=post_remove_for_moderation,
        related=("author__user",),
    )


def register_question_reportables() -> None:
    register(
        Question,
        author=lambda question: question.author,
        summary=lambda question: question.title,
        remove=question_remove_for_moderation,
        related=("author__user",),
    )
    register(
        Answer,
        author=lambda answer: answer.author,
        summary=lambda answer: answer.body[:120],
        remove=answer_remove_for_moderation,
        related=("author__user",),
        hold_changed=answer_hold_changed,
    )


def register_session_reportables() -> None:
    register(
        SessionQuestion,
        author=lambda question: question.author,
        summary=lambda question: question.body[:120],
        remove=session_question_remove_for_moderation,
        related=("author__user",),
        hold_changed=session_question_hold_changed,
    )


def _held_only(obj, actor) -> None:
    """Removing a work or critique is the hold `content_remove` places on it: lists leave it out."""


def register_critique_reportables() -> None:
    register(
        Work,
        author=lambda work: work.author,
        summary=lambda work: work.title,
        remove=_held_only,
        related=("author__user",),
    )
    register(
        Critique,
        author=lambda critique: critique.critic,
        summary=lambda critique: critique.overall[:200],
        remove=_held_only,
        related=("critic__user",),
    )


def register_discussion_reportables() -> None:
    register(
        Topic,
        author=lambda topic: topic.author,
        summary=lambda topic: topic.title,
        remove=topic_remove_for_moderation,
        related=("author__user",),
        hold_changed=topic_hold_changed,
    )
    register(
        Reply,
        author=lambda reply: reply.author,
        summary=lambda reply: reply.body[:120],
        remove=reply_remove_for_moderation,
        related=("author__user",),
        hold_changed=reply_hold_changed,
    )


def _in_conversation(message: Message, user) -> bool:
    """Only someone in the message's conversation (now or before they left) may report it."""
    return (
        user is not None
        and user.is_authenticated
        and ConversationParticipant.objects.filter(
            community_id=message.community_id, conversation_id=message.conversation_id, membership__user=user
        ).exists()
    )


def register_conversation_reportables() -> None:
    """A private message: its text reaches the moderators through the report, and nobody else."""
    register(
        Message,
        author=lambda message: message.sender,
        summary=lambda message: message.body[:120],
        remove=message_remove_for_moderation,
        related=("sender__user",),
        visible=_in_conversation,
    )
