"""The People page and the role, transfer and removal forms."""

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse

from members.models import Membership
from tests import factories

pytestmark = pytest.mark.django_db


def test_people_page_lists_operators_with_controls(client_for, community, owner):
    moderator = factories.member(community=community, role="moderator")
    factories.member(community=community)
    response = client_for(owner).get(reverse("members:people", args=[community.slug]))
    assert response.status_code == 200
    assert [m.role for m in response.context["staff"]] == ["owner", "moderator"]
    assert reverse("members:member-role", args=[community.slug, moderator.pk]) in response.content.decode()


@pytest.mark.parametrize(("role", "status"), [("admin", 200), ("moderator", 403), ("member", 403)])
def test_people_page_permissions(client_for, community, role, status):
    user = factories.member(community=community, role=role).user
    assert client_for(user).get(reverse("members:people", args=[community.slug])).status_code == status


@pytest.mark.parametrize("rows", [10, 40])
def test_people_page_query_count_does_not_grow(
    client_for, community, owner, rows, django_assert_max_num_queries
):
    for _ in range(rows):
        factories.member(community=community, role="moderator")
    client = client_for(owner)
    with django_assert_max_num_queries(14):
        assert client.get(reverse("members:people", args=[community.slug])).status_code == 200


def test_role_form_changes_the_role_and_returns(client_for, community, owner):
    subject = factories.member(community=community)
    people = reverse("members:people", args=[community.slug])
    response = client_for(owner).post(
        reverse("members:member-role", args=[community.slug, subject.pk]),
        {"role": "moderator", "next": people},
    )
    assert response.status_code == 302 and response["Location"] == people
    assert Membership.objects.get(pk=subject.pk).role == "moderator"


def test_role_form_shows_refusals(client_for, community, owner):
    admin = factories.member(community=community, role="admin")
    subject = factories.member(community=community)
    client = client_for(admin.user)
    response = client.post(
        reverse("members:member-role", args=[community.slug, subject.pk]), {"role": "owner"}
    )
    assert response.status_code == 200 and response.context["form"].non_field_errors()
    response = client.post(reverse("members:member-role", args=[community.slug, admin.pk]), {"role": "owner"})
    assert response.status_code == 200 and response.context["form"].non_field_errors()
    foreign = factories.member()
    assert client.get(reverse("members:member-role", args=[community.slug, foreign.pk])).status_code == 404
    assert Membership.objects.get(pk=subject.pk).role == "member"


def test_transfer_needs_confirmation(client_for, community, owner):
    heir = factories.member(community=community)
    page = reverse("members:member-transfer", args=[community.slug, heir.pk])
    client = client_for(owner)
    response = client.post(page, {})
    assert response.status_code == 200 and "confirm" in response.context["form"].errors
    assert client.post(page, {"confirm": "on"}).status_code == 302
    assert Membership.objects.get(pk=heir.pk).role == "owner"


def test_remove_form(client_for, community, owner):
    subject = factories.member(community=community)
    page = reverse("members:member-remove", args=[community.slug, subject.pk])
    client = client_for(owner)
    assert client.get(page).status_code == 200
    response = client.post(page, {"reason": ""})
    assert response.status_code == 200 and "reason" in response.context["form"].errors
    assert client.post(page, {"reason": "Spam"}).status_code == 302
    assert Membership.objects.get(pk=subject.pk).status == "left"
    response = client.post(
        reverse("members:member-remove", args=[community.slug, subject.pk]), {"reason": "again"}
    )
    assert response.status_code == 200 and response.context["form"].non_field_errors()


def test_controls_include_renders_for_operators(client_for, community, owner):
    subject = factories.member(community=community)
    request = RequestFactory().get("/")
    request.user = owner
    html = render_to_string(
        "members/roles/_controls.html",
        {"subject": subject, "community": community, "membership": Membership.objects.get(user=owner)},
        request=request,
    )
    assert reverse("members:member-remove", args=[community.slug, subject.pk]) in html
    assert reverse("members:member-transfer", args=[community.slug, subject.pk]) in html


def test_member_page_shows_the_controls_to_operators_only(client_for, community, owner):
    subject = factories.member(community=community)
    page = reverse("members:profile", args=[community.slug, subject.pk])
    remove = reverse("members:member-remove", args=[community.slug, subject.pk])
    assert remove in client_for(owner).get(page).content.decode()
    assert remove not in client_for(factories.member(community=community).user).get(page).content.decode()
