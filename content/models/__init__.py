"""Content models, one module per sub-domain (posts, discussions, questions, sessions, critiques, search)."""

from content.models.questions import Answer, AnswerVote, Question, QuestionTag
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
    "ExpertSession",
    "GuestExpert",
    "Question",
    "QuestionTag",
    "SessionQuestion",
    "SessionQuestionVote",
    "SessionReminder",
]
