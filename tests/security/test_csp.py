"""The Content-Security-Policy header, and pages whose inline scripts and styles all carry its nonce."""

import re

import pytest
from django.conf import settings
from django.urls import reverse

from tests import factories

INLINE = re.compile(r"<(script|style)\b([^>]*)>", re.IGNORECASE)


def policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split("; ")}


def nonce_of(response) -> str:
    sources = policy(response)["script-src"]
    return next(s for s in sources if s.startswith("'nonce-"))[len("'nonce-") : -1]


def assert_inline_code_carries_the_nonce(response) -> None:
    nonce = nonce_of(response)
    for tag, attributes in INLINE.findall(response.content.decode()):
        if tag.lower() == "script" and "src=" in attributes:
            continue
        assert f'nonce="{nonce}"' in attributes, f"<{tag}{attributes}> has no nonce"


@pytest.mark.django_db
def test_pages_send_a_strict_policy_with_a_fresh_nonce(client):
    first, second = client.get(reverse("communities:directory")), client.get(reverse("communities:directory"))
    directives = policy(first)
    assert directives["default-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"] and directives["frame-ancestors"] == ["'none'"]
    for name in ("script-src", "style-src"):
        assert "'unsafe-inline'" not in directives[name] and "'unsafe-eval'" not in directives[name]
    assert nonce_of(first) != nonce_of(second)
    assert len(nonce_of(first)) >= 16


@pytest.mark.django_db
def test_community_page_styles_its_accent_with_the_nonce(client):
    community = factories.CommunityFactory(accent_color="#aa3300")
    response = client.get(reverse("communities:home", args=[community.slug]))
    assert response.status_code == 200
    assert_inline_code_carries_the_nonce(response)
    assert "--accent: #aa3300" in response.content.decode()


@pytest.mark.django_db
def test_api_docs_and_admin_still_run_under_the_policy(client):
    staff = factories.UserFactory(is_staff=True, is_superuser=True)
    client.force_login(staff)
    for url in ("/api/docs/", reverse("admin:index"), reverse("admin:accounts_user_change", args=[staff.pk])):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_inline_code_carries_the_nonce(response)


def test_report_only_sends_the_policy_without_enforcing_it(client, settings):
    settings.CSP_REPORT_ONLY = True
    response = client.get(reverse("healthz"))
    assert "Content-Security-Policy" not in response
    assert "script-src 'self' 'nonce-" in response["Content-Security-Policy-Report-Only"]


def test_templates_hold_no_inline_style_attribute_handler_or_bare_script():
    """A style="" or onclick="" attribute cannot carry a nonce; an inline <script> or <style> needs one."""
    problems = []
    for path in (settings.BASE_DIR / "templates").rglob("*.html"):
        text = path.read_text()
        if re.search(r"\sstyle=|\son[a-z]+=|javascript:", text):
            problems.append(f"{path.name}: inline style attribute, event handler or javascript: URL")
        for tag, attributes in INLINE.findall(text):
            if not (tag.lower() == "script" and "src=" in attributes) and "csp_nonce" not in attributes:
                problems.append(f"{path.name}: <{tag}{attributes}> without the nonce")
    assert problems == []
