"""Paths for the learning tests, built through the services."""

from datetime import timedelta

from django.utils import timezone

from events.services import events as event_services
from learning.services import paths as services
from tests import factories


def setup_community():
    community = factories.CommunityFactory()
    owner = factories.member(community=community, role="owner")
    return community, owner


def make_path(community, author, *, steps=("done", "done"), publish=True, level="beginner", track="portrait"):
    """A path whose steps are completed as `steps` says ("done", "submit", "quiz", "attend")."""
    path = services.path_create(
        actor=author.user,
        community=community,
        title=f"Path {track} {level}",
        track=track,
        level=level,
        summary="Learn.",
    )
    made = []
    for index, completion in enumerate(steps):
        fields = {"material_kind": "text", "material_text": "Read this.", "completion": completion}
        if completion == "attend":
            fields = {
                "material_kind": "event",
                "event_id": make_event(community, author).pk,
                "completion": completion,
            }
        step = services.step_create(
            actor=author.user,
            community=community,
            path=path,
            title=f"Step {index + 1}",
            goal="Learn a thing.",
            effort_minutes=20,
            **fields,
        )
        if completion == "quiz":
            services.step_quiz_set(
                actor=author.user,
                community=community,
                path=path,
                step=step,
                questions=[
                    {"prompt": "Which is a lens?", "choices": ["50mm", "ISO"], "correct": 0},
                    {"prompt": "Which is light?", "choices": ["f/2", "Lux"], "correct": 1},
                ],
            )
        made.append(step)
    if publish:
        path = services.path_publish(actor=author.user, community=community, path=path)
    return path, made


def make_event(community, author):
    now = timezone.now()
    return event_services.event_create(
        actor=author.user,
        community=community,
        title="Photo walk",
        starts_at=now + timedelta(hours=1),
        ends_at=now + timedelta(hours=3),
        capacity=20,
    )


def learning_rows(community, owner_user, learner) -> dict:
    """For the route walks: a published path (a done step, a submit step, a quiz step) `learner` enrolled on
    with work waiting for review; the ids that fill the learning routes' URL parameters."""
    from learning.services import progress

    owner = owner_user.memberships.get(community=community)
    path, (_done, work, quiz) = make_path(community, owner, steps=("done", "submit", "quiz"))
    progress.enrolment_create(actor=learner.user, community=community, path=path)
    submission = progress.submission_create(
        actor=learner.user, community=community, path=path, step=work, body="Work"
    )
    return {"path_id": path.pk, "path_step_id": quiz.pk, "submission_id": submission.pk}
