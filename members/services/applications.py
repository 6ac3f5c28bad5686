"""Writes on vetting: applying, withdrawing, deciding (the questions: services/application_questions)."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from analytics.services import record
from communities.models import Community, RulesVersion
from communities.notifications import notify
from communities.permissions import ensure_can, ensure_writable
from communities.races import sequential_on_race
from communities.roles import MembershipStatus, Role
from members import errors
from members.models import Application, ApplicationQuestion, Membership
from members.selectors.membership import capability_holders
from members.selectors.policy import policy_for
from members.services.application_questions import (  # re-exported: one import for every vetting write
    clean_choices,
    question_create,
    question_delete,
    question_move,
    question_restore,
    question_retire,
    question_update,
    questions_reorder,
)
from members.services.audit import audit_record
from members.services.directory import sort_name_for
from members.services.membership import ADMIT_FIELDS, attribute, ensure_join_option, rules_accept
from members.services.onboarding import welcome_member
from members.services.recruitment import attribution_from_arrival
from members.services.transitions import membership_transition

Kind = ApplicationQuestion.Kind
# Longest accepted answer per kind (characters).
ANSWER_LIMITS = {Kind.SHORT_TEXT: 300, Kind.LONG_TEXT: 5000, Kind.URL: 500}
__all__ = [
    "answer_field",
    "answers_snapshot",
    "application_decide",
    "application_submit",
    "application_withdraw",
    "applications_decide_bulk",
    "clean_choices",
    "question_create",
    "question_delete",
    "question_move",
    "question_restore",
    "question_retire",
    "question_update",
    "questions_reorder",
]
DECISIONS = {"approve": Application.Status.APPROVED, "reject": Application.Status.REJECTED}


def answer_field(question_id: int) -> str:
    """The field name an answer's errors are reported under (HTML form field and API `fields` key)."""
    return f"q_{question_id}"


# --- Applying ---------------------------------------------------------------------------------------------


def _clean_answer(question: ApplicationQuestion, value):
    """The stored form of one answer, or raise ValueError with the message to show."""
    if question.kind == Kind.MULTIPLE_CHOICE:
        values = value if isinstance(value, list) else ([] if value in (None, "") else [value])
        values = [str(v) for v in values]
        if any(v not in question.choices for v in values) or len(set(values)) != len(values):
            raise ValueError(_("Pick among the listed choices."))
        return values
    if isinstance(value, list | dict):
        raise ValueError(_("Give one answer."))
    text = "" if value is None else str(value).strip()
    if not text:
        return ""
    if question.kind == Kind.SINGLE_CHOICE:
        if text not in question.choices:
            raise ValueError(_("Pick one of the listed choices."))
        return text
    limit = ANSWER_LIMITS[question.kind]
    if len(text) > limit:
        raise ValueError(_("At most %(max)s characters.") % {"max": limit})
    if question.kind == Kind.URL:
        try:
            URLValidator(schemes=["http", "https"])(text)
        except ValidationError:
            raise ValueError(_("Enter a full web address starting with http:// or https://.")) from None
    return text


def answers_snapshot(*, community: Community, answers: dict) -> list[dict]:
    """Validate `answers` ({question id: answer}) against the asked questions; return the snapshot.

    Raises InvalidAnswers with one message per question, under `q_<id>`.
    """
    questions = list(ApplicationQuestion.objects.for_community(community).filter(retired_at__isnull=True))
    given = {str(key): value for key, value in (answers or {}).items()}
    problems: dict[str, list[str]] = {}
    unknown = sorted(set(given) - {str(q.pk) for q in questions})
    if unknown:
        problems["answers"] = [str(_("Unknown question(s): %(ids)s.") % {"ids": ", ".join(unknown)})]
    snapshot = []
    for question in questions:
        try:
            answer = _clean_answer(question, given.get(str(question.pk)))
        except ValueError as exc:
            problems[answer_field(question.pk)] = [str(exc)]
            continue
        if question.required and not answer:
            problems[answer_field(question.pk)] = [str(_("This question needs an answer."))]
            continue
        snapshot.append(
            {"question_id": question.pk, "label": question.label, "kind": question.kind, "answer": answer}
        )
    if problems:
        raise errors.InvalidAnswers(fields=problems)
    return snapshot


