"""Vetting in the browser: apply, my application, the review queue, the questions, and Django admin."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from communities import services as community_services
from communities.models import Notification
from members.models import Application, ApplicationQuestion, AuditLogEntry, Membership
from members.services import applications as services
from tests import factories

pytestmark = pytest.mark.django_db


def page(name, community, *args):
    return reverse(f"members:{name}", args=[community.slug, *args])


@pytest.fixture
def vetted(db):
    return factories.CommunityFactory(join_policy="application")


@pytest.fixture
def vetter(vetted):
    return factories.member(community=vetted, role="admin").user


@pytest.fixture
def questions(vetted, vetter):
    return [
        services.question_create(actor=vetter, community=vetted, label="Why join?", kind="long_text"),
        services.question_create(
            actor=vetter, community=vetted, label="Level", kind="single_choice", choices=["low", "high"]
        ),
        services.question_create(
            actor=vetter, community=vetted, label="Portfolio", kind="url", required=False
        ),
    ]


def test_home_shows_the_apply_button(client_for, vetted):
    response = client_for(factories.UserFactory()).get(reverse("communities:home", args=[vetted.slug]))
    assert page("apply", vetted).encode() in response.content


def test_apply_page_builds_the_form_from_the_questions(client_for, vetted, questions):
    response = client_for(factories.UserFactory()).get(page("apply", vetted))
    assert response.status_code == 200
    assert list(response.context["form"].fields) == [f"q_{q.pk}" for q in questions]


def test_apply_with_rules_then_withdraw(client_for, vetted, vetter, questions):
    community_services.rule_create(actor=vetter, community=vetted, category="conduct", title="Be kind")
    user = factories.UserFactory()
    client = client_for(user)
    data = {
        f"q_{questions[0].pk}": "Light",
        f"q_{questions[1].pk}": "low",
        "rules_version": 1,
        "accept_rules": "on",
    }
    response = client.post(page("apply", vetted), data)
    assert response.status_code == 302 and response["Location"] == page("application-mine", vetted)
    assert Membership.objects.get(user=user, community=vetted).status == "pending"
    mine = client.get(page("application-mine", vetted))
    assert b"Light" in mine.content and mine.context["pending"] is not None
    response = client.post(page("application-mine", vetted))
    assert response.status_code == 302
    assert Application.objects.get().status == "withdrawn"


def test_apply_keeps_the_campaign_tag_of_the_visit(client_for, vetted):
    user = factories.UserFactory()
    client = client_for(user)
    client.get(reverse("communities:home", args=[vetted.slug]), {"src": "WeChat"})
    assert client.post(page("apply", vetted), {}).status_code == 302
    membership = Membership.objects.get(user=user, community=vetted)
    assert (membership.source, membership.source_tag) == ("campaign", "wechat")


def test_apply_form_errors_rerender_and_write_nothing(client_for, vetted, questions):
    client = client_for(factories.UserFactory())
    response = client.post(
        page("apply", vetted), {f"q_{questions[1].pk}": "medium", f"q_{questions[2].pk}": "not a url"}
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert {f"q_{questions[0].pk}", f"q_{questions[1].pk}", f"q_{questions[2].pk}"} <= set(errors)
    assert not Application.objects.exists()


def test_service_errors_show_on_the_answer_field(client_for, vetted, questions):
    # The form accepts ftp:// (Django's URLField); the service wants http(s) and names the field.
    client = client_for(factories.UserFactory())
    data = {
        f"q_{questions[0].pk}": "Light",
        f"q_{questions[1].pk}": "low",
        f"q_{questions[2].pk}": "ftp://x.example",
    }
    response = client.post(page("apply", vetted), data)
    assert response.status_code == 200
    assert f"q_{questions[2].pk}" in response.context["form"].errors
    assert not Application.objects.exists()


def test_cooldown_message_on_the_form(client_for, vetted, vetter):
    user = factories.UserFactory()
    application = services.application_submit(
        actor=user, community=vetted, answers={}, accepted_rules_version=None
    )
    services.application_decide(actor=vetter, community=vetted, application=application, decision="reject")
    response = client_for(user).post(page("apply", vetted), {})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()


@pytest.mark.parametrize("role", ["moderator", "expert", "member"])
def test_queue_and_questions_are_for_owners_and_admins(client_for, vetted, role):
    client = client_for(factories.member(community=vetted, role=role).user)
    assert client.get(page("applications", vetted)).status_code == 403
    assert client.get(page("application-questions", vetted)).status_code == 403


def test_queue_is_404_for_outsiders_of_a_private_community(client_for):
    private = factories.CommunityFactory(visibility="private", join_policy="application")
    outsider = factories.member(community=factories.CommunityFactory(), role="owner").user
    assert client_for(outsider).get(page("applications", private)).status_code == 404


def test_queue_lists_and_query_count_does_not_grow(client_for, vetted, vetter, django_assert_max_num_queries):
    client = client_for(vetter)
    client.get(page("applications", vetted))  # warm the session and per-request caches

    def make(n):
        for _ in range(n):
            application = factories.ApplicationFactory(
                community=vetted,
                answers=[{"question_id": 1, "label": "Why?", "kind": "short_text", "answer": "x"}],
            )
            factories.member(community=factories.CommunityFactory(), user=application.applicant)

    make(10)
    with django_assert_max_num_queries(25) as small:
        client.get(page("applications", vetted))
    make(30)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(page("applications", vetted))
    assert len(response.context["applications"]) == 20


def test_queue_filters(client_for, vetted, vetter):
    factories.ApplicationFactory(community=vetted, answers_text="street photography")
    factories.ApplicationFactory(community=vetted, answers_text="portraits")
    response = client_for(vetter).get(page("applications", vetted), {"q": "street"})
    assert len(response.context["applications"]) == 1
    response = client_for(vetter).get(page("applications", vetted), {"submitted_from": "nonsense"})
    assert response.status_code == 200 and response.context["filter_form"].errors


def test_bulk_decision_from_the_queue(client_for, vetted, vetter):
    applications = factories.ApplicationFactory.create_batch(2, community=vetted)
    response = client_for(vetter).post(
        page("applications", vetted),
        {"ids": [a.pk for a in applications], "decision": "approve", "note": "good", "message": "Welcome"},
    )
    assert response.status_code == 302
    assert set(Application.objects.values_list("status", flat=True)) == {"approved"}
    assert Notification.objects.filter(kind="application.approved").count() == 2
    assert [str(m) for m in get_messages(response.wsgi_request)]


def test_bulk_decision_errors_rerender(client_for, vetted, vetter):
    application = factories.ApplicationFactory(community=vetted)
    services.application_decide(actor=vetter, community=vetted, application=application, decision="reject")
    client = client_for(vetter)
    response = client.post(page("applications", vetted), {"ids": [application.pk], "decision": "approve"})
    assert response.status_code == 200 and response.context["form"].errors
    response = client.post(page("applications", vetted), {"decision": "approve"})
    assert response.status_code == 200 and response.context["form"].errors


def test_questions_page_add_move_retire_delete(client_for, vetted, vetter):
    client = client_for(vetter)
    response = client.post(page("application-questions", vetted), {"label": "Why?", "kind": "short_text"})
    assert response.status_code == 302
    response = client.post(page("application-questions", vetted), {"label": "Pick", "kind": "single_choice"})
    assert response.status_code == 200 and "choices" in response.context["form"].errors
    client.post(
        page("application-questions", vetted),
        {"label": "Pick", "kind": "single_choice", "choices": "a\nb", "required": "on"},
    )
    first, second = ApplicationQuestion.objects.order_by("position")
    assert second.choices == ["a", "b"]
    client.post(page("application-question-action", vetted, second.pk, "up"))
    assert list(ApplicationQuestion.objects.order_by("position")) == [second, first]
    client.post(page("application-question-action", vetted, first.pk, "retire"))
    first.refresh_from_db()
    assert first.retired_at is not None
    client.post(page("application-question-action", vetted, first.pk, "delete"))
    assert not ApplicationQuestion.objects.filter(pk=first.pk).exists()
    assert client.post(page("application-question-action", vetted, second.pk, "create")).status_code == 404
    response = client.post(
        page("application-question-edit", vetted, second.pk), {"label": "Pick one", "kind": "short_text"}
    )
    assert response.status_code == 302
    second.refresh_from_db()
    assert (second.label, second.choices) == ("Pick one", [])


# --- Django admin: the same service as the site ------------------------------------------------------------


def _admin_decide(client, applications, action):
    return client.post(
        reverse("admin:members_application_changelist"),
        {"action": action, "_selected_action": [a.pk for a in applications]},
    )


def test_admin_and_site_decisions_behave_the_same(client_for, vetted, vetter):
    superuser = factories.UserFactory(is_superuser=True, is_staff=True)
    by_admin = factories.ApplicationFactory(community=vetted)
    by_site = factories.ApplicationFactory(community=vetted)
    assert _admin_decide(client_for(superuser), [by_admin], "approve").status_code == 302
    client_for(vetter).post(page("applications", vetted), {"ids": [by_site.pk], "decision": "approve"})

    def outcome(application):
        application.refresh_from_db()
        return (
            application.status,
            application.membership.status,
            AuditLogEntry.objects.filter(
                subject=application.membership, action="application.approved"
            ).count(),
            Notification.objects.filter(recipient=application.applicant, kind="application.approved").count(),
        )

    assert outcome(by_admin) == outcome(by_site) == ("approved", "active", 1, 1)


def test_admin_reject_and_already_decided(client_for, vetted, vetter):
    superuser = factories.UserFactory(is_superuser=True, is_staff=True)
    client = client_for(superuser)
    application = factories.ApplicationFactory(community=vetted)
    _admin_decide(client, [application], "reject")
    application.refresh_from_db()
    assert application.status == "rejected" and application.membership.status == "rejected"
    response = _admin_decide(client, [application], "approve")
    assert any(m.level_tag == "error" for m in get_messages(response.wsgi_request))
    application.refresh_from_db()
    assert application.status == "rejected"
    assert AuditLogEntry.objects.count() == 1


def test_admin_pages_render(client_for, vetted):
    superuser = factories.UserFactory(is_superuser=True, is_staff=True)
    application = factories.ApplicationFactory(
        community=vetted,
        answers=[{"question_id": 1, "label": "Why?", "kind": "short_text", "answer": "<b>hi</b>"}],
    )
    client = client_for(superuser)
    response = client.get(reverse("admin:members_application_change", args=[application.pk]))
    assert response.status_code == 200 and b"&lt;b&gt;hi&lt;/b&gt;" in response.content
    assert client.get(reverse("admin:members_application_changelist"), {"q": "x"}).status_code == 200
    response = client.post(
        reverse("admin:members_applicationquestion_add"),
        {"community": vetted.pk, "label": "Pick", "kind": "single_choice", "choices": "[]", "required": "on"},
    )
    assert response.status_code == 200 and not ApplicationQuestion.objects.exists()
    response = client.post(
        reverse("admin:members_applicationquestion_add"),
        {"community": vetted.pk, "label": "Pick", "kind": "single_choice", "choices": '["a", "b"]'},
    )
    assert response.status_code == 302
    assert ApplicationQuestion.objects.get().position == 1
