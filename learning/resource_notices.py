"""The resource library's notification, rendered in the reader's language (communities.notices):
to the curators (`manage_learning`), once per run of failures, when a resource's link is flagged broken.
Its group is "resource" (communities.inbox.NOTIFICATION_GROUPS)."""

from django.utils.translation import gettext_lazy as _

from communities.notices import register


def register_resource_kinds() -> None:
    register(
        "resource.link_broken",
        title=_("A link in the resource library of %(community)s is broken: “%(resource)s”"),
        body=_(
            "It failed %(failures)s checks in a row. Fix its address or remove it: the broken links "
            "page lists every flagged resource."
        ),
    )
