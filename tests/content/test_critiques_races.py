"""Credits under concurrent requests: no double spend, no negative balance, one critique per critic.

POSTGRESQL ONLY (SQLite serialises writes, so no race can happen): run with DATABASE_URL=postgres://...
Each test fires requests from several threads at once, each thread with its own connection
(`transaction=True`: rows are really committed), and checks the answers, the balance and the ledger.
"""

import threading

import pytest
from django.db import connection
from django.db.models import Sum
from django.urls import reverse
from rest_framework.test import APIClient

from content.models import CreditAccount, CreditTransaction, Critique, Work
from tests import factories
from tests.content.critique_helpers import give_credits, post_work, rubric

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only: SQLite serialises writes"),
]
TAPS = 4


def fire(requests: list[tuple]) -> list[int]:
    """Each (user, url, body) posted from its own thread, released together; their status codes."""
    barrier = threading.Barrier(len(requests))
    codes: list[int] = []

    def tap(user, url, body):
        client = APIClient()
        client.force_authenticate(user)
        try:
            barrier.wait()
            codes.append(client.post(url, body, format="json").status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=tap, args=request) for request in requests]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return codes


def api(name, community, **kwargs):
    return reverse(f"api:{name}", kwargs={"community_slug": community.slug, **kwargs})


def test_concurrent_requests_never_spend_the_same_credits_twice():
    community = factories.CommunityFactory()
    author = factories.member(community=community)
    give_credits(author, 4)  # two works at the default cost of 2
    body = {"title": "Same credits", "links": ["https://example.com/a"]}
    codes = fire([(author.user, api("work-list", community), body)] * TAPS)
    assert sorted(codes) == [201, 201] + [409] * (TAPS - 2)
    account = CreditAccount.objects.get(membership=author)
    assert account.balance == 0
    assert Work.objects.filter(community=community).count() == 2
    spent = CreditTransaction.objects.filter(account=account).aggregate(total=Sum("amount"))["total"]
    assert spent == -4


def test_a_double_tap_critique_is_one_critique_and_one_reward():
    community = factories.CommunityFactory()
    owner = factories.member(community=community, role="owner").user
    criteria = rubric(community, owner)
    author, critic = factories.member(community=community), factories.member(community=community)
    work = post_work(community, author)
    body = {"overall": "Once", "scores": [{"criterion": c.pk, "score": 3} for c in criteria]}
    codes = fire([(critic.user, api("critique-list", community, work_id=work.pk), body)] * TAPS)
    assert sorted(codes) == [201] + [409] * (TAPS - 1)
    assert Critique.objects.filter(work=work).count() == 1
    assert CreditAccount.objects.get(membership=critic).balance == 1
    work.refresh_from_db()
    assert work.critique_count == 1


def test_critics_earning_while_the_author_spends_add_up():
    """Different members' credits move at once: every change lands, each balance matches its ledger."""
    community = factories.CommunityFactory()
    owner = factories.member(community=community, role="owner").user
    criteria = rubric(community, owner)
    author = factories.member(community=community)
    work = post_work(community, author)
    give_credits(author, 6)
    critics = [factories.member(community=community) for _ in range(TAPS - 1)]
    body = {"overall": "Race", "scores": [{"criterion": c.pk, "score": 4} for c in criteria]}
    requests = [(c.user, api("critique-list", community, work_id=work.pk), body) for c in critics]
    requests.append(
        (author.user, api("work-list", community), {"title": "t", "links": ["https://example.com"]})
    )
    assert sorted(fire(requests)) == [201] * TAPS
    work.refresh_from_db()
    assert work.critique_count == TAPS - 1
    for account in CreditAccount.objects.filter(community=community):
        last = CreditTransaction.objects.filter(account=account).order_by("-created_at", "-id").first()
        assert last is None or last.balance_after == account.balance
    assert CreditAccount.objects.get(membership=author).balance == 4
