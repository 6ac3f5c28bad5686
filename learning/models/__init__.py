"""Learning models, one module per sub-domain (paths and progress, the resource library, mentoring).

Each sub-domain's module adds its import line here and its names to `__all__`."""

from learning.models.paths import (
    Completion,
    Enrolment,
    EnrolmentStatus,
    LearningGoal,
    LearningPath,
    MaterialKind,
    PathMentor,
    PathStatus,
    PathStep,
    QuizAttempt,
    QuizQuestion,
    StepPrerequisite,
    StepProgress,
    Submission,
    SubmissionStatus,
)

__all__: list[str] = [
    "Completion",
    "Enrolment",
    "EnrolmentStatus",
    "LearningGoal",
    "LearningPath",
    "MaterialKind",
    "PathMentor",
    "PathStatus",
    "PathStep",
    "QuizAttempt",
    "QuizQuestion",
    "StepPrerequisite",
    "StepProgress",
    "Submission",
    "SubmissionStatus",
]
