from django.apps import AppConfig
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from PIL import Image

from communities import colocation


class CommunitiesConfig(AppConfig):
    name = "communities"
    verbose_name = _("Communities")

    def ready(self):
        # Pillow refuses to open images past twice this many pixels, wherever they are opened.
        Image.MAX_IMAGE_PIXELS = settings.MAX_IMAGE_PIXELS
        # Joins between tenant tables also join on the community (what Citus needs to run them).
        colocation.same_community_joins()

        from communities import versioning

        versioning.connect()
