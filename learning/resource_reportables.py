"""Resources and ratings (their reviews) members may report (members.reportables), registered from
`LearningConfig.ready()`. Removing one is the hold `content_remove` places on it: the selectors leave
held rows out (a held rating's score still counts; its review is hidden)."""

from learning.models import Resource, ResourceRating
from members.reportables import register


def _held_only(obj, actor) -> None:
    """Nothing to do besides the hold: the library and the resource page leave held rows out."""


def register_resource_reportables() -> None:
    register(
        Resource,
        author=lambda resource: resource.recommended_by,
        summary=lambda resource: resource.title,
        remove=_held_only,
        related=("recommended_by__user",),
    )
    register(
        ResourceRating,
        author=lambda rating: rating.membership,
        summary=lambda rating: rating.review[:120] or f"{rating.score}/5",
        remove=_held_only,
        related=("membership__user",),
    )
