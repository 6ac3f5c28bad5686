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
from learning.models.resources import (
    FeaturedItem,
    FeaturedList,
    Resource,
    ResourceCost,
    ResourceKind,
    ResourceRating,
)

__all__: list[str] = [
    "Completion",
    "Enrolment",
    "EnrolmentStatus",
    "FeaturedItem",
    "FeaturedList",
    "LearningGoal",
    "LearningPath",
    "MaterialKind",
    "PathMentor",
    "PathStatus",
    "PathStep",
    "QuizAttempt",
    "QuizQuestion",
    "Resource",
    "ResourceCost",
    "ResourceKind",
    "ResourceRating",
    "StepPrerequisite",
    "StepProgress",
    "Submission",
    "SubmissionStatus",
]
