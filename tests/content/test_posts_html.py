"""Post pages: writing with the editor's fallback form, publishing, the list's filters, the post page
with series navigation, revisions, the review queue, the editor's preview and image upload, XSS, and
constant query counts on the lists."""

import re

import pytest
from django.urls import reverse

from content.models import Post, PostImage, PostStatus
from content.services import posts as services
from content.services import series as series_services
from tests import factories
from tests.api.helpers import png_upload
from tests.content.pages import url

pytestmark = pytest.mark.django_db

XSS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    '<a href="javascript:alert(1)">x</a>',
    "```html\n<script>alert(1)</script>\n```",
    '```python" onmouseover="alert(1)\nx = 1\n```',
    "![x](javascript:alert(1))",
    '<svg onload="alert(1)">',
]


def published(actor, community, **kwargs):
    post = services.post_create(
        actor=actor, community=community, **{"title": "A tip", "body": "Text", "kind": "tip", **kwargs}
    )
    return services.post_publish(actor=actor, community=community, post=post)


def test_member_writes_and_publishes_without_javascript(client_for, community, writer):
    client = client_for(writer)
    page = client.get(url("post-create", community))
    assert (
        page.status_code == 200 and b"data-post-editor" in page.content and b"post-editor.js" in page.content
    )
    response = client.post(
        url("post-create", community),
        {"title": "Metering", "kind": "tutorial", "body": "```python\nprint('hi')\n```", "action": "publish"},
    )
    post = Post.objects.get()
    assert response.status_code == 302 and response["Location"] == url("post-detail", community, post.pk)
    assert post.status == PostStatus.PUBLISHED
    detail = client_for().get(url("post-detail", community, post.pk)).content.decode()
    assert '<pre class="highlight">' in detail and 'class="nb"' in detail and "pygments.css" in detail


def test_form_errors_keep_the_text(client_for, community, writer):
    response = client_for(writer).post(
        url("post-create", community), {"title": "", "kind": "tip", "body": "kept"}
    )
    assert response.status_code == 200 and b"kept" in response.content and not Post.objects.exists()


def test_series_navigation_previous_and_next(client_for, community, owner):
    series = series_services.series_create(actor=owner, community=community, title="Weekly light")
    parts = [published(owner, community, title=f"Week {n}", series=series) for n in (1, 2, 3)]
    body = client_for().get(url("post-detail", community, parts[1].pk)).content.decode()
    assert 'rel="prev"' in body and "Week 1" in body and 'rel="next"' in body and "Week 3" in body
    listing = client_for().get(url("series-detail", community, series.pk)).content.decode()
    assert listing.index("Week 1") < listing.index("Week 2") < listing.index("Week 3")


def test_draft_is_seen_by_author_and_operators_only(client_for, community, owner, writer):
    draft = services.post_create(actor=writer, community=community, title="Secret draft", body="x")
    assert client_for(writer).get(url("post-detail", community, draft.pk)).status_code == 200
    assert client_for(owner).get(url("post-detail", community, draft.pk)).status_code == 200
    other = factories.member(community=community).user
    assert client_for(other).get(url("post-detail", community, draft.pk)).status_code == 404
    assert client_for().get(url("post-detail", community, draft.pk)).status_code == 404


def test_review_queue_and_manage_count(client_for, community, owner, writer):
    services.post_settings_update(actor=owner, community=community, member_posts_need_review=True)
    post = services.post_create(actor=writer, community=community, title="Please review", body="x")
    client_for(writer).post(url("post-publish", community, post.pk))
    client = client_for(owner)
    assert "Please review" in client.get(url("post-review-queue", community)).content.decode()
    manage = client.get(reverse("members:manage", args=[community.slug])).content.decode()
    assert "Posts to review" in manage and "1 waiting" in manage
    response = client.post(url("post-review", community, post.pk), {"decision": "send_back", "comment": ""})
    assert response.status_code == 200 and Post.objects.get().status == PostStatus.PENDING
    client.post(url("post-review", community, post.pk), {"decision": "approve", "comment": ""})
    assert Post.objects.get().status == PostStatus.PUBLISHED


def test_revisions_page_lists_versions(client_for, community, writer):
    post = published(writer, community, body="First words")
    services.post_update(actor=writer, community=community, post=post, body="Second words")
    body = client_for().get(url("post-revisions", community, post.pk)).content.decode()
    assert "First words" in body and "Second words" in body


def test_preview_renders_sanitised_markdown(client_for, community, writer):
    response = client_for(writer).post(
        url("post-preview", community), {"body": "**bold** <script>x</script>"}
    )
    assert response.status_code == 200
    assert b"<strong>bold</strong>" in response.content and b"<script>" not in response.content


def test_image_upload_checks_resizes_and_stores_under_the_community(client_for, community, writer):
    client = client_for(writer)
    response = client.post(
        url("post-image-upload", community), {"image": png_upload("big.png", (2400, 1200))}
    )
    assert response.status_code == 201, response.content
    image = PostImage.objects.get()
    assert (
        image.image.name.startswith(f"communities/{community.pk}/posts/")
        and max(image.width, image.height) == 1600
    )
    assert response.json()["markdown"] == f"![]({image.image.url})"
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("x.png", b"<?php echo 1; ?>", content_type="image/png")
    refused = client.post(url("post-image-upload", community), {"image": fake})
    assert refused.status_code == 400 and PostImage.objects.count() == 1
    assert client_for().post(url("post-image-upload", community), {"image": png_upload()}).status_code == 302


@pytest.mark.parametrize("payload", XSS)
def test_xss_in_markdown_is_inert(client_for, community, owner, payload):
    post = published(owner, community, title=payload, body=payload)
    for page in (
        url("post-detail", community, post.pk),
        url("post-list", community),
        url("post-revisions", community, post.pk),
    ):
        assert_inert(client_for().get(page).content.decode())


def assert_inert(body: str) -> None:
    """No tag the payloads could have made: a script, an svg, an event handler or a javascript: link."""
    assert "<script>alert" not in body and "<svg" not in body
    assert not re.search(r"<[a-z][^>]*\son[a-z]+\s*=", body)
    assert not re.search(r"<(a|img)[^>]*(href|src)=\"javascript:", body)


@pytest.mark.parametrize("page", ["post-list", "series-detail", "post-review-queue"])
def test_list_queries_do_not_grow(client_for, community, owner, django_assert_num_queries, page):
    series = series_services.series_create(actor=owner, community=community, title="S")
    tag = services.post_tag_create(actor=owner, community=community, name="t")
    services.post_settings_update(actor=owner, community=community, member_posts_need_review=True)
    client = client_for(owner)
    args = (series.pk,) if page == "series-detail" else ()

    def add(n):
        for _ in range(n):
            author = factories.member(community=community, trust_level=3).user
            post = services.post_create(actor=author, community=community, title="p", body="b", tags=[tag])
            if page == "series-detail":
                services.post_update(actor=owner, community=community, post=post, series=series)
            services.post_publish(actor=author, community=community, post=post)
            if page != "post-review-queue":
                services.post_review(actor=owner, community=community, post=post, decision="approve")

    add(2)
    client.get(url(page, community, *args))
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        client.get(url(page, community, *args))
    add(8)
    with django_assert_num_queries(len(small.captured_queries)):
        client.get(url(page, community, *args))
