"""The member directory's stored sort key, `Membership.sort_name`: the name members see, case-folded.

Sorting the directory by a name computed at request time (visible profile name, else account name)
read every member of the community and joined every row to its account before the first page could be
cut. The key is stored instead, indexed with (community, status), so a page costs the same at any
community size. Every write that changes an input of the key keeps it: a new membership starts from the
account's name (`Membership.sort_name` is set where the row is created), `profiles.profile_update`
refreshes the member's row, `accounts.services.profile_update` refreshes every row of the account, and
`members.tasks.refresh_sort_names` (hourly) repairs rows that changed another way (Django admin).
"""

from django.db import transaction
from django.db.models import QuerySet

from members.models import MemberProfile, Membership, ProfileVisibility
from members.versioning import members_changed

# Whoever may open the directory (an active member) reads these profiles: the key uses only them, so
# the order never reveals a name that is hidden from the reader.
KEY_VISIBILITIES = (ProfileVisibility.PUBLIC, ProfileVisibility.MEMBERS)
SORT_NAME_LENGTH = 150


def sort_name_for(*, user, profile: MemberProfile | None) -> str:
    """The key of one membership: its members-visible profile name, else the account's name."""
    shown = profile.display_name if profile is not None and profile.visibility in KEY_VISIBILITIES else ""
    return (shown or user.name).casefold()[:SORT_NAME_LENGTH]


@transaction.atomic
def sort_names_refresh(*, memberships: QuerySet[Membership]) -> int:
    """Recompute the key of `memberships`; return how many rows changed (only those are written)."""
    changed = []
    rows = memberships.select_related("user").prefetch_related("profiles").order_by("pk")
    for membership in rows.iterator(chunk_size=1000):
        key = sort_name_for(user=membership.user, profile=next(iter(membership.profiles.all()), None))
        if membership.sort_name != key:
            membership.sort_name = key
            changed.append(membership)
    Membership.objects.bulk_update(changed, ["sort_name"], batch_size=500)
    members_changed(community_ids={membership.community_id for membership in changed})
    return len(changed)