def _answers_text(snapshot: list[dict]) -> str:
    parts = []
    for item in snapshot:
        answer = item["answer"]
        parts.append(" ".join(answer) if isinstance(answer, list) else answer)
    return "\n".join(part for part in parts if part)


def _ensure_cooldown_over(community: Community, membership: Membership) -> None:
    last = (
        membership.applications.filter(status=Application.Status.REJECTED, decided_at__isnull=False)
        .order_by("-decided_at")
        .first()
    )
    if last is None:
        return
    allowed_at = last.decided_at + timedelta(days=policy_for(community=community).reapply_cooldown_days)
    if allowed_at > timezone.now():
        date = formats.date_format(timezone.localtime(allowed_at), "DATE_FORMAT")
        raise errors.ReapplyTooSoon(_("You can apply again from %(date)s.") % {"date": date}, fields={})


@sequential_on_race  # a concurrent first application: the rerun answers application_pending
@transaction.atomic
def application_submit(
    *,
    actor,
    community: Community,
    answers: dict,
    accepted_rules_version: int | None,
    arrival: dict[str, str] | None = None,
) -> Application:
    """Apply to a community that vets its members: a pending membership and an application.

    One pending application at a time; after a rejection, again only once the cool-down has passed.
    `arrival` (the visitor's ?src=/?ref=/join link, see communities.arrival) records where they came from.
    """
    membership = Membership.objects.select_for_update().filter(community=community, user=actor).first()
    ensure_join_option(community, membership, via="apply")
    if membership is not None:
        _ensure_cooldown_over(community, membership)
    version = RulesVersion.objects.for_community(community).order_by("-number").first()
    if version is not None and accepted_rules_version != version.number:
        raise errors.RulesNotAccepted(
            fields={"accepted_rules_version": [str(errors.RulesNotAccepted.message)]}
        )
    snapshot = answers_snapshot(community=community, answers=answers)
    if membership is None:
        membership = Membership(
            community=community, user=actor, sort_name=sort_name_for(user=actor, profile=None)
        )
    attribution = attribution_from_arrival(community=community, actor=actor, arrival=arrival or {})
    attribute(membership, attribution)
    membership.role = Role.MEMBER
    membership_transition(
        membership=membership, to=MembershipStatus.PENDING, via="apply", fields=ADMIT_FIELDS
    )
    if version is not None:
        rules_accept(membership=membership, version=version)
    application = Application.objects.create(
        community=community,
        membership=membership,
        applicant=actor,
        answers=snapshot,
        answers_text=_answers_text(snapshot),
    )
    record(community=community, actor=actor, verb="application.submitted", target=application)
    _tell_operators(application)
    return application


def _tell_operators(application: Application) -> None:
    """Every member who may vet applications hears of a new one (kind vetting.submitted)."""
    community = application.community
    operators = capability_holders(community=community, capability="vet_applications")
    params = {"applicant": application.applicant.name}
    url = reverse("members:applications", kwargs={"slug": community.slug})
    for operator in operators:
        notify(community=community, recipient=operator.user, kind="vetting.submitted", params=params, url=url)


@transaction.atomic
def application_withdraw(*, actor, community: Community) -> Application:
    """Withdraw the caller's pending application; the membership goes back to "left"."""
    ensure_writable(community)
    application = (
        Application.objects.for_community(community)
        .select_for_update()
        .filter(applicant=actor, status=Application.Status.PENDING)
        .select_related("membership")
        .first()
    )
    if application is None:
        raise errors.NoPendingApplication()
    membership = (
        Membership.objects.for_community(community).select_for_update().get(pk=application.membership_id)
    )
    membership_transition(membership=membership, to=MembershipStatus.LEFT, via="withdraw")
    application.status = Application.Status.WITHDRAWN
    application.save(update_fields=["status", "updated_at"])
    record(community=community, actor=actor, verb="application.withdrawn", target=application)
    return application


