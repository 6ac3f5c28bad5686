"""An archived community is read-only: every write answers community_archived (409), except unarchiving.

The rule lives at the chokepoint every write passes (`communities.permissions.ensure_can`, with
`ensure_writable` for the ways in that need no capability), and the API and HTML bases apply it before
reading any input. This walks every unsafe API route and every HTML route from the URL conf, and calls
the write services directly.
"""

import re

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import URLResolver, get_resolver, reverse
from rest_framework.test import APIClient

from communities import services as community_services
from communities.errors import CommunityArchived
from communities.inbox import preference_set
from content.services import conversations as conversation_services
from content.services import questions as question_services
from content.services import sessions as session_services
from members.services import applications, moderation, onboarding, profiles, recruitment, roles
from members.services.membership import membership_join, membership_leave
from members.services.policy import member_policy_update
from members.services.reporting import report_create
from tests import factories
from tests.security.test_reads_never_write import TABLE, WRITE, World, community_routes

pytestmark = pytest.mark.django_db

UNSAFE = ("post", "put", "patch", "delete")
STILL_ALLOWED = {"api:community-unarchive"}  # bringing it back is the one write an archived community takes


def _archive(world):
    community_services.community_archive(actor=world.owner, community=world.community)
    world.community.refresh_from_db()


