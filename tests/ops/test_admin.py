import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from analytics.models import ActivityEvent
from analytics.services import record
from communities import services
from communities.models import Community, RulesVersion
from members.services import rules_accept
from tests import factories

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:communities_community_changelist"


def _world(owner, communities):
    """`communities` communities owned by `owner`, each with a rule, members, acceptances and activity."""
    for i in range(communities):
        community = services.community_create(
            actor=owner, slug=f"admin-test-{i}", name=f"Admin test {i}", skill_domain="design"
        )
        services.rule_create(actor=owner, community=community, category="conduct", title="Be kind")
        version = RulesVersion.objects.for_community(community).get()
        for role in ("member", "moderator"):
            membership = factories.member(community=community, role=role)
            rules_accept(membership=membership, version=version)
            record(community=community, actor=membership.user, verb="post.created")


@pytest.mark.parametrize(
    "url_name",
    [
        CHANGELIST,
        "admin:communities_rulesversion_changelist",
        "admin:members_membership_changelist",
        "admin:members_ruleacceptance_changelist",
        "admin:analytics_activityevent_changelist",
    ],
)
def test_changelists_render_with_bounded_queries(
    admin_client_for, superuser, url_name, django_assert_max_num_queries
):
    _world(superuser, communities=3)
    with django_assert_max_num_queries(12):
        response = admin_client_for.get(reverse(url_name))
    assert response.status_code == 200
    assert response.context["cl"].result_count > 0


def test_community_change_form_shows_its_rules_read_only(admin_client_for, superuser):
    _world(superuser, communities=1)
    community = Community.objects.get(slug="admin-test-0")
    response = admin_client_for.get(reverse("admin:communities_community_change", args=[community.pk]))
    assert response.status_code == 200
    assert "Be kind" in response.content.decode()
    assert not response.context["inline_admin_formsets"][0].has_add_permission


def test_membership_search_and_filters(admin_client_for, superuser):
    _world(superuser, communities=2)
    target = factories.member(
        community=Community.objects.get(slug="admin-test-1"), role="expert", status="banned"
    )
    url = reverse("admin:members_membership_changelist")
    assert list(admin_client_for.get(url, {"q": target.user.username}).context["cl"].result_list) == [target]
    filtered = admin_client_for.get(url, {"role__exact": "expert", "status__exact": "banned"})
    assert list(filtered.context["cl"].result_list) == [target]
    by_community = admin_client_for.get(url, {"q": "admin-test-0"}).context["cl"].result_list
    assert {membership.community.slug for membership in by_community} == {"admin-test-0"}


def test_community_search_and_filters(admin_client_for, superuser):
    _world(superuser, communities=2)
    private = factories.CommunityFactory(slug="hidden-circle", visibility="private", join_policy="invitation")
    url = reverse(CHANGELIST)
    assert list(admin_client_for.get(url, {"q": "hidden"}).context["cl"].result_list) == [private]
    filtered = admin_client_for.get(url, {"visibility__exact": "private", "join_policy__exact": "invitation"})
    assert list(filtered.context["cl"].result_list) == [private]
    assert admin_client_for.get(url, {"skill_domain__exact": "design"}).context["cl"].result_count == 2
    assert admin_client_for.get(url, {"status__exact": "archived"}).context["cl"].result_count == 0


def test_archive_and_unarchive_actions_go_through_the_services(admin_client_for, superuser):
    _world(superuser, communities=1)
    community = Community.objects.get(slug="admin-test-0")
    url = reverse(CHANGELIST)
    admin_client_for.post(url, {"action": "archive", "_selected_action": [community.pk]})
    community.refresh_from_db()
    assert community.status == "archived"
    assert community.archived_at is not None
    admin_client_for.post(url, {"action": "unarchive", "_selected_action": [community.pk]})
    community.refresh_from_db()
    assert (community.status, community.archived_at) == ("active", None)
    verbs = ActivityEvent.objects.for_community(community).values_list("verb", flat=True)
    assert {"community.archived", "community.unarchived"} <= set(verbs)


def test_superuser_archives_a_community_they_do_not_belong_to(admin_client_for):
    """Decision 0005: superusers act through the admin on any community, through the same service."""
    community = factories.CommunityFactory()
    admin_client_for.post(reverse(CHANGELIST), {"action": "archive", "_selected_action": [community.pk]})
    community.refresh_from_db()
    assert community.status == "archived"


def test_archive_action_reports_a_community_already_archived(admin_client_for):
    community = factories.CommunityFactory(status="archived")
    response = admin_client_for.post(
        reverse(CHANGELIST), {"action": "archive", "_selected_action": [community.pk]}, follow=True
    )
    assert [message.level_tag for message in get_messages(response.wsgi_request)] == ["error"]


@pytest.mark.parametrize(
    "url_name",
    [
        "admin:analytics_activityevent_add",
        "admin:members_ruleacceptance_add",
        "admin:communities_rulesversion_add",
        "admin:communities_community_add",
    ],
)
def test_service_written_records_cannot_be_added_in_the_admin(admin_client_for, url_name):
    assert admin_client_for.get(reverse(url_name)).status_code == 403


def test_activity_events_cannot_be_changed_or_deleted(admin_client_for, superuser):
    _world(superuser, communities=1)
    event = ActivityEvent.objects.filter(verb="post.created").first()
    change_url = reverse("admin:analytics_activityevent_change", args=[event.pk])
    response = admin_client_for.post(change_url, {"verb": "tampered"})
    assert response.status_code == 403
    delete_url = reverse("admin:analytics_activityevent_delete", args=[event.pk])
    assert admin_client_for.post(delete_url, {"post": "yes"}).status_code == 403
    event.refresh_from_db()
    assert event.verb == "post.created"
