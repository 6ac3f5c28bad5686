from django.utils.translation import gettext_lazy as _

from communities.errors import Conflict, DomainError, Forbidden, NotFound


class AlreadyMember(Conflict):
    code = "already_member"
    message = _("You are already a member of this community.")


class NotAMember(NotFound):
    code = "not_a_member"
    message = _("You are not a member of this community.")


class JoinNotOpen(Forbidden):
    code = "join_not_open"
    message = _("This community does not accept direct joins; apply or use an invitation.")


class RulesNotAccepted(DomainError):
    code = "rules_not_accepted"
    message = _("Read and accept the current rules to join.")


class Banned(Forbidden):
    code = "banned"
    message = _("You are banned from this community.")


class LastOwner(Conflict):
    code = "last_owner"
    message = _("A community needs an owner: transfer ownership before you leave.")
