"""Stored counts leave out what moderation hides: an answer (or a session question) held by reports
leaves its question's (session's) counts until a dismissal releases it; removal after a hold counts it
out once."""

from datetime import timedelta

import pytest
from django.utils import timezone

from communities.roles import Role
from content.models import ExpertSession, Question
from content.selectors import questions as selectors
from content.services import questions as services
from content.services import sessions as session_services
from members.models import Report
from members.services import moderation
from members.services.reporting import report_create, report_dismiss
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(community):
    return factories.member(community=community, role=Role.MODERATOR).user


def report_enough(community, target_type, target_id) -> Report:
    """Reports by three members: the default threshold hides the target."""
    rule = factories.RuleFactory(community=community)
    reports = [
        report_create(
            actor=factories.member(community=community).user,
            community=community,
            target_type=target_type,
            target_id=target_id,
            rule_id=rule.pk,
            reason="Spam",
        )
        for _ in range(3)
    ]
    return reports[0]


@pytest.fixture
def question(community):
    asker = factories.member(community=community).user
    return services.question_ask(actor=asker, community=community, title="Tripod legs")


def answer(community, question, body):
    author = factories.member(community=community).user
    return services.answer_post(actor=author, community=community, question=question, body=body)


def count(question) -> int:
    return Question.objects.get(pk=question.pk).answer_count


def test_a_held_answer_leaves_the_count_until_released(community, question, moderator):
    held = answer(community, question, "Buy my tripods")
    answer(community, question, "Carbon")
    assert count(question) == 2
    report = report_enough(community, "content.answer", held.pk)
    assert count(question) == 1
    report_dismiss(actor=moderator, community=community, report=report, reason="Fine after all")
    assert count(question) == 2


def test_a_held_only_answer_puts_the_question_back_in_the_unanswered_list(community, question):
    held = answer(community, question, "Spam")
    report_enough(community, "content.answer", held.pk)
    unanswered = selectors.question_list(community=community, query=selectors.QuestionQuery(unanswered=True))
    assert list(unanswered) == [Question.objects.get(pk=question.pk)]


def test_held_then_removed_is_counted_out_once(community, question, moderator):
    held = answer(community, question, "Spam")
    answer(community, question, "Carbon")
    report = report_enough(community, "content.answer", held.pk)
    moderation.content_remove(actor=moderator, community=community, report=report, reason="Spam")
    assert count(question) == 1


def test_a_new_report_on_a_held_answer_changes_nothing(community, question):
    held = answer(community, question, "Spam")
    report_enough(community, "content.answer", held.pk)
    report_enough(community, "content.answer", held.pk)
    assert count(question) == 0


def test_a_held_session_question_leaves_the_sessions_counts(community, moderator):
    owner = factories.member(community=community, role=Role.OWNER).user
    expert = factories.member(community=community, role=Role.EXPERT)
    starts = timezone.now() - timedelta(minutes=5)
    session = session_services.session_schedule(
        actor=owner, community=community, title="Light", topic="Light", starts_at=starts,
        ends_at=starts + timedelta(hours=2), expert_id=expert.pk,
    )  # fmt: skip
    asker = factories.member(community=community).user
    held = session_services.session_question_ask(
        actor=asker, community=community, session=session, body="Spam?"
    )
    session_services.session_question_answer(
        actor=expert.user, community=community, question=held, answer="No"
    )
    session_services.session_question_ask(actor=asker, community=community, session=session, body="Fog?")
    report = report_enough(community, "content.sessionquestion", held.pk)
    session.refresh_from_db()
    assert (session.question_count, session.answered_count) == (1, 0)
    report_dismiss(actor=moderator, community=community, report=report, reason="Fine")
    session = ExpertSession.objects.get(pk=session.pk)
    assert (session.question_count, session.answered_count) == (2, 1)
