"""The route of content images (content.views.files), outside c/<slug>/: a stored file's URL is made by
its storage, which knows the community's id, not its address."""

from django.urls import re_path

from content.views.files import community_file

urlpatterns = [
    re_path(
        r"^files/communities/(?P<community_id>[0-9]{1,18})/(?P<folder>posts|critiques|events|entries|projects)/"
        r"(?P<filename>[0-9a-f]{32}\.[a-z0-9]{1,5})$",
        community_file,
        name="community-file",
    ),
]