def _walk(patterns, prefix="", namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        else:
            yield prefix + str(pattern.pattern), namespace + (pattern.name or ""), pattern


def _api_routes():
    """(name, params, unsafe methods) of the API routes under a community, from the URL conf."""
    routes = []
    for template, name, pattern in _walk(get_resolver().url_patterns):
        if not template.startswith("api/v1/communities/<"):
            continue
        methods = [m for m in (getattr(pattern.callback, "actions", None) or {}) if m in UNSAFE]
        if methods:
            routes.append((name, re.findall(r"<(?:\w+:)?(\w+)>", template), methods))
    return routes


def test_every_unsafe_api_route_answers_community_archived():
    world = World()
    _archive(world)
    client = APIClient()
    client.force_authenticate(world.owner)
    failures, checked = [], 0
    for name, params, methods in _api_routes():
        url = reverse(name, kwargs=world.kwargs(world.community, params))
        for method in methods:
            cache.clear()  # the walk writes faster than the write throttle allows; it tests the archive
            with transaction.atomic():
                response = getattr(client, method)(url, {}, format="json")
                transaction.set_rollback(True)
            checked += 1
            if name in STILL_ALLOWED:
                ok = response.status_code == 200
            else:
                ok = response.status_code == 409 and response.json()["code"] == "community_archived"
            if not ok:
                failures.append(f"{method.upper()} {url} ({name}): {response.status_code}")
    assert checked > 40
    assert not failures, "\n".join(failures)


def test_unarchiving_through_the_api_opens_writes_again():
    world = World()
    _archive(world)
    client = APIClient()
    client.force_authenticate(world.owner)
    notes = reverse("api:member-note-list", args=[world.community.slug, world.subject.pk])
    assert client.post(notes, {"body": "x"}, format="json").status_code == 409
    assert client.post(reverse("api:community-unarchive", args=[world.community.slug])).status_code == 200
    assert client.post(notes, {"body": "x"}, format="json").status_code == 201


def test_every_html_post_writes_nothing_on_an_archived_community():
    world = World()
    _archive(world)
    client = Client()
    client.force_login(world.owner)
    failures = []
    for name, params in community_routes():
        if name.startswith("api:"):
            continue
        url = reverse(name, kwargs=world.kwargs(world.community, params))
        with transaction.atomic(), CaptureQueriesContext(connection) as captured:
            response = client.post(url, {"action": "archive"})
            transaction.set_rollback(True)
        writes = [
            q["sql"][:120]
            for q in captured.captured_queries
            if WRITE.match(q["sql"]) and TABLE.match(q["sql"]).group(1).lower() != "django_session"
        ]
        if writes or response.status_code >= 500:
            failures.append(f"POST {url}: {response.status_code} {writes}")
    assert not failures, "\n".join(failures)


def test_html_post_is_refused_with_the_archived_message_and_unarchive_works():
    world = World()
    _archive(world)
    client = Client()
    client.force_login(world.owner)
    response = client.post(
        reverse("members:note-add", args=[world.community.slug, world.subject.pk]), {"body": "x"}, follow=True
    )
    assert [str(m) for m in response.context["messages"]] == ["This community is archived and read-only."]
    client.post(reverse("communities:settings-danger", args=[world.community.slug]), {"action": "unarchive"})
    world.community.refresh_from_db()
    assert not world.community.is_archived


def _service_calls(world):
    community, owner, subject = world.community, world.owner, world.subject
    member = factories.member(community=community).user
    outsider = factories.UserFactory()
    return {
        "invitation": lambda: recruitment.invitation_create(actor=owner, community=community),
        "invitation accept": lambda: recruitment.invitation_accept(
            actor=outsider, community=community, code=world.invitation.code, accepted_rules_version=1
        ),
        "join link": lambda: recruitment.join_link_create(actor=owner, community=community, channel="x"),
        "referral": lambda: recruitment.referral_code_ensure(actor=member, community=community),
        "note": lambda: profiles.member_note_add(
            actor=owner, community=community, membership=subject, body="x"
        ),
        "tag": lambda: profiles.member_tag_add(
            actor=owner, community=community, membership=subject, name="x"
        ),
        "profile": lambda: profiles.profile_update(actor=member, community=community, bio="Hi"),
        "introduction": lambda: onboarding.introduction_post(actor=member, community=community, text="Hi"),
        "onboarding step": lambda: onboarding.onboarding_step_create(
            actor=owner, community=community, title="x", verb="x.done"
        ),
        "role change": lambda: roles.role_change(
            actor=owner, community=community, membership=subject, role="moderator"
        ),
        "remove": lambda: roles.member_remove(
            actor=owner, community=community, membership=subject, reason="x"
        ),
        "warning": lambda: moderation.member_warn(
            actor=owner, community=community, membership=subject, reason="x"
        ),
        "mute": lambda: moderation.member_mute(
            actor=owner, community=community, membership=subject, days=1, reason="x"
        ),
        "report": lambda: report_create(
            actor=member,
            community=community,
            target_type="members.membership",
            target_id=subject.pk,
            rule_id=world.rule.pk,
            reason="x",
        ),
        "policy": lambda: member_policy_update(actor=owner, community=community, reapply_cooldown_days=3),
        "rule": lambda: community_services.rule_create(
            actor=owner, community=community, category="conduct", title="x"
        ),
        "community": lambda: community_services.community_update(actor=owner, community=community, name="x"),
        "delete": lambda: community_services.community_delete(
            actor=owner, community=community, confirm_slug=community.slug
        ),
        "decide": lambda: applications.application_decide(
            actor=owner, community=community, application=world.application, decision="approve"
        ),
        "preferences": lambda: preference_set(
            actor=member, community=community, kind="welcome", in_app=False, email=False
        ),
        "question": lambda: question_services.question_ask(actor=member, community=community, title="x"),
        "answer": lambda: question_services.answer_post(
            actor=member, community=community, question=world.qa_question, body="x"
        ),
        "session": lambda: session_services.session_question_ask(
            actor=member, community=community, session=world.session, body="x"
        ),
        "guest expert": lambda: session_services.guest_expert_invite(
            actor=owner, community=community, account=outsider.username
        ),
        "message": lambda: conversation_services.message_send(
            actor=owner, community=community, conversation=world.conversation, body="x"
        ),
        "conversation": lambda: conversation_services.conversation_start(
            actor=owner, community=community, recipient_ids=[subject.pk], body="x"
        ),
        "conversation read": lambda: conversation_services.conversation_mark_read(
            actor=owner, community=community, conversation=world.conversation
        ),
        "conversation leave": lambda: conversation_services.conversation_leave(
            actor=owner, community=community, conversation=world.conversation
        ),
        "messaging preference": lambda: conversation_services.messaging_preference_set(
            actor=member, community=community, accept_from="nobody"
        ),
        "join": lambda: membership_join(actor=outsider, community=community, accepted_rules_version=1),
        "leave": lambda: membership_leave(actor=member, community=community),
    }


def test_every_write_service_refuses_an_archived_community():
    world = World()
    calls = _service_calls(world)
    _archive(world)
    accepted = []
    for name, call in calls.items():
        try:
            with transaction.atomic():
                call()
        except CommunityArchived:
            continue
        accepted.append(name)
    assert not accepted, f"archived community accepted: {accepted}"


def test_superusers_are_refused_too_except_for_unarchiving():
    world = World()
    _archive(world)
    superuser = factories.UserFactory(is_superuser=True, is_staff=True)
    with pytest.raises(CommunityArchived):
        profiles.member_note_add(
            actor=superuser, community=world.community, membership=world.subject, body="x"
        )
    community_services.community_unarchive(actor=superuser, community=world.community)
