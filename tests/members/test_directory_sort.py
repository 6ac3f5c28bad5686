"""The directory's stored sort key: a changed name moves the member at once, a hidden one never does."""

import pytest
from django.urls import reverse

from accounts.services import profile_update as account_update
from communities.selectors import rules_version_current
from communities.services import community_create
from members.models import Membership
from members.services import membership_join
from members.services.profiles import profile_update
from members.tasks import refresh_sort_names
from tests import factories

pytestmark = pytest.mark.django_db


def join(user, community):
    version = rules_version_current(community=community)
    membership_join(actor=user, community=community, accepted_rules_version=version and version.number)


def html_names(client, community):
    response = client.get(reverse("members:directory", args=[community.slug]))
    assert response.status_code == 200
    return [row["membership"].user.username for row in response.context["rows"]]


def api_names(client, community, **params):
    url = reverse("api:member-list", kwargs={"community_slug": community.slug})
    response = client.get(url, params)
    assert response.status_code == 200
    return [row["username"] for row in response.json()["results"]]


@pytest.fixture
def trio(community):
    names = ("bob", "carol", "dave")
    return {
        name: factories.member(community=community, user=factories.UserFactory(username=name))
        for name in names
    }


def test_a_profile_name_reorders_the_directory_at_once(client_for, api_client_for, community, trio):
    viewer = trio["bob"].user
    assert html_names(client_for(viewer), community) == ["bob", "carol", "dave"]
    profile_update(actor=trio["dave"].user, community=community, display_name="Aaron", visibility="members")
    assert html_names(client_for(viewer), community) == ["dave", "bob", "carol"]
    assert api_names(api_client_for(viewer), community) == ["dave", "bob", "carol"]
    assert api_names(api_client_for(viewer), community, ordering="-sort_name") == ["carol", "bob", "dave"]


def test_a_name_hidden_from_members_does_not_move_the_member(client_for, community, trio):
    profile_update(actor=trio["dave"].user, community=community, display_name="Aaron", visibility="operators")
    operator = factories.member(community=community, role="admin", user=factories.UserFactory(username="zoe"))
    for viewer in (trio["bob"].user, operator.user):
        assert html_names(client_for(viewer), community) == ["bob", "carol", "dave", "zoe"]
    assert Membership.objects.get(pk=trio["dave"].pk).sort_name == "dave"


def test_an_account_name_change_reorders_every_directory_of_the_account(client_for, community, trio):
    other = factories.CommunityFactory()
    factories.member(community=other, user=factories.UserFactory(username="erin"))
    join(trio["carol"].user, other)
    account_update(user=trio["carol"].user, changes={"display_name": "Abigail"})
    assert html_names(client_for(trio["bob"].user), community) == ["carol", "bob", "dave"]
    assert Membership.objects.get(community=other, user=trio["carol"].user).sort_name == "abigail"
    # A visible profile name still wins over the account's name.
    profile_update(actor=trio["carol"].user, community=community, display_name="Zelda", visibility="public")
    account_update(user=trio["carol"].user, changes={"display_name": "Adele"})
    assert html_names(client_for(trio["bob"].user), community) == ["bob", "dave", "carol"]


def test_new_memberships_start_with_the_account_name():
    owner = factories.UserFactory(username="Owner", display_name="Ümit")
    community = community_create(actor=owner, slug="keys", name="Keys", skill_domain="music")
    joiner = factories.UserFactory(username="Joiner")
    join(joiner, community)
    keys = dict(Membership.objects.filter(community=community).values_list("user__username", "sort_name"))
    assert keys == {"Owner": "ümit", "Joiner": "joiner"}


def test_the_hourly_job_repairs_keys_changed_outside_the_services(community, trio):
    Membership.objects.filter(pk=trio["bob"].pk).update(sort_name="zzz")  # as a raw admin edit would
    trio["carol"].user.display_name = "Able"
    trio["carol"].user.save()
    assert refresh_sort_names() == 2
    assert Membership.objects.get(pk=trio["bob"].pk).sort_name == "bob"
    assert Membership.objects.get(pk=trio["carol"].pk).sort_name == "able"
    assert refresh_sort_names() == 0
