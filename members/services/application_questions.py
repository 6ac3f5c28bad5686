"""Writes on screening questions: create, edit, retire, restore, delete (unanswered only) and reorder."""

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from communities.models import Community
from communities.permissions import ensure_can
from communities.validators import MAX_POSITION
from members import errors
from members.models import Application, ApplicationQuestion

Kind = ApplicationQuestion.Kind
MAX_CHOICES = 20
MAX_CHOICE_LENGTH = 200


def clean_choices(kind: str, choices) -> list[str]:
    if kind not in (Kind.SINGLE_CHOICE, Kind.MULTIPLE_CHOICE):
        return []
    cleaned = [str(choice).strip() for choice in choices or [] if str(choice).strip()]
    problem = None
    if not cleaned:
        problem = _("List at least one choice.")
    elif len(cleaned) > MAX_CHOICES:
        problem = _("At most %(max)s choices.") % {"max": MAX_CHOICES}
    elif len(set(cleaned)) != len(cleaned):
        problem = _("Each choice must be different.")
    elif any(len(choice) > MAX_CHOICE_LENGTH for choice in cleaned):
        problem = _("Each choice has at most %(max)s characters.") % {"max": MAX_CHOICE_LENGTH}
    if problem:
        raise errors.InvalidQuestion(fields={"choices": [str(problem)]})
    return cleaned


@transaction.atomic
def question_create(
    *,
    actor,
    community: Community,
    label: str,
    kind: str = Kind.SHORT_TEXT,
    choices: list[str] | None = None,
    required: bool = True,
    help_text: str = "",
) -> ApplicationQuestion:
    """Add a screening question at the end of the community's list."""
    ensure_can(actor, "vet_applications", community)
    last = ApplicationQuestion.objects.for_community(community).aggregate(last=Max("position"))["last"]
    question = ApplicationQuestion(
        community=community,
        label=label,
        kind=kind,
        choices=clean_choices(kind, choices),
        required=required,
        help_text=help_text,
        position=min((last or 0) + 1, MAX_POSITION),
    )
    question.full_clean()
    question.save()
    return question


@transaction.atomic
def question_update(*, actor, question: ApplicationQuestion, **fields) -> ApplicationQuestion:
    """Change a question's label, help text, kind, choices or required flag; past answers keep their copy."""
    ensure_can(actor, "vet_applications", question.community)
    for name in ("label", "help_text", "kind", "choices", "required"):
        if name in fields:
            setattr(question, name, fields[name])
    question.choices = clean_choices(question.kind, question.choices)
    question.full_clean()
    question.save()
    return question


@transaction.atomic
def question_retire(*, actor, question: ApplicationQuestion) -> ApplicationQuestion:
    """Stop asking a question; the answers already given stay readable in their applications."""
    ensure_can(actor, "vet_applications", question.community)
    if question.retired_at is None:
        question.retired_at = timezone.now()
        question.save(update_fields=["retired_at", "updated_at"])
    return question


@transaction.atomic
def question_restore(*, actor, question: ApplicationQuestion) -> ApplicationQuestion:
    ensure_can(actor, "vet_applications", question.community)
    question.retired_at = None
    question.save(update_fields=["retired_at", "updated_at"])
    return question


def _is_answered(question: ApplicationQuestion) -> bool:
    """Scans the community's answer snapshots: deleting a question is a rare operator action."""
    snapshots = Application.objects.for_community(question.community).values_list("answers", flat=True)
    return any(item.get("question_id") == question.pk for answers in snapshots.iterator() for item in answers)


@transaction.atomic
def question_delete(*, actor, question: ApplicationQuestion) -> None:
    """Delete a question nobody answered yet (question_answered otherwise: retire it)."""
    ensure_can(actor, "vet_applications", question.community)
    if _is_answered(question):
        raise errors.QuestionAnswered()
    question.delete()


@transaction.atomic
def questions_reorder(*, actor, community: Community, question_ids: list[int]) -> list[ApplicationQuestion]:
    """Put the community's questions (retired ones included) in the order of `question_ids`."""
    ensure_can(actor, "vet_applications", community)
    questions = {q.pk: q for q in ApplicationQuestion.objects.for_community(community).select_for_update()}
    if len(question_ids) != len(set(question_ids)) or set(question_ids) != set(questions):
        raise errors.InvalidQuestion(
            _("List every question of the community exactly once."),
            fields={"ids": [str(_("List every question of the community exactly once."))]},
        )
    for position, pk in enumerate(question_ids, start=1):
        questions[pk].position = position
    ApplicationQuestion.objects.bulk_update(questions.values(), ["position"])
    return [questions[pk] for pk in question_ids]


def question_move(*, actor, question: ApplicationQuestion, direction: str) -> list[ApplicationQuestion]:
    """Swap a question with its neighbour above ("up") or below ("down")."""
    community = question.community
    order = list(ApplicationQuestion.objects.for_community(community).values_list("pk", flat=True))
    index = order.index(question.pk)
    target = index - 1 if direction == "up" else index + 1
    if 0 <= target < len(order):
        order[index], order[target] = order[target], order[index]
    return questions_reorder(actor=actor, community=community, question_ids=order)
