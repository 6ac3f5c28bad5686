"""Content models, one module per sub-domain (posts, discussions, questions, sessions, critiques, search)."""

from content.models.questions import Answer, AnswerVote, Question, QuestionTag

__all__ = ["Answer", "AnswerVote", "Question", "QuestionTag"]
