"""Writes of registration questions: adding, editing, reordering and removing the questions members
answer when they register (event operators and the event's hosts).

Answers are stored on each registration keyed by the question's id (`Registration.answers`), so editing a
question keeps every answer already given readable under the new wording: the registrations page and the
CSV export label the answers with the question as it reads now. A question is free text: there is no
type to change. Making a question required asks it of the members who register from then on; those
already registered keep their registration as it is (docs/events.md, "Registration questions").

Each write locks the event's row first (`lock_event`), as registering does, so a registration never
reads the questions halfway through a change.
"""

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext

from analytics.services import record
from communities.models import Community
from events.errors import events as event_errors
from events.errors import registrations as errors
from events.models import Event, RegistrationQuestion
from events.models.registrations import QUESTIONS_PER_EVENT
from events.selectors.registrations import registration_question_list
from events.services.events import ensure_may_manage, lock_event


def _label(label) -> str:
    label = " ".join((label or "").split())
    if not label:
        raise event_errors.EventInvalid(fields={"label": [gettext("Write the question.")]})
    return label


def _validated(question: RegistrationQuestion) -> RegistrationQuestion:
    question.full_clean(exclude=["community", "event"])
    return question


@transaction.atomic
def registration_question_create(
    *, actor, community: Community, event: Event, label: str, required: bool = False, help_text: str = ""
) -> RegistrationQuestion:
    """Add a question after the event's others (at most QUESTIONS_PER_EVENT)."""
    ensure_may_manage(actor, community, event)
    event = lock_event(community, event.pk)
    label = _label(label)
    existing = registration_question_list(community=community, event=event)
    if existing.count() >= QUESTIONS_PER_EVENT:
        raise event_errors.EventInvalid(
            fields={
                "label": [gettext("An event asks at most %(max)s questions.") % {"max": QUESTIONS_PER_EVENT}]
            }
        )
    last = existing.aggregate(last=Max("position"))["last"]
    question = RegistrationQuestion(
        community=community,
        event=event,
        label=label,
        required=required,
        help_text=help_text.strip(),
        position=(last or 0) + 1,
    )
    _validated(question).save()
    record(community=community, actor=actor, verb="event_question.created", target=question)
    return question


@transaction.atomic
def registration_question_update(
    *,
    actor,
    community: Community,
    event: Event,
    question: RegistrationQuestion,
    label: str | None = None,
    help_text: str | None = None,
    required: bool | None = None,
) -> RegistrationQuestion:
    """Change a question's wording, hint or whether it must be answered (None: unchanged). The answers
    already given stay with the question (they are keyed by its id)."""
    ensure_may_manage(actor, community, event)
    event = lock_event(community, event.pk)
    question = (
        RegistrationQuestion.objects.for_community(community).filter(pk=question.pk, event=event).first()
    )
    if question is None:
        raise errors.RegistrationQuestionNotFound()
    if label is not None:
        question.label = _label(label)
    if help_text is not None:
        question.help_text = help_text.strip()
    if required is not None:
        question.required = required
    _validated(question).save(update_fields=["label", "help_text", "required", "updated_at"])
    record(community=community, actor=actor, verb="event_question.updated", target=question)
    return question


@transaction.atomic
def registration_questions_reorder(
    *, actor, community: Community, event: Event, question_ids: list[int]
) -> list[RegistrationQuestion]:
    """Put the event's questions in the order of `question_ids`, which must name each of them once."""
    ensure_may_manage(actor, community, event)
    event = lock_event(community, event.pk)
    questions = {
        question.pk: question for question in registration_question_list(community=community, event=event)
    }
    if len(question_ids) != len(set(question_ids)) or set(question_ids) != set(questions):
        raise errors.QuestionOrderInvalid(
            fields={"question_ids": [gettext("List every question of this event exactly once.")]}
        )
    for position, question_id in enumerate(question_ids, start=1):
        questions[question_id].position = position
    RegistrationQuestion.objects.bulk_update(questions.values(), ["position"])
    record(community=community, actor=actor, verb="event_questions.reordered", target=event)
    return [questions[question_id] for question_id in question_ids]


@transaction.atomic
def registration_question_delete(
    *, actor, community: Community, event: Event, question: RegistrationQuestion
) -> None:
    """Remove a question; answers already given stay with their registrations (the export names them by
    id once the question is gone)."""
    ensure_may_manage(actor, community, event)
    RegistrationQuestion.objects.for_community(community).filter(pk=question.pk, event=event).delete()
    record(community=community, actor=actor, verb="event_question.deleted", target=event)
