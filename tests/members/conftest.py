import pytest
from django.test import Client


@pytest.fixture
def client_for(db):
    """`client_for(user)`: a browser client logged in as `user` (anonymous when None)."""

    def make(user=None):
        client = Client()
        if user is not None:
            client.force_login(user)
        return client

    return make


@pytest.fixture
def fake_content(monkeypatch):
    """Registers communities.Rule as a stand-in content kind (moderation tests): rows with a community.

    `fake_content.author` is the membership the registry names as author; `fake_content.removed` lists the
    ids its remove hook received. Content apps register their own models the same way.
    """
    from communities.models import Rule
    from members import reportables

    class Registry:
        author = None
        removed: list = []

    reportable = reportables.Reportable(
        model=Rule,
        author=lambda rule: Registry.author,
        summary=lambda rule: rule.title,
        remove=lambda rule, actor: Registry.removed.append(rule.pk),
    )
    monkeypatch.setitem(reportables._REGISTRY, reportable.key, reportable)
    return Registry
