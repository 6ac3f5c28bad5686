"""Q&A through the services: asking, answering, voting, accepting, stored counts and times, activity,
notifications, trust, muting, and removal by moderators."""

import threading
from datetime import timedelta

import pytest
from django.db import close_old_connections, connection
from django.utils import timezone

from analytics.models import ActivityEvent
from communities.errors import Forbidden
from communities.models import Notification
from communities.roles import Role
from content.errors import questions as errors
from content.models import Answer, AnswerVote, Question
from content.selectors import questions as selectors
from content.services import questions as services
from members.errors import MemberMuted
from members.models import Report
from members.services import moderation
from members.services.reporting import report_create
from members.services.trust import THRESHOLD_VERBS, _window_counts
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def asker(community):
    return factories.member(community=community).user


@pytest.fixture
def expert(community):
    return factories.member(community=community, role=Role.EXPERT).user


@pytest.fixture
def question(community, asker):
    return services.question_ask(
        actor=asker, community=community, title="  How do I meter   for snow? ", body="It comes out grey.",
        tags=["Exposure", "#snow", "exposure"], skill_level="beginner",
    )  # fmt: skip


def test_asking_cleans_title_and_tags_and_records(community, asker, question):
    assert question.title == "How do I meter for snow?"
    assert sorted(question.tags.values_list("name", flat=True)) == ["exposure", "snow"]
    assert ActivityEvent.objects.filter(verb="question.asked", actor=asker).count() == 1


@pytest.mark.parametrize(
    "kwargs, field",
    [
        ({"title": "   "}, "title"),
        ({"title": "ok", "skill_level": "wizard"}, "skill_level"),
        ({"title": "ok", "tags": ["a", "b", "c", "d", "e", "f"]}, "tags"),
        ({"title": "ok", "tags": ["x" * 31]}, "tags"),
    ],
)
def test_bad_questions_are_refused_by_field(community, asker, kwargs, field):
    with pytest.raises(errors.QuestionInvalid) as caught:
        services.question_ask(actor=asker, community=community, **kwargs)
    assert field in caught.value.fields
    assert not Question.objects.exists()


def test_first_answer_sets_counts_times_and_notifies_the_asker(community, asker, expert, question):
    answer = services.answer_post(actor=expert, community=community, question=question, body="Add **+1 EV**.")
    question.refresh_from_db()
    assert answer.by_expert and question.answer_count == 1
    assert question.first_answered_at is not None and question.time_to_first_answer >= timedelta(0)
    notice = Notification.objects.get(recipient=asker)
    assert notice.kind == "qa.answered" and notice.url.endswith(f"/questions/{question.pk}/")
    services.answer_post(actor=asker, community=community, question=question, body="Thanks, trying it.")
    question.refresh_from_db()
    assert question.answer_count == 2
    assert Notification.objects.filter(recipient=asker).count() == 1  # not for one's own answer
    assert ActivityEvent.objects.filter(verb="answer.posted").count() == 2


def test_a_plain_members_answer_is_not_an_experts(community, question):
    other = factories.member(community=community).user
    answer = services.answer_post(actor=other, community=community, question=question, body="Bracket.")
    assert not answer.by_expert


def test_votes_once_toggle_and_never_on_ones_own(community, asker, expert, question):
    answer = services.answer_post(actor=expert, community=community, question=question, body="Use +1 EV.")
    assert services.answer_vote(actor=asker, community=community, answer=answer).vote_count == 1
    with pytest.raises(errors.AnswerAlreadyVoted):
        services.answer_vote(actor=asker, community=community, answer=answer)
    with pytest.raises(errors.OwnAnswerVote):
        services.answer_vote(actor=expert, community=community, answer=answer)
    assert services.answer_unvote(actor=asker, community=community, answer=answer).vote_count == 0
    with pytest.raises(errors.AnswerNotVoted):
        services.answer_unvote(actor=asker, community=community, answer=answer)
    assert ActivityEvent.objects.filter(verb="answer.voted").count() == 1


def test_outsiders_cannot_vote(community, expert, question):
    answer = services.answer_post(actor=expert, community=community, question=question, body="Use +1 EV.")
    with pytest.raises(Forbidden):
        services.answer_vote(actor=factories.UserFactory(), community=community, answer=answer)


def test_asker_accepts_and_changes_the_accepted_answer(community, asker, expert, question):
    first = services.answer_post(actor=expert, community=community, question=question, body="+1 EV")
    other = factories.member(community=community).user
    second = services.answer_post(actor=other, community=community, question=question, body="Grey card")
    question = services.answer_accept(actor=asker, community=community, question=question, answer=first)
    took = question.time_to_accepted_answer
    assert question.accepted_answer_id == first.pk and took is not None
    question = services.answer_accept(actor=asker, community=community, question=question, answer=second)
    assert question.accepted_answer_id == second.pk
    assert question.time_to_accepted_answer == took  # the time to the first acceptance stays
    accepted = ActivityEvent.objects.filter(verb="answer.accepted").order_by("pk")
    assert [event.actor_id for event in accepted] == [expert.pk, other.pk]  # the answer author's activity
    assert Notification.objects.filter(kind="qa.accepted").count() == 2


