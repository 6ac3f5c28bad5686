"""The link checker: HEAD then GET, redirects followed by hand, private addresses refused (SSRF), the
broken flag after BROKEN_AFTER failures in a row with one notice to the curators, cleared on success;
the beat task in batches, idempotent. No real network: the resolver and the request are replaced."""

from datetime import timedelta

import pytest
from django.utils import timezone

from communities.models import Notification
from learning import links
from learning.models import Resource
from learning.models.resources import BROKEN_AFTER
from learning.services import linkcheck
from learning.tasks import resources as tasks
from tests import factories
from tests.learning.resource_helpers import library, suggest

pytestmark = pytest.mark.django_db

PUBLIC_IP = "93.184.215.14"


class FakeNet:
    """Answers by (method, host): a status, or (status, location); records every request."""

    def __init__(self, monkeypatch, answers=None, addresses=None):
        self.answers, self.addresses, self.calls = answers or {}, addresses or {}, []
        monkeypatch.setattr(links, "_resolve", self.resolve)
        monkeypatch.setattr(links, "_request", self.request)

    def resolve(self, host, port):
        return self.addresses.get(host, [PUBLIC_IP])

    def request(self, method, *, scheme, ip, host, port, target):
        self.calls.append((method, host, ip, target))
        answer = self.answers.get((method, host), self.answers.get(host, 200))
        if answer is None:
            return None, "ConnectTimeoutError"
        return answer if isinstance(answer, tuple) else (answer, None)


def test_head_is_enough_when_it_succeeds(monkeypatch):
    net = FakeNet(monkeypatch)
    assert links.check_link("https://example.com/book?x=1") == links.LinkResult(ok=True, status=200)
    assert net.calls == [("HEAD", "example.com", PUBLIC_IP, "/book?x=1")]


def test_get_is_tried_when_head_is_refused(monkeypatch):
    net = FakeNet(monkeypatch, answers={("HEAD", "example.com"): 405, ("GET", "example.com"): 200})
    assert links.check_link("https://example.com/").ok
    assert [call[0] for call in net.calls] == ["HEAD", "GET"]


def test_redirects_are_followed_and_checked_again(monkeypatch):
    net = FakeNet(
        monkeypatch,
        answers={"example.com": (301, "https://cdn.example.net/file"), "cdn.example.net": 200},
    )
    assert links.check_link("https://example.com/").ok
    assert [call[1] for call in net.calls] == ["example.com", "cdn.example.net"]


def test_a_redirect_to_a_private_address_is_refused(monkeypatch):
    net = FakeNet(monkeypatch, answers={"example.com": (302, "http://127.0.0.1/admin")})
    result = links.check_link("https://example.com/")
    assert (result.ok, result.error) == (False, "unsafe address")
    assert len(net.calls) == 1


def test_a_host_that_resolves_to_a_private_address_is_never_fetched(monkeypatch):
    net = FakeNet(monkeypatch, addresses={"sneaky.example.com": ["10.1.2.3"]})
    result = links.check_link("https://sneaky.example.com/")
    assert (result.ok, result.error) == (False, "private address refused")
    assert net.calls == []
    FakeNet(monkeypatch, addresses={"mapped.example.com": ["::ffff:127.0.0.1"]})
    assert links.check_link("https://mapped.example.com/").error == "private address refused"


def test_failures_timeouts_and_redirect_loops(monkeypatch):
    FakeNet(monkeypatch, answers={"gone.example.com": 404, "slow.example.com": None})
    assert links.check_link("https://gone.example.com/") == links.LinkResult(
        ok=False, status=404, error="HTTP 404"
    )
    assert links.check_link("https://slow.example.com/").error == "ConnectTimeoutError"
    FakeNet(monkeypatch, answers={"loop.example.com": (302, "/again")})
    assert links.check_link("https://loop.example.com/").error == "too many redirects"
    FakeNet(monkeypatch, addresses={"nowhere.example.com": []})
    assert links.check_link("https://nowhere.example.com/").error == "host not found"


def test_a_resource_is_flagged_after_failures_in_a_row_and_curators_told_once(monkeypatch):
    community, (owner, ana, *_rest) = library()
    expert = factories.member(community=community, role="expert")
    resource = suggest(community, ana, url="https://gone.example.com/book")
    net = FakeNet(monkeypatch, answers={"gone.example.com": 404})
    start = timezone.now()
    for day in range(BROKEN_AFTER + 2):
        assert (
            linkcheck.resource_link_check(
                community=community, resource_id=resource.pk, now=start + timedelta(days=day)
            )
            is False
        )
    resource.refresh_from_db()
    assert resource.is_broken and resource.link_failures == BROKEN_AFTER + 2 and resource.link_status == 404
    notices = Notification.objects.filter(kind="resource.link_broken")
    assert sorted(notices.values_list("recipient", flat=True)) == sorted([owner.user.pk, expert.user.pk])
    assert notices.first().params == {"resource": resource.title, "failures": BROKEN_AFTER}
    # Fixed: the flag clears; a new run of failures tells the curators again.
    net.answers = {}
    later = start + timedelta(days=10)
    assert linkcheck.resource_link_check(community=community, resource_id=resource.pk, now=later) is True
    resource.refresh_from_db()
    assert (resource.is_broken, resource.link_failures, resource.link_error) == (False, 0, "")


def test_a_check_within_a_day_is_skipped_and_a_changed_link_keeps_its_record(monkeypatch):
    community, (_owner, ana, *_rest) = library()
    resource = suggest(community, ana)
    net = FakeNet(monkeypatch)
    now = timezone.now()
    assert linkcheck.resource_link_check(community=community, resource_id=resource.pk, now=now) is True
    assert (
        linkcheck.resource_link_check(
            community=community, resource_id=resource.pk, now=now + timedelta(hours=1)
        )
        is None
    )
    assert len(net.calls) == 1
    stale = links.LinkResult(ok=False, status=500, error="HTTP 500")
    assert (
        linkcheck.resource_link_record(
            community=community, resource_id=resource.pk, url="https://old.example.com/", result=stale
        )
        is None
    )


def test_the_beat_task_checks_due_resources_in_batches_once(monkeypatch):
    community, (_owner, ana, *_rest) = library()
    resources = [suggest(community, ana, url=f"https://example.com/{n}") for n in range(tasks.BATCH_SIZE + 2)]
    archived, (archived_owner, *_x) = library(("owner",))
    suggest(archived, archived_owner)
    archived.archived_at = timezone.now()
    archived.save(update_fields=["archived_at"])
    net = FakeNet(monkeypatch)
    assert tasks.check_resource_links() == len(resources)
    assert len(net.calls) == len(resources)
    assert tasks.check_resource_links() == 0
    assert len(net.calls) == len(resources)
    assert not Resource.objects.filter(community=community, link_checked_at__isnull=True).exists()
