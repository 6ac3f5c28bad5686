"""Where the images of a community's content live (post images, works for critique, event covers,
competition entries and project showcases): outside MEDIA_ROOT, which a web server may serve to anyone,
under COMMUNITY_FILES_ROOT, served only by `content.views.files.community_file` to those who may see
the community. A private community's images are as private as its posts; their random names alone are
not the lock. A file's name is `communities/<community id>/<folder>/<random hex>.<ext>`, the folder one
of the URL's (content/urls/files.py)."""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage

URL_PREFIX = "/files/"


class CommunityFileStorage(FileSystemStorage):
    """A FileSystemStorage rooted at settings.COMMUNITY_FILES_ROOT, read when used (so a test's setting
    applies), whose URLs lead to the checking view."""

    def __init__(self):
        super().__init__(base_url=URL_PREFIX)

    @property
    def base_location(self):
        return settings.COMMUNITY_FILES_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)


_storage = CommunityFileStorage()


def community_files() -> CommunityFileStorage:
    """The storage of content images (a callable, so migrations name it rather than freeze a path)."""
    return _storage
