"""Posts API: writing, publishing, filters, one post with its HTML and series neighbours, reviews, pins
and features, revisions, tags, settings, series and their order, preview and images; bad input is a 400
with fields; lists keep their number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from content.models import Post, PostImage, PostStatus
from content.services import posts as services
from content.services import series as series_services
from tests import factories
from tests.api.helpers import assert_error, png_upload

pytestmark = pytest.mark.django_db


def api(name, community, *args):
    return reverse(f"api:{name}", args=[community.slug, *args])


def test_write_publish_and_read(api_client_for, community, owner, writer):
    tag = services.post_tag_create(actor=owner, community=community, name="Light")
    client = api_client_for(writer)
    created = client.post(
        api("post-list", community),
        {"title": "Histograms", "body": "```python\nx = 1\n```", "kind": "tip", "tags": [tag.pk]},
        format="json",
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["status"] == "draft" and body["tags"] == [{"id": tag.pk, "name": "Light"}]
    assert '<pre class="highlight">' in body["body_html"]
    assert api_client_for().get(api("post-list", community)).json()["count"] == 0
    published = client.post(api("post-publish", community, body["id"]), {}, format="json")
    assert published.json()["status"] == "published"
    listed = api_client_for().get(api("post-list", community), {"kind": "tip", "tag": tag.pk}).json()
    assert [row["id"] for row in listed["results"]] == [body["id"]]
    assert api_client_for().get(api("post-list", community), {"kind": "tutorial"}).json()["count"] == 0
    edited = client.patch(api("post-detail", community, body["id"]), {"body": "New text"}, format="json")
    assert edited.json()["revision_count"] == 2
    revisions = api_client_for().get(api("post-revisions", community, body["id"])).json()["results"]
    assert [row["number"] for row in revisions] == [2, 1]


@pytest.mark.parametrize(
    "payload, code",
    [
        ({"title": "", "body": "x"}, "blank"),
        ({"title": "x", "body": "y" * 100_001}, "max_length"),
        ({"title": "x", "body": "y", "kind": "essay"}, "invalid_choice"),
        ({"title": "x", "body": "y", "status": "published"}, "unknown_field"),
        ({"title": "x", "body": "y", "tags": [10**20]}, "max_value"),
        ({"title": "x", "body": "y", "tags": [999999]}, "invalid"),
        ({"title": "x", "body": "y", "series": 999999}, "invalid"),
        ({"title": "x", "body": "y", "skill_level": "wizard"}, "invalid"),
    ],
)
def test_bad_input_is_a_400(api_client_for, community, writer, payload, code):
    response = api_client_for(writer).post(api("post-list", community), payload, format="json")
    body = assert_error(response, 400, code)
    assert body["fields"]
    assert not Post.objects.exists()


def test_member_post_goes_through_review(api_client_for, community, owner, writer):
    api_client_for(owner).patch(
        api("post-settings", community), {"member_posts_need_review": True}, format="json"
    )
    client = api_client_for(writer)
    post_id = client.post(api("post-list", community), {"title": "T", "body": "B"}, format="json").json()[
        "id"
    ]
    assert (
        client.post(api("post-publish", community, post_id), {}, format="json").json()["status"] == "pending"
    )
    operator = api_client_for(owner)
    queue = operator.get(api("post-review-queue", community)).json()
    assert [row["id"] for row in queue["results"]] == [post_id]
    assert_error(client.get(api("post-review-queue", community)), 403, "permission_denied")
    assert_error(
        operator.post(api("post-review", community, post_id), {"decision": "send_back"}, format="json"),
        400,
        "invalid",
    )
    decided = operator.post(api("post-review", community, post_id), {"decision": "approve"}, format="json")
    assert decided.json()["status"] == "published"
    pinned = operator.post(api("post-pin", community, post_id), {"pinned": True}, format="json").json()
    featured = operator.post(api("post-feature", community, post_id), {}, format="json").json()
    assert pinned["pinned"] and featured["featured"]
    assert_error(
        client.post(api("post-pin", community, post_id), {}, format="json"), 403, "permission_denied"
    )


def test_drafts_are_hidden_and_foreign_ids_are_404(api_client_for, community, owner, writer):
    draft = services.post_create(actor=writer, community=community, title="Draft", body="x")
    assert_error(api_client_for().get(api("post-detail", community, draft.pk)), 404, "post_not_found")
    assert api_client_for(owner).get(api("post-detail", community, draft.pk)).status_code == 200
    mine = api_client_for(writer).get(api("post-mine", community)).json()
    assert [row["id"] for row in mine["results"]] == [draft.pk]
    other = factories.CommunityFactory()
    assert_error(api_client_for(owner).get(api("post-detail", other, draft.pk)), 404, "post_not_found")
    stranger = factories.member(community=community).user
    assert_error(
        api_client_for(stranger).patch(
            api("post-detail", community, draft.pk), {"title": "x"}, format="json"
        ),
        404,
        "post_not_found",
    )


def test_series_crud_order_and_neighbours(api_client_for, community, owner):
    client = api_client_for(owner)
    series = client.post(api("series-list", community), {"title": "Weekly"}, format="json").json()
    ids = []
    for n in (1, 2, 3):
        post = client.post(
            api("post-list", community),
            {"title": f"W{n}", "body": "b", "series": series["id"]},
            format="json",
        ).json()
        client.post(api("post-publish", community, post["id"]), {}, format="json")
        ids.append(post["id"])
    middle = client.get(api("post-detail", community, ids[1])).json()
    assert (middle["previous_id"], middle["next_id"]) == (ids[0], ids[2])
    reordered = client.post(
        api("series-order", community, series["id"]), {"post_ids": ids[::-1]}, format="json"
    )
    assert [row["id"] for row in reordered.json()] == ids[::-1]
    assert_error(
        client.post(api("series-order", community, series["id"]), {"post_ids": ids[:1]}, format="json"),
        400,
        "series_order_invalid",
    )
    posts = api_client_for().get(api("series-posts", community, series["id"])).json()["results"]
    assert [row["id"] for row in posts] == ids[::-1]
    assert api_client_for().get(api("series-detail", community, series["id"])).json()["published_count"] == 3
    assert client.delete(api("series-detail", community, series["id"])).status_code == 204


def test_tags_settings_preview_and_images(api_client_for, community, owner, writer):
    operator = api_client_for(owner)
    tag = operator.post(api("post-tag-list", community), {"name": "Gear"}, format="json").json()
    assert_error(
        operator.post(api("post-tag-list", community), {"name": "gear"}, format="json"),
        409,
        "post_tag_exists",
    )
    assert api_client_for().get(api("post-tag-list", community)).json() == [tag]
    assert operator.delete(api("post-tag-detail", community, tag["id"])).status_code == 204
    preview = api_client_for(writer).post(
        api("post-preview", community), {"body": "<script>x</script>**b**"}, format="json"
    )
    assert preview.json()["html"] == "<p>&lt;script&gt;x&lt;/script&gt;<strong>b</strong></p>\n"
    uploaded = api_client_for(writer).post(
        api("post-image-list", community), {"image": png_upload()}, format="multipart"
    )
    assert uploaded.status_code == 201 and uploaded.json()["markdown"].startswith("![](/files/communities/")
    from django.core.files.uploadedfile import SimpleUploadedFile

    bad = SimpleUploadedFile("x.gif", b"GIF89a-not-really", content_type="image/gif")
    refused = api_client_for(writer).post(
        api("post-image-list", community), {"image": bad}, format="multipart"
    )
    assert refused.status_code == 400 and "image" in refused.json()["fields"]
    assert PostImage.objects.count() == 1


@pytest.mark.parametrize("name", ["post-list", "series-posts", "post-mine"])
def test_list_queries_are_constant(api_client_for, community, owner, name, django_assert_num_queries):
    series = series_services.series_create(actor=owner, community=community, title="S")
    tag = services.post_tag_create(actor=owner, community=community, name="t")
    client = api_client_for(owner)
    args = (series.pk,) if name == "series-posts" else ()

    def add(n):
        for _ in range(n):
            post = services.post_create(
                actor=owner, community=community, title="p", body="b", tags=[tag], series=series
            )
            services.post_publish(actor=owner, community=community, post=post)

    add(2)
    client.get(api(name, community, *args))
    with CaptureQueriesContext(connection) as small:
        assert client.get(api(name, community, *args)).json()["count"] == 2
    add(10)
    with django_assert_num_queries(len(small.captured_queries)):
        assert client.get(api(name, community, *args)).json()["count"] == 12


def test_post_status_values_in_schema_match_the_model():
    assert set(PostStatus.values) == {"draft", "pending", "scheduled", "published", "rejected"}
