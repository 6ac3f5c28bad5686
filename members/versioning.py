"""The member lists' version: what the member directory and the API member list keep in the cache.

The two lists are kept in the cache per page (communities.fragments, decision 0018) under a key that
holds the community's member-list version. Every write that changes what they show gives the community
a new version, inside the writing transaction and again after its commit (`fragments.bump`):

- saving or deleting a membership, profile, skill, tag or member policy (post_save / post_delete here,
  so services, the admin and later code are covered alike);
- saving an account (its name and username show in every community it belongs to);
- saving the community (its slug is in the rows' links);
- the writes that skip model signals: `members_changed` is called by the services that replace skills
  in bulk, store sort names or trust levels in bulk, reconcile member counts, and by
  `analytics.services.record` for the activity that dates a member's "last active".

What about the *viewer* changes the output is in the key as well: `viewer_scope`.
"""

from django.db.models.signals import post_delete, post_save

from communities import fragments
from members.models import MemberPolicy, MemberProfile, Membership, MemberSkill, MemberTag, ProfileVisibility
from members.selectors.profiles import visible_levels

SCOPE = "members"
# Account fields that no member list shows: saving only these changes no list.
UNSHOWN_ACCOUNT_FIELDS = frozenset({"last_login", "password"})


def members_changed(*, community_ids) -> None:
    """The member lists of these communities changed (or may have): give each a new version."""
    fragments.bump(SCOPE, community_ids)


def members_version(community) -> str:
    return fragments.list_version(SCOPE, community.pk)


def viewer_scope(*, community, viewer: Membership | None, version: str) -> tuple:
    """What about `viewer` changes a member list: the profile visibilities they may read (operators read
    all, and see tags), and, for a member whose own profile is hidden from the others of their kind,
    who they are (a member always sees their own profile). That last answer is itself kept per version."""
    levels = tuple(visible_levels(viewer))
    if viewer is None or ProfileVisibility.OPERATORS in levels:
        return (levels, None)
    key = f"fragments:own-hidden:{community.pk}:{version}:{viewer.pk}"

    def own_profile_hidden() -> bool:
        return (
            MemberProfile.objects.filter(community=community, membership=viewer)
            .exclude(visibility__in=levels)
            .exists()
        )

    hidden = fragments.memo(key, own_profile_hidden)
    return (levels, viewer.pk if hidden else None)


def _community_changed(sender, instance, **kwargs):
    members_changed(community_ids=[instance.community_id])


def _account_changed(sender, instance, update_fields=None, **kwargs):
    if update_fields is not None and set(update_fields) <= UNSHOWN_ACCOUNT_FIELDS:
        return
    members_changed(
        community_ids=Membership.objects.filter(user=instance).values_list("community_id", flat=True)
    )


def _community_saved(sender, instance, **kwargs):
    members_changed(community_ids=[instance.pk])


def connect() -> None:
    """Connect the receivers (MembersConfig.ready)."""
    from django.contrib.auth import get_user_model

    from communities.models import Community

    for model in (Membership, MemberProfile, MemberSkill, MemberTag, MemberPolicy):
        post_save.connect(_community_changed, sender=model, dispatch_uid=f"members-version-{model.__name__}")
        post_delete.connect(
            _community_changed, sender=model, dispatch_uid=f"members-version-del-{model.__name__}"
        )
    post_save.connect(_account_changed, sender=get_user_model(), dispatch_uid="members-version-account")
    post_save.connect(_community_saved, sender=Community, dispatch_uid="members-version-community")
    # A new activity event dates its actor's "last active" (by the model's label: members reach
    # analytics only through analytics.services, and this is no import).
    post_save.connect(
        _community_changed, sender="analytics.ActivityEvent", dispatch_uid="members-version-activity"
    )
