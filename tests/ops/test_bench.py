"""The benchmark's own parts: the framework floor's view and the per-size database names."""

import json

import pytest

from bench import floor, run
from tests import factories

pytestmark = pytest.mark.django_db


def test_the_floor_returns_twenty_active_members_with_one_query(rf, django_assert_num_queries):
    community = factories.CommunityFactory()
    active = {factories.member(community=community).pk for _ in range(22)}
    factories.member(community=community, status="left")
    factories.member(community=factories.CommunityFactory())
    with django_assert_num_queries(1):
        response = floor.rows(rf.get("/"), community.slug)
    rows = json.loads(response.content)["results"]
    assert len(rows) == 20
    assert {row["id"] for row in rows} <= active


def test_each_size_is_measured_in_its_own_database():
    base = "postgres://postgres@127.0.0.1:5432/gh_bench"
    assert run.database_url(base, 18000) == "postgres://postgres@127.0.0.1:5432/gh_bench_18000"
    assert run.database_url("sqlite:////tmp/bench.sqlite3", 100000) == "sqlite:////tmp/bench_100000.sqlite3"
