"""Queries between tenant tables carry the community (what Citus needs to run them on one shard), found
from the models' metadata: a new tenant model or relation is covered without any list being edited.

`make test-citus` proves the same on a real cluster; these tests say it on any database."""

import importlib
import re

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from communities.colocation import tenant_relations
from communities.crossing import CROSSING, community_figures_write
from communities.models import Community, TenantModel
from members.models import JoinLink, Membership
from tests import factories
from tests.project import project_models


def _joined_on_community(sql: str) -> bool:
    """A join condition `<alias>.community_id = (<other alias>.community_id)` (aliases vary: T3...)."""
    return re.search(r'\."community_id" = \([^()]*\."community_id"\)', sql) is not None


def test_every_relation_between_tenant_models_is_found():
    found = {(field.model, field.name) for field in tenant_relations()}
    expected = {
        (model, field.name)
        for model in project_models()
        if issubclass(model, TenantModel)
        for field in model._meta.concrete_fields
        if field.is_relation and issubclass(field.related_model, TenantModel) and field.name != "community"
    }
    assert found == expected
    assert (Membership, "join_link") in found  # the walk finds something to check


@pytest.mark.parametrize(
    "field", list(tenant_relations()), ids=lambda field: f"{field.model.__name__}.{field.name}"
)
def test_joins_through_a_tenant_relation_carry_the_community_both_ways(field):
    model, related = field.model, field.related_model
    forward = str(model.objects.filter(**{f"{field.name}__created_at__isnull": False}).query)
    assert _joined_on_community(forward), forward
    if not field.remote_field.hidden:  # related_name="+": no reverse lookup to write
        lookup = f"{field.related_query_name()}__created_at__isnull"
        reverse = str(related.objects.filter(**{lookup: False}).query)
        assert _joined_on_community(reverse), reverse
    if field.null:  # select_related: a LEFT JOIN whose ON clause carries the community
        outer = str(model.objects.select_related(field.name).query)
        assert _joined_on_community(outer), outer


def test_the_community_in_a_join_changes_no_result(community):
    """The rows of a join share their community, so the added condition filters nothing out."""
    link_member = factories.member(community=community)
    other = factories.member(community=community)
    link = JoinLink.objects.create(community=community, code="abc", channel="other")
    Membership.objects.filter(pk=link_member.pk).update(join_link=link)
    rows = Membership.objects.for_community(community).select_related("join_link").order_by("pk")
    assert [(m.pk, m.join_link) for m in rows if m.pk in (link_member.pk, other.pk)] == [
        (link_member.pk, link),
        (other.pk, None),
    ]
    assert list(Membership.objects.filter(join_link__code="abc")) == [link_member]


@pytest.mark.django_db
def test_a_save_names_the_row_by_its_community(community):
    membership = factories.member(community=community)
    membership.sort_name = "renamed"
    with CaptureQueriesContext(connection) as captured:
        membership.save()
    (update,) = [query["sql"] for query in captured if query["sql"].startswith("UPDATE")]
    assert f"{connection.ops.quote_name('community_id')} = {community.pk}" in update


@pytest.mark.django_db
def test_a_row_never_moves_to_another_community(community):
    membership = factories.member(community=community)
    membership.community = factories.CommunityFactory()
    with pytest.raises(ValueError, match="rows never move"), transaction.atomic():
        membership.save()
    assert Membership.objects.get(pk=membership.pk).community_id == community.pk


def test_every_named_cross_community_query_exists():
    for dotted, reason in CROSSING.items():
        module, _, name = dotted.rpartition(".")
        assert callable(getattr(importlib.import_module(module), name)), dotted
        assert reason


@pytest.mark.django_db
def test_community_figures_write_changes_only_what_differs():
    busy, quiet, idle = factories.CommunityFactory.create_batch(3)
    Community.objects.filter(pk=idle.pk).update(activity_score=7)
    assert community_figures_write("activity_score", {busy.pk: 3, quiet.pk: 0}) == 2
    scores = dict(Community.objects.values_list("pk", "activity_score"))
    assert (scores[busy.pk], scores[quiet.pk], scores[idle.pk]) == (3, 0, 0)
    assert community_figures_write("activity_score", {busy.pk: 3}) == 0
    assert community_figures_write("activity_score", {}, community_ids=[busy.pk]) == 1
    busy.refresh_from_db()
    assert busy.activity_score == 0


@pytest.mark.django_db
def test_a_row_lock_must_name_one_community(community):
    membership = factories.member(community=community)
    with transaction.atomic():
        assert Membership.objects.for_community(community).select_for_update().get(pk=membership.pk)
        assert Membership.objects.select_for_update().filter(community=community, pk=membership.pk).first()
        with pytest.raises(ImproperlyConfigured, match="must filter by one community"):
            Membership.objects.select_for_update().get(pk=membership.pk)
        with pytest.raises(ImproperlyConfigured):
            list(Membership.objects.select_for_update().filter(community__in=[community]))
        assert Community.objects.select_for_update().get(pk=community.pk)  # not a tenant table