def test_experts_and_operators_accept_other_members_may_not(community, asker, expert, question):
    answer = services.answer_post(actor=expert, community=community, question=question, body="+1 EV")
    bystander = factories.member(community=community).user
    with pytest.raises(errors.AcceptNotAllowed):
        services.answer_accept(actor=bystander, community=community, question=question, answer=answer)
    other_expert = factories.member(community=community, role=Role.EXPERT).user
    services.answer_accept(actor=other_expert, community=community, question=question, answer=answer)
    admin = factories.member(community=community, role=Role.ADMIN).user
    services.answer_accept(actor=admin, community=community, question=question, answer=answer)


def test_an_answer_of_another_question_cannot_be_accepted(community, asker, expert, question):
    other = services.question_ask(actor=asker, community=community, title="Another")
    foreign = services.answer_post(actor=expert, community=community, question=other, body="Elsewhere")
    with pytest.raises(errors.AnswerOfAnotherQuestion):
        services.answer_accept(actor=asker, community=community, question=question, answer=foreign)
    question.refresh_from_db()
    assert question.accepted_answer_id is None


def test_muted_members_cannot_ask_or_answer(community, asker, question):
    owner = factories.member(community=community, role=Role.OWNER).user
    moderation.member_mute(
        actor=owner, community=community, membership=asker.memberships.get(), reason="Cool down", days=1
    )
    with pytest.raises(MemberMuted):
        services.question_ask(actor=asker, community=community, title="Again?")
    with pytest.raises(MemberMuted):
        services.answer_post(actor=asker, community=community, question=question, body="Hm")


def test_answers_count_toward_trust_as_replies(community, expert, question):
    services.answer_post(actor=expert, community=community, question=question, body="One")
    assert "answer.posted" in THRESHOLD_VERBS["replies"]
    counts, _flags = _window_counts(community, timezone.now() - timedelta(days=1))
    assert counts[expert.pk]["replies"] == 1


def test_removed_answer_leaves_lists_counts_and_acceptance(community, asker, expert, question):
    answer = services.answer_post(actor=expert, community=community, question=question, body="spam link")
    services.answer_accept(actor=asker, community=community, question=question, answer=answer)
    owner = factories.member(community=community, role=Role.OWNER).user
    report = report_create(
        actor=asker,
        community=community,
        target_type="content.answer",
        target_id=answer.pk,
        rule_id=factories.RuleFactory(community=community).pk,
        reason="Spam",
    )
    moderation.content_remove(actor=owner, community=community, report=report, reason="Spam")
    question.refresh_from_db()
    assert question.answer_count == 0 and question.accepted_answer_id is None
    assert list(selectors.answer_list(community=community, question=question)) == []
    assert Report.objects.get(pk=report.pk).status == Report.Status.ACTIONED


def test_removed_question_is_not_found(community, asker, question):
    owner = factories.member(community=community, role=Role.OWNER).user
    report = report_create(
        actor=owner,
        community=community,
        target_type="content.question",
        target_id=question.pk,
        rule_id=factories.RuleFactory(community=community).pk,
        reason="Off",
    )
    moderation.content_remove(actor=owner, community=community, report=report, reason="Off topic")
    assert not selectors.question_list(community=community).exists()
    with pytest.raises(errors.QuestionNotFound):
        selectors.question_get(community=community, question_id=question.pk)


def test_unanswered_is_oldest_first(community, asker, expert):
    first = services.question_ask(actor=asker, community=community, title="First")
    second = services.question_ask(actor=asker, community=community, title="Second")
    answered = services.question_ask(actor=asker, community=community, title="Answered")
    Question.objects.filter(pk=second.pk).update(created_at=timezone.now() - timedelta(days=3))
    services.answer_post(actor=expert, community=community, question=answered, body="Yes")
    query = selectors.QuestionQuery(unanswered=True)
    assert list(selectors.question_list(community=community, query=query)) == [second, first]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need a real database")
@pytest.mark.django_db(transaction=True)
def test_concurrent_votes_are_all_counted(community, expert, question):
    answer = services.answer_post(actor=expert, community=community, question=question, body="+1 EV")
    voters = [factories.member(community=community).user for _ in range(6)]
    barrier = threading.Barrier(len(voters))

    def vote(user):
        try:
            barrier.wait()
            services.answer_vote(actor=user, community=community, answer=answer)
        finally:
            close_old_connections()

    threads = [threading.Thread(target=vote, args=(user,)) for user in voters]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    answer = Answer.objects.get(pk=answer.pk)
    assert answer.vote_count == 6 == AnswerVote.objects.filter(answer=answer).count()
