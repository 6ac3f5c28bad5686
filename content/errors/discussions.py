"""Errors of spaces and discussions."""

from django.utils.translation import gettext_lazy as _

from communities.errors import Conflict, DomainError, Forbidden, NotFound


class SpaceNotFound(NotFound):
    code = "space_not_found"
    message = _("No such space in this community.")


class TopicNotFound(NotFound):
    code = "topic_not_found"
    message = _("No such topic in this community.")


class ReplyNotFound(NotFound):
    code = "reply_not_found"
    message = _("No such reply in this topic.")


class SpaceMemberNotFound(NotFound):
    code = "space_member_not_found"
    message = _("This member is not in the space.")


class SpaceInvalid(DomainError):
    """A field of a space broke a rule; `fields` names it."""

    code = "space_invalid"
    message = _("Check the space's fields.")


class DiscussionInvalid(DomainError):
    """A field of a topic or a reply broke a rule; `fields` names it."""

    code = "discussion_invalid"
    message = _("Check the fields.")


class SpacePostingRestricted(Forbidden):
    code = "space_posting_restricted"
    message = _("Only the operators may start topics in this space.")


class SpaceMembersOnly(Forbidden):
    code = "space_members_only"
    message = _("Only members of this space may post in it.")


class SpaceJoinClosed(Conflict):
    code = "space_join_closed"
    message = _("Members join this space by invitation from the operators.")


class SpaceWithoutMembership(Conflict):
    code = "space_without_membership"
    message = _("This space belongs to the whole community: there is nothing to join.")


class NotSpaceMember(Conflict):
    code = "not_space_member"
    message = _("Not a member of this space.")


class AlreadySpaceMember(Conflict):
    code = "already_space_member"
    message = _("Already a member of this space.")


class TopicLocked(Conflict):
    code = "topic_locked"
    message = _("This topic is locked: no new replies.")


class TopicClosed(Conflict):
    code = "topic_closed"
    message = _("This topic is closed: no new replies.")


class DiscussionReadOnly(Conflict):
    """A timed read-only state (topic, space or community) is running; `until` is in the message."""

    code = "discussion_read_only"
    message = _("Discussions are read-only for now.")


class SlowMode(Conflict):
    code = "slow_mode"
    message = _("Slow mode is on: wait a little before posting again.")


class ReplyOfAnotherTopic(DomainError):
    code = "reply_of_another_topic"
    message = _("Only a reply of this topic can be answered or quoted.")


class SpaceOfAnotherCommunity(DomainError):
    code = "space_of_another_community"
    message = _("Choose a space of this community.")


class NotTheAuthor(DomainError):
    code = "not_the_author"
    message = _("Only the author or a moderator may edit this.")
