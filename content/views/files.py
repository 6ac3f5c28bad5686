"""The images of a community's content (content/storage.py), served to those who may see the community:
anyone for a public community, its active and pending members for a private one; a 404 for everyone
else, as for the community's pages, so that neither the file nor the community leaks."""

from django.http import FileResponse, Http404
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from communities.models import Community
from communities.tenancy import can_view_community
from content.storage import community_files
from members.selectors.membership import membership_for_user

# Names are random and never reused: a reader may keep a file as long as they like; a private
# community's files only in their own browser.
MAX_AGE = 60 * 60 * 24 * 30


@require_safe
def community_file(request, community_id: int, folder: str, filename: str):
    community = Community.objects.filter(pk=community_id).first()
    if community is None:
        raise Http404
    membership = None
    if request.user.is_authenticated:
        membership = membership_for_user(community=community, user=request.user)
    if not can_view_community(community, membership):
        raise Http404
    storage = community_files()
    name = f"communities/{community.pk}/{folder}/{filename}"
    if not storage.exists(name):
        raise Http404
    response = FileResponse(storage.open(name, "rb"))
    patch_cache_control(
        response, max_age=MAX_AGE, immutable=True, **{"public" if community.is_public else "private": True}
    )
    return response