# --- Deciding ---------------------------------------------------------------------------------------------


def _apply_decision(*, actor, application: Application, decision: str, note: str, message: str) -> None:
    community = application.community
    status = DECISIONS[decision]
    now = timezone.now()
    membership = (
        Membership.objects.for_community(community).select_for_update().get(pk=application.membership_id)
    )
    membership_transition(
        membership=membership,
        to=MembershipStatus.ACTIVE if status == Application.Status.APPROVED else MembershipStatus.REJECTED,
        via=decision,
    )
    application.status = status
    application.decided_by = actor if actor.is_authenticated else None
    application.decided_at = now
    application.decision_note = note
    application.message_to_applicant = message
    application.save()
    application.membership = membership
    if status == Application.Status.APPROVED:
        record(community=community, actor=application.applicant, verb="community.joined", target=membership)
        welcome_member(membership=membership)
    audit_record(
        community=community,
        actor=actor,
        action=f"application.{status}",
        subject=membership,
        reason=note,
        application_id=application.pk,
    )
    record(community=community, actor=actor, verb=f"application.{status}", target=application)
    if status == Application.Status.APPROVED:
        url = reverse("communities:home", kwargs={"slug": community.slug})
    else:
        url = reverse("members:apply", kwargs={"slug": community.slug})
    notify(
        community=community,
        recipient=application.applicant,
        kind=f"application.{status}",
        note=message,
        url=url,
    )


def _check_decision(decision: str) -> None:
    if decision not in DECISIONS:
        raise errors.InvalidDecision(fields={"decision": [str(errors.InvalidDecision.message)]})


@transaction.atomic
def application_decide(
    *, actor, community: Community, application: Application, decision: str, note: str = "", message: str = ""
) -> Application:
    """Approve or reject one pending application.

    The row is locked, so of two operators deciding at once the second gets application_already_decided.
    """
    ensure_can(actor, "vet_applications", community)
    _check_decision(decision)
    locked = (
        Application.objects.for_community(community)
        .select_for_update()
        .select_related("membership", "applicant", "community")
        .filter(pk=application.pk)
        .first()
    )
    if locked is None:
        raise errors.ApplicationNotFound()
    if locked.status != Application.Status.PENDING:
        raise errors.ApplicationAlreadyDecided()
    _apply_decision(actor=actor, application=locked, decision=decision, note=note, message=message)
    return locked


@transaction.atomic
def applications_decide_bulk(
    *, actor, community: Community, ids: list[int], decision: str, note: str = "", message: str = ""
) -> list[Application]:
    """Decide many applications at once, all or nothing.

    Every id must name a pending application of this community; otherwise nothing is decided and the
    error lists the offending ids (application_not_found, application_already_decided).
    """
    ensure_can(actor, "vet_applications", community)
    _check_decision(decision)
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        raise errors.ApplicationNotFound(
            _("Select at least one application."),
            fields={"ids": [str(_("Select at least one application."))]},
        )
    applications = {
        a.pk: a
        for a in Application.objects.for_community(community)
        .select_for_update()
        .select_related("membership", "applicant", "community")
        .filter(pk__in=wanted)
    }
    missing = [pk for pk in wanted if pk not in applications]
    if missing:
        raise errors.ApplicationNotFound(fields={"ids": [_ids_message(missing)]})
    decided = [pk for pk in wanted if applications[pk].status != Application.Status.PENDING]
    if decided:
        raise errors.ApplicationAlreadyDecided(
            _("Already decided: %(ids)s. Nothing was changed.") % {"ids": ", ".join(map(str, decided))},
            fields={"ids": [_ids_message(decided)]},
        )
    for pk in wanted:
        _apply_decision(
            actor=actor, application=applications[pk], decision=decision, note=note, message=message
        )
    return [applications[pk] for pk in wanted]


def _ids_message(ids: list[int]) -> str:
    return str(_("Applications %(ids)s.") % {"ids": ", ".join(map(str, ids))})
