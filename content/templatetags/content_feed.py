"""`{% community_feed %}`: the content feed on the community home (content.selectors.feed), rendered once
per content version, kind of viewer and language (communities.fragments)."""

from django import template
from django.template.loader import render_to_string

from communities import fragments
from content.selectors.feed import community_feed, feed_scope
from content.versioning import content_version

register = template.Library()


@register.simple_tag(takes_context=True)
def community_feed_html(context):
    community, membership = context["community"], context.get("membership")

    def render() -> str:
        feed = community_feed(community=community, membership=membership)
        return render_to_string(
            "content/feed/feed.html", {"community": community, "feed": feed}, request=context.get("request")
        )

    version = content_version(community)
    if version is None:
        return render()
    viewer = feed_scope(membership=membership)
    scope = (fragments.release(), community.pk, community.slug, version, viewer, fragments.locale_parts())
    return fragments.memo(f"fragment:{fragments.digest('content-feed', scope)}", render)
