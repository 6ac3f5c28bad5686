"""Rows of posts and discussions made through the services, for the security walks (one of each kind
a URL can name)."""

from content.services import discussions as discussion_services
from content.services import posts as post_services
from content.services import series as series_services
from content.services import spaces as space_services
from tests.api.helpers import png_upload


def post_rows(community, owner) -> dict:
    """A tag, a series and a published post in it (with a second revision and an image), by `owner`."""
    tag = post_services.post_tag_create(actor=owner, community=community, name="Light")
    series = series_services.series_create(actor=owner, community=community, title="Weekly")
    post = post_services.post_create(
        actor=owner, community=community, title="Exposure", body="Text", tags=[tag], series=series
    )
    post_services.post_update(actor=owner, community=community, post=post, body="Text, edited")
    post_services.post_publish(actor=owner, community=community, post=post)
    post_services.post_settings_update(actor=owner, community=community, member_posts_need_review=True)
    post_services.post_image_upload(actor=owner, community=community, file=png_upload())
    return {"post": post, "post_tag": tag, "series": series}


def discussion_ids(community, owner, member) -> dict:
    """The URL parameters of an open space that `member` joined, a topic by them and a reply by `owner`."""
    space = space_services.space_create(actor=owner, community=community, name="Gear talk", joining="open")
    space_services.space_join(actor=member, community=community, space=space)
    topic = discussion_services.topic_create(
        actor=member, community=community, space=space, title="Which bag?", body="For two bodies."
    )
    reply = discussion_services.reply_create(actor=owner, community=community, topic=topic, body="A sling.")
    return {"space_slug": space.slug, "topic_id": topic.pk, "reply_id": reply.pk}
