"""Schemathesis over every operation of the schema: what the API answers is what the schema says.

For each operation, a few generated requests (bodies and query values from the schema; path ids pointed at
seeded rows so that requests reach the views) go through the WSGI app as the owner and as a plain member,
and each response must have a documented status code, a documented content type and a body valid against
the documented schema, and never be a 5xx. Each operation runs in a transaction rolled back afterwards.
The number of examples is small and fixed (derandomized), to keep the run around a minute.
"""

import json
from datetime import timedelta

import hypothesis
import pytest
import schemathesis
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck, Phase
from schemathesis import checks as st_checks
from schemathesis.core.failures import FailureGroup

from accounts import services as account_services
from communities import services
from communities.models import Notification
from content.services import conversations as conversation_services
from content.services import critiques as critique_services
from content.services import questions as question_services
from content.services import sessions as session_services
from members.services import onboarding as onboarding_services
from members.services import profiles as profile_services
from members.services import relationships as relationship_services
from members.services.reporting import report_create
from tests import factories
from tests.content.helpers import discussion_ids, post_rows
from tests.events.competition_helpers import competition_rows, event_for_path
from tests.events.helpers import event_ids
from tests.learning.helpers import learning_rows
from tests.learning.resource_helpers import resource_ids

EXAMPLES_PER_OPERATION = 3
CHECKS = [
    st_checks.not_a_server_error,
    st_checks.status_code_conformance,
    st_checks.content_type_conformance,
    st_checks.response_schema_conformance,
]


class World:
    """One public open community with an owner and a member, and a row of every kind a path names."""

    def __init__(self):
        self.community = community = factories.CommunityFactory(join_policy="open")
        self.owner = factories.member(community=community, role="owner").user
        self.member = factories.member(community=community).user
        subject = factories.member(community=community)
        rule = services.rule_create(
            actor=self.owner, community=community, category="conduct", title="Be kind"
        )
        report = report_create(
            actor=self.member,
            community=community,
            target_type="members.membership",
            target_id=subject.pk,
            rule_id=rule.pk,
            reason="Rude",
        )
        note = profile_services.member_note_add(
            actor=self.owner, community=community, membership=subject, body="Met at the meetup"
        )
        tag = profile_services.member_tag_add(
            actor=self.owner, community=community, membership=subject, name="core member"
        )
        step = onboarding_services.onboarding_step_create(
            actor=self.owner, community=community, title="Ask a question", verb="question.asked"
        )
        relationship_services.touchpoint_create(
            actor=self.owner, community=community, membership=subject, kind="call"
        )
        expert = factories.member(community=community, role="expert")
        question = question_services.question_ask(actor=self.member, community=community, title="Which lens?")
        answer = question_services.answer_post(
            actor=expert.user, community=community, question=question, body="50"
        )
        session = session_services.session_schedule(
            actor=self.owner,
            community=community,
            title="Ask me anything",
            topic="Lenses",
            starts_at=timezone.now() - timedelta(hours=1),
            ends_at=timezone.now() + timedelta(hours=1),
            expert_id=expert.pk,
        )
        session_question = session_services.session_question_ask(
            actor=subject.user, community=community, session=session, body="Zoom or prime?"
        )
        criterion = critique_services.criterion_create(actor=self.owner, community=community, name="Light")
        critique_services.credits_grant(
            actor=self.owner, community=community, membership=subject, amount=5, reason="Start"
        )
        work = critique_services.work_post(
            actor=subject.user, community=community, title="Dusk", links=["https://example.com/dusk"]
        )
        critique = critique_services.critique_give(
            actor=self.member,
            community=community,
            work=work,
            overall="Warm light",
            scores={criterion.pk: {"score": 4, "comment": ""}},
        )
        conversation = conversation_services.conversation_start(
            actor=self.owner, community=community, recipient_ids=[self.member.memberships.get().pk], body="Hi"
        )
        self.competitions = competition_rows(community, self.owner, subject, self.member)
        self.ids = {
            "community_slug": community.slug,
            "conversation_id": conversation.pk,
            "work_id": work.pk,
            "critique_id": critique.pk,
            "criterion_id": criterion.pk,
            "qa_question_id": question.pk,
            "qa_answer_id": answer.pk,
            "session_id": session.pk,
            "session_question_id": session_question.pk,
            "rule_id": rule.pk,
            "application_question_id": factories.ApplicationQuestionFactory(community=community).pk,
            "application_id": factories.ApplicationFactory(community=community).pk,
            "membership_id": subject.pk,
            "report_id": report.pk,
            "invitation_id": factories.InvitationFactory(community=community).pk,
            "join_link_id": factories.JoinLinkFactory(community=community).pk,
            "note_id": note.pk,
            "tag_id": tag.pk,
            "onboarding_step_id": step.pk,
            **{f"{name}_id": row.pk for name, row in post_rows(community, self.owner).items()},
            **discussion_ids(community, self.owner, self.member),
            **event_ids(community, self.owner, self.member),
            **self.competitions["ids"],
            **learning_rows(community, self.owner, subject),
            **resource_ids(community, self.owner, subject),
        }
        self.headers = {}
        for user in (self.owner, self.member):
            token, key = account_services.token_create(user=user, name="conformance")
            notification = Notification.objects.create(
                community=community, recipient=user, kind="application.approved", note="Welcome"
            )
            self.ids[f"notification_id:{user.pk}"] = notification.pk
            self.ids[f"id:{user.pk}"] = token.pk
            self.headers[user.pk] = {"Authorization": f"Token {key}"}

    def fill(self, case, user):
        for name in case.path_parameters or {}:
            key = f"{name}:{user.pk}" if f"{name}:{user.pk}" in self.ids else name
            assert key in self.ids, f"{case.operation.label}: teach World how to fill {name}"
            case.path_parameters[name] = self.ids[key]
        if "event_id" in (
            case.path_parameters or {}
        ):  # competition and project routes: an event of their kind
            case.path_parameters["event_id"] = event_for_path(
                self.competitions, case.operation.path, self.ids["event_id"]
            )


@pytest.fixture(scope="module")
def api_schema():
    generated = SchemaGenerator().get_schema(request=None, public=True)
    return schemathesis.openapi.from_dict(json.loads(OpenApiJsonRenderer().render(generated)))


def run_operation(operation, app, world: World, user) -> str | None:
    """The failure report of the first failing example of `operation`, or None."""
    failures = []

    @hypothesis.settings(
        max_examples=EXAMPLES_PER_OPERATION,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @hypothesis.given(case=operation.as_strategy())
    def examples(case):
        if failures:
            return
        world.fill(case, user)
        cache.clear()  # no throttling or once-a-day guard carried from one example to the next
        try:
            case.call_and_validate(headers=world.headers[user.pk], checks=CHECKS, app=app)
        except (AssertionError, FailureGroup) as failure:
            failures.append(str(failure))

    with transaction.atomic():
        examples()
        transaction.set_rollback(True)
    return failures[0] if failures else None


@pytest.mark.django_db
@pytest.mark.parametrize("caller", ["owner", "member"])
def test_every_operation_answers_as_the_schema_says(api_schema, wsgi_app, caller):
    world = World()
    user = getattr(world, caller)
    reports = []
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) > 80
    for operation in operations:
        report = run_operation(operation, wsgi_app, world, user)
        if report:
            reports.append(f"--- {operation.label} as {caller}\n{report}")
    assert not reports, "\n".join(reports)
