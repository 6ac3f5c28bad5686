"""The registry of reportable objects: one mechanism for reporting members and any content.

An app registers each model members may report, usually in its AppConfig.ready():

    register(Post, author=lambda post: post.author_membership, summary=lambda post: post.title,
             remove=post_remove_for_moderation)

`author` returns the Membership responsible for the object (the subject of reports and actions);
`remove(obj, actor)` takes the object down (None: the kind cannot be removed, act on the author instead);
`hides`: whether enough distinct reports hide the object pending review (ContentHold); `hold_changed(obj)`:
called in the same transaction after a hold on the object is placed or released, so that the kind can
keep the counts that leave hidden rows out (an answer held by reports leaves its question's count until a
dismissal releases it); `related`: the select_related paths that `author` and `summary` follow (the
moderation queue loads targets in bulk);
`visible(obj, user)`: whether the reporter may see the object at all (a private message: only the people
in its conversation), else the object is refused as if it did not exist.
A target is named by its key "<app_label>.<model_name>" and its primary key.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import models

from communities.models import Community
from members import errors
from members.models import Membership


@dataclass(frozen=True)
class Reportable:
    model: type[models.Model]
    author: Callable[[models.Model], object]
    summary: Callable[[models.Model], str]
    remove: Callable[[models.Model, object], None] | None = None
    hides: bool = True
    related: tuple[str, ...] = ()
    hold_changed: Callable[[models.Model], None] | None = None
    visible: Callable[[models.Model, object], bool] | None = None

    @property
    def key(self) -> str:
        return self.model._meta.label_lower


_REGISTRY: dict[str, Reportable] = {}


def register(
    model: type[models.Model],
    *,
    author: Callable[[models.Model], object],
    summary: Callable[[models.Model], str] = str,
    remove: Callable[[models.Model, object], None] | None = None,
    hides: bool = True,
    related: tuple[str, ...] = (),
    hold_changed: Callable[[models.Model], None] | None = None,
    visible: Callable[[models.Model, object], bool] | None = None,
) -> Reportable:
    reportable = Reportable(
        model=model,
        author=author,
        summary=summary,
        remove=remove,
        hides=hides,
        related=related,
        hold_changed=hold_changed,
        visible=visible,
    )
    _REGISTRY[reportable.key] = reportable
    return reportable


def reportable_for_key(key: str) -> Reportable | None:
    return _REGISTRY.get(key)


def reportable_for(obj_or_model) -> Reportable | None:
    return _REGISTRY.get(obj_or_model._meta.label_lower)


def registered_keys() -> list[str]:
    return sorted(_REGISTRY)


def notify_hold_changed(*, community: Community, target_type, target_id) -> None:
    """Call the `hold_changed` hook of the kind of `target_type` (a ContentType) for one object, if the
    kind has one and the object still exists."""
    reportable = reportable_for_key(f"{target_type.app_label}.{target_type.model}")
    if reportable is None or reportable.hold_changed is None:
        return
    obj = reportable.model._default_manager.filter(community=community, pk=target_id).first()
    if obj is not None:
        reportable.hold_changed(obj)


def resolve_target(
    *, community: Community, target_type: str, target_id, actor=None
) -> tuple[Reportable, models.Model]:
    """The registered object `target_type`/`target_id` of `community`, else ReportTargetInvalid.

    An unknown kind, a missing object, another community's object and one `actor` may not see are refused
    alike.
    """
    reportable = reportable_for_key(str(target_type))
    invalid = errors.ReportTargetInvalid(fields={"target_id": [str(errors.ReportTargetInvalid.message)]})
    if reportable is None:
        raise invalid
    try:
        obj = reportable.model._default_manager.filter(community=community, pk=target_id).first()
    except (ValueError, TypeError) as exc:
        raise invalid from exc
    if obj is None or (reportable.visible is not None and not reportable.visible(obj, actor)):
        raise invalid
    return reportable, obj


# Reporting a member: the membership is its own subject; members are never hidden or removed this way.
register(
    Membership,
    author=lambda membership: membership,
    summary=lambda membership: membership.user.name,
    hides=False,
    related=("user",),
)
