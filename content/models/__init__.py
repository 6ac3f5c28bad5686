"""Content models, one module per sub-domain (posts, discussions, questions, sessions, critiques, search)."""

from content.models.critiques import (
    CreditAccount,
    CreditTransaction,
    Critique,
    CritiqueScore,
    CritiqueSettings,
    RubricCriterion,
    Work,
    WorkImage,
)
from content.models.discussions import (
    DiscussionSettings,
    Emoji,
    Joining,
    Reaction,
    Reply,
    Space,
    SpaceMember,
    Topic,
    WhoMayPost,
)
from content.models.posts import (
    Post,
    PostImage,
    PostKind,
    PostRevision,
    PostSettings,
    PostStatus,
    PostTag,
    PostTagging,
)
from content.models.questions import Answer, AnswerVote, Question, QuestionTag
from content.models.search import SearchEntry, SearchKind
from content.models.series import Series
from content.models.sessions import (
    ExpertSession,
    GuestExpert,
    SessionQuestion,
    SessionQuestionVote,
    SessionReminder,
)

__all__ = [
    "Answer",
    "AnswerVote",
    "CreditAccount",
    "CreditTransaction",
    "Critique",
    "CritiqueScore",
    "CritiqueSettings",
    "DiscussionSettings",
    "Emoji",
    "ExpertSession",
    "GuestExpert",
    "Joining",
    "Post",
    "PostImage",
    "PostKind",
    "PostRevision",
    "PostSettings",
    "PostStatus",
    "PostTag",
    "PostTagging",
    "Question",
    "QuestionTag",
    "Reaction",
    "Reply",
    "RubricCriterion",
    "SearchEntry",
    "SearchKind",
    "Series",
    "SessionQuestion",
    "SessionQuestionVote",
    "SessionReminder",
    "Space",
    "SpaceMember",
    "Topic",
    "WhoMayPost",
    "Work",
    "WorkImage",
]
