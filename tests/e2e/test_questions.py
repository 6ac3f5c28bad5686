"""Journeys: a member asks a question, an expert answers it and the asker accepts the answer; a member
reads an archived expert session and takes part in an upcoming one (asks, upvotes)."""

import pytest

from accounts.models import User
from content.models import ExpertSession, Question, SessionQuestion

COMMUNITY = "/c/python-beginners/"


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_ask_answer_accept(journey, language):
    User.objects.filter(username__in=["member", "expert"]).update(language=language)
    trip = journey("questions")
    member = trip.person("member")
    member.visit(COMMUNITY, "the community's home")
    member.click_link(f"{COMMUNITY}questions/")
    member.check("the questions, with the demo's accepted answer")
    member.click_link(f"{COMMUNITY}questions/ask/")
    member.check("the form to ask")
    member.page.fill("input[name=title]", "How do I loop over two lists at once?")
    member.page.fill("textarea[name=body]", "I have `names` and `ages` and want pairs.")
    member.page.fill("input[name=tags]", "loops, lists")
    member.submit("title")
    member.check("my question, not answered yet")
    question = Question.objects.get(title="How do I loop over two lists at once?")

    expert = trip.person("expert")
    expert.visit(f"{COMMUNITY}questions/unanswered/", "the experts' list, oldest first")
    expert.click_link(f"{COMMUNITY}questions/{question.pk}/")
    expert.page.fill(
        "textarea[name=body]", "Use `zip`:\n\n```python\nfor name, age in zip(names, ages):\n    ...\n```"
    )
    expert.submit("body")
    expert.check("the expert's answer, marked as such")
    answer = question.answers.get()
    assert answer.by_expert

    member.visit(f"{COMMUNITY}questions/{question.pk}/", "my question with the expert's answer")
    accept = f"{COMMUNITY}questions/{question.pk}/answers/{answer.pk}/accept/"
    with member.page.expect_navigation():
        member.page.locator(f"form[action='{accept}'] button").click()
    member.check("the answer accepted")
    question.refresh_from_db()
    assert question.accepted_answer_id == answer.pk and question.time_to_accepted_answer is not None
    member.visit("/me/notifications/", "the inbox")
    trip.assert_clean()


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_expert_sessions(journey, language):
    User.objects.filter(username="member").update(language=language)
    trip = journey("sessions")
    member = trip.person("member")
    member.visit(f"{COMMUNITY}sessions/", "the sessions: upcoming, then the archive")
    archived = ExpertSession.objects.get(
        community__slug="python-beginners", title__startswith="Ask me anything"
    )
    member.click_link(f"{COMMUNITY}sessions/{archived.pk}/")
    member.check("the archived session: upvoted questions and the expert's answers")
    assert member.page.locator("textarea[name=body]").count() == 0, "a finished session takes no questions"
    upcoming = ExpertSession.objects.get(community__slug="python-beginners", title__startswith="Guest AMA")
    member.visit(f"{COMMUNITY}sessions/{upcoming.pk}/", "the upcoming session with a guest expert")
    member.page.fill("textarea[name=body]", "Which chart would you use for a share of a whole?")
    member.submit("body")
    member.check("my question in the queue")
    theirs = SessionQuestion.objects.filter(session=upcoming).exclude(author__user__username="member").first()
    vote = f"{COMMUNITY}sessions/{upcoming.pk}/questions/{theirs.pk}/vote/"
    with member.page.expect_navigation():
        member.page.locator(f"form[action='{vote}'] button").click()
    member.check("the question upvoted")
    theirs.refresh_from_db()
    assert theirs.vote_count == 2
    trip.assert_clean()
