"""What the content kinds put in the search index, and when they take it out again."""

from datetime import timedelta

import pytest
from django.utils import timezone

from communities.roles import Role
from content.models import SearchEntry
from content.selectors.search import search_results
from content.services import posts, questions, sessions
from members.services import moderation
from members.services.reporting import report_create
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def asker(community):
    return factories.member(community=community)


@pytest.fixture
def expert(community):
    return factories.member(community=community, role=Role.EXPERT)


@pytest.fixture
def owner(community):
    return factories.member(community=community, role=Role.OWNER)


def found(community, query, membership):
    return sorted(
        (entry.kind, entry.title)
        for entry in search_results(community=community, query=query, membership=membership)
    )


def remove(owner, community, target_type, target_id):
    report = report_create(
        actor=owner.user,
        community=community,
        target_type=target_type,
        target_id=target_id,
        rule_id=factories.RuleFactory(community=community).pk,
        reason="Off topic",
    )
    moderation.content_remove(actor=owner.user, community=community, report=report, reason="Off topic")


def test_questions_and_answers_are_found_by_members_only(community, asker, expert):
    question = questions.question_ask(
        actor=asker.user, community=community, title="雪景怎么测光", body="总是发灰"
    )
    questions.answer_post(
        actor=expert.user, community=community, question=question, body="增加曝光补偿 测光偏暗"
    )
    assert found(community, "测光", asker) == [("answer", "雪景怎么测光"), ("question", "雪景怎么测光")]
    assert found(community, "曝光", asker) == [("answer", "雪景怎么测光")]
    assert found(community, "测光", None) == []
    entry = SearchEntry.objects.get(kind="answer")
    assert entry.url.endswith(f"#answer-{entry.object_id}") and entry.author_name == expert.user.name


def test_a_removed_question_takes_its_answers_out(community, asker, expert, owner):
    question = questions.question_ask(actor=asker.user, community=community, title="Snow metering")
    questions.answer_post(
        actor=expert.user, community=community, question=question, body="Snow: add exposure"
    )
    remove(owner, community, "content.question", question.pk)
    assert found(community, "snow", asker) == []
    assert not SearchEntry.objects.exists()


def test_a_removed_answer_leaves_the_question(community, asker, expert, owner):
    question = questions.question_ask(actor=asker.user, community=community, title="Snow metering")
    answer = questions.answer_post(
        actor=expert.user, community=community, question=question, body="snow spam"
    )
    remove(owner, community, "content.answer", answer.pk)
    assert found(community, "snow", asker) == [("question", "Snow metering")]


def test_a_held_answer_is_not_found_until_released(community, asker, expert, owner):
    question = questions.question_ask(actor=asker.user, community=community, title="Tripods")
    answer = questions.answer_post(
        actor=expert.user, community=community, question=question, body="carbon legs"
    )
    for _ in range(3):
        report_create(
            actor=factories.member(community=community).user,
            community=community,
            target_type="content.answer",
            target_id=answer.pk,
            rule_id=factories.RuleFactory(community=community).pk,
            reason="Spam",
        )
    assert found(community, "carbon", asker) == []


def test_a_session_is_found_by_its_topic(community, expert, owner, asker):
    starts = timezone.now() + timedelta(days=2)
    sessions.session_schedule(
        actor=owner.user, community=community, title="Ask me anything", topic="街头摄影",
        starts_at=starts, ends_at=starts + timedelta(hours=1), expert_id=expert.pk,
    )  # fmt: skip
    assert found(community, "摄影", asker) == [("session", "Ask me anything")]


def test_a_post_is_found_by_anyone_once_published_and_not_after_removal(community, owner):
    author = factories.member(community=community, role=Role.ADMIN)
    draft = posts.post_create(actor=author.user, community=community, title="构图入门", body="三分法的使用")
    assert found(community, "三分法", None) == []
    posts.post_publish(actor=author.user, community=community, post=draft)
    assert found(community, "三分法", None) == [("post", "构图入门")]
    posts.post_update(actor=author.user, community=community, post=draft, body="对角线构图")
    assert found(community, "三分法", None) == []
    assert found(community, "对角线", None) == [("post", "构图入门")]
    remove(owner, community, "content.post", draft.pk)
    assert found(community, "对角线", None) == []
