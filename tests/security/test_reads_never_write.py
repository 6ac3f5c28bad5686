"""A GET changes nothing: every community page and API read, walked from the URL conf, as each kind of caller.

The only rows a read may add are the explicit visit records: the day's "community.visited" event
(`communities.visits.MemberVisitMiddleware`) and "rules.viewed" when a member opens the rules page
(`members.services.onboarding.rules_viewed`). The visitor's own session is not community data and is
left out. Everything else (a policy, onboarding steps, a profile...) is shown as unsaved defaults.
"""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import URLResolver, get_resolver, reverse
from django.utils import timezone

from analytics.models import ActivityEvent
from communities import services as community_services
from content.services import conversations as conversation_services
from content.services import critiques as critique_services
from content.services import questions as question_services
from content.services import sessions as session_services
from events.services import events as event_services
from events.services import questions as event_question_services
from events.services import registrations as registration_services
from events.services.series import event_series_create
from learning.services import resources as resource_services
from members.models import MemberPolicy, OnboardingStep
from members.services import onboarding as onboarding_services
from members.services import profiles as profile_services
from members.services.reporting import report_create
from tests import factories
from tests.content.helpers import discussion_ids, post_rows
from tests.events.competition_helpers import competition_rows
from tests.learning.helpers import learning_rows

pytestmark = pytest.mark.django_db

VISIT_VERBS = {"community.visited", "rules.viewed"}
WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE|REPLACE)\b", re.IGNORECASE)
TABLE = re.compile(r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM|REPLACE\s+INTO)\s+"?(\w+)"?', re.IGNORECASE)
ALLOWED_TABLES = {"analytics_activityevent", "django_session"}
PARAM = re.compile(r"<(?:\w+:)?(\w+)>")


def _walk(patterns, prefix="", namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        else:
            yield prefix + str(pattern.pattern), namespace + (pattern.name or "")


def community_routes() -> list[tuple[str, list[str]]]:
    """(name, parameters) of every HTML route under /c/<slug>/ and API route under its community."""
    routes = []
    for template, name in _walk(get_resolver().url_patterns):
        params = PARAM.findall(template)
        if "slug" in params or "community_slug" in params:
            routes.append((name, params))
    return routes


class World:
    """One community with one object of each kind a URL can name, made through the services."""

    def __init__(self):
        self.community = factories.CommunityFactory(join_policy="open")
        self.owner = factories.member(community=self.community, role="owner").user
        self.member = factories.member(community=self.community).user
        self.subject = factories.member(community=self.community)
        self.rule = community_services.rule_create(
            actor=self.owner, community=self.community, category="conduct", title="Be kind"
        )
        self.report = report_create(
            actor=self.member,
            community=self.community,
            target_type="members.membership",
            target_id=self.subject.pk,
            rule_id=self.rule.pk,
            reason="Rude",
        )
        self.question = factories.ApplicationQuestionFactory(community=self.community)
        self.application = factories.ApplicationFactory(community=self.community)
        self.invitation = factories.InvitationFactory(community=self.community)
        self.join_link = factories.JoinLinkFactory(community=self.community)
        self.note = profile_services.member_note_add(
            actor=self.owner, community=self.community, membership=self.subject, body="Met at the meetup"
        )
        self.tag = profile_services.member_tag_add(
            actor=self.owner, community=self.community, membership=self.subject, name="core member"
        )
        self.step = onboarding_services.onboarding_step_create(
            actor=self.owner, community=self.community, title="Ask", verb="question.asked"
        )
        expert = factories.member(community=self.community, role="expert")
        self.qa_question = question_services.question_ask(
            actor=self.member, community=self.community, title="Why?"
        )
        self.qa_answer = question_services.answer_post(
            actor=expert.user, community=self.community, question=self.qa_question, body="Because."
        )
        self.session = session_services.session_schedule(
            actor=self.owner,
            community=self.community,
            title="AMA",
            topic="x",
            starts_at=timezone.now() - timedelta(hours=1),
            ends_at=timezone.now() + timedelta(hours=1),
            expert_id=expert.pk,
        )
        self.session_question = session_services.session_question_ask(
            actor=self.subject.user, community=self.community, session=self.session, body="How?"
        )
        self.criterion = critique_services.criterion_create(
            actor=self.owner, community=self.community, name="Light"
        )
        critique_services.credits_grant(
            actor=self.owner, community=self.community, membership=self.subject, amount=4, reason="Start"
        )
        self.work = critique_services.work_post(
            actor=self.subject.user,
            community=self.community,
            title="Dusk",
            links=["https://example.com/dusk"],
        )
        self.critique = critique_services.critique_give(
            actor=self.member,
            community=self.community,
            work=self.work,
            overall="Warm",
            scores={self.criterion.pk: {"score": 4, "comment": ""}},
        )
        self.posts = post_rows(self.community, self.owner)
        self.discussions = discussion_ids(self.community, self.owner, self.member)
        self.conversation = conversation_services.conversation_start(
            actor=self.owner,
            community=self.community,
            recipient_ids=[self.member.memberships.get().pk],
            body="Welcome!",
        )
        conversation_services.message_send(
            actor=self.member, community=self.community, conversation=self.conversation, body="Thanks"
        )
        self.event = event_services.event_create(
            actor=self.owner,
            community=self.community,
            title="Meetup",
            visibility="public",
            starts_at=timezone.now() + timedelta(days=2),
            ends_at=timezone.now() + timedelta(days=2, hours=2),
        )
        self.event_question = event_question_services.registration_question_create(
            actor=self.owner, community=self.community, event=self.event, label="Why?"
        )
        self.registration = registration_services.registration_create(
            actor=self.member, community=self.community, event=self.event
        )
        self.event_series = event_series_create(
            actor=self.owner,
            community=self.community,
            title="Study",
            rrule="FREQ=WEEKLY;COUNT=2",
            starts_at=timezone.now() + timedelta(days=2),
            ends_at=timezone.now() + timedelta(days=2, hours=2),
        )
        self.competitions = competition_rows(self.community, self.owner, self.subject, self.member)
        self.learning = learning_rows(self.community, self.owner, self.subject)
        self.resource = resource_services.resource_create(
            actor=self.subject.user, community=self.community, title="Exposure", description="Light.",
            url="https://example.com/exposure", kind="book",
        )  # fmt: skip
        self.featured_list = resource_services.featured_list_create(
            actor=self.owner, community=self.community, name="Start here", resource_ids=[self.resource.pk]
        )

    def kwargs(self, community, params: list[str]) -> dict:
        values = {
            "slug": community.slug,
            "community_slug": community.slug,
            "membership_id": self.subject.pk,
            "rule_id": self.rule.pk,
            "report_id": self.report.pk,
            "question_id": self.question.pk,
            "application_question_id": self.question.pk,
            "application_id": self.application.pk,
            "invitation_id": self.invitation.pk,
            "join_link_id": self.join_link.pk,
            "note_id": self.note.pk,
            "tag_id": self.tag.pk,
            "step_id": self.step.pk,
            "onboarding_step_id": self.step.pk,
            "qa_question_id": self.qa_question.pk,
            "qa_answer_id": self.qa_answer.pk,
            "session_id": self.session.pk,
            "session_question_id": self.session_question.pk,
            "work_id": self.work.pk,
            "critique_id": self.critique.pk,
            "criterion_id": self.criterion.pk,
            "action": "retire",
            "code": self.join_link.code,
            "post_id": self.posts["post"].pk,
            "post_tag_id": self.posts["post_tag"].pk,
            "series_id": self.posts["series"].pk,
            **self.discussions,
            "conversation_id": self.conversation.pk,
            "event_id": self.event.pk,
            "event_series_id": self.event_series.pk,
            "registration_id": self.registration.pk,
            "registration_question_id": self.event_question.pk,
            **self.competitions["ids"],
            **self.learning,
            "resource_id": self.resource.pk,
            "featured_list_id": self.featured_list.pk,
        }
        unknown = [p for p in params if p not in values]
        assert not unknown, f"teach this test how to fill {unknown}"
        return {p: values[p] for p in params}


def _writes(captured) -> list[str]:
    return [q["sql"] for q in captured.captured_queries if WRITE.match(q["sql"])]


def _get_everything(client, community, world) -> list[str]:
    """GET every route of `community`; the SQL writes outside the allowed tables, and any 5xx."""
    problems = []
    for name, params in community_routes():
        kwargs = world.kwargs(community, params)
        if "event_id" in kwargs:  # competition and project routes name an event of their kind
            kwargs["event_id"] = world.competitions["event_for"](name, kwargs["event_id"])
        url = reverse(name, kwargs=kwargs)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        if response.status_code >= 500:
            problems.append(f"GET {url}: {response.status_code}")
        for sql in _writes(captured):
            table = TABLE.match(sql)
            if table is None or table.group(1).lower() not in ALLOWED_TABLES:
                problems.append(f"GET {url} wrote: {sql[:160]}")
    return problems


@pytest.mark.parametrize("caller", ["anonymous", "member", "owner"])
def test_no_get_writes_anything_but_the_visit(caller):
    world = World()
    bare = factories.CommunityFactory(join_policy="open")  # no policy, no steps: defaults are shown unsaved
    users = {"anonymous": None, "member": world.member, "owner": world.owner}
    if users[caller] is not None:
        factories.member(community=bare, role=caller if caller == "owner" else "member", user=users[caller])
    client = Client()
    if users[caller] is not None:
        client.force_login(users[caller])
    before = ActivityEvent.objects.count()
    problems = _get_everything(client, world.community, world) + _get_everything(client, bare, world)
    assert not problems, "\n".join(problems)
    new_verbs = set(ActivityEvent.objects.order_by("pk")[before:].values_list("verb", flat=True))
    assert new_verbs <= VISIT_VERBS
    assert not MemberPolicy.objects.exists() and not OnboardingStep.objects.filter(community=bare).exists()


def test_the_walk_covers_html_and_api_reads():
    names = {name for name, _params in community_routes()}
    assert {"communities:home", "members:welcome", "members:policy", "api:member-policy"} <= names


def test_the_visit_is_written_once_a_day_by_the_middleware_for_html_and_api(client):
    community = factories.CommunityFactory()
    member = factories.member(community=community)
    client.force_login(member.user)
    client.get(reverse("communities:home", args=[community.slug]))
    client.get(reverse("api:community-detail", args=[community.slug]))
    other = factories.CommunityFactory()
    factories.member(community=other, user=member.user)
    client.get(reverse("api:community-detail", args=[other.slug]))
    visits = ActivityEvent.objects.filter(verb="community.visited")
    assert sorted(visits.values_list("community_id", flat=True)) == sorted([community.pk, other.pk])
