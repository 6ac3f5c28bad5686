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


class ApplicationsNotAccepted(Forbidden):
    code = "applications_not_accepted"
    message = _("This community does not take applications.")


class ApplicationPending(Conflict):
    code = "application_pending"
    message = _("You already have an application waiting for a decision.")


class ReapplyTooSoon(Conflict):
    code = "reapply_too_soon"
    message = _("You can apply again after the cool-down.")


class ApplicationAlreadyDecided(Conflict):
    code = "application_already_decided"
    message = _("This application has already been decided.")


class ApplicationNotFound(NotFound):
    code = "application_not_found"
    message = _("No such application in this community.")


class QuestionNotFound(NotFound):
    code = "question_not_found"
    message = _("No such screening question in this community.")


class NoPendingApplication(NotFound):
    code = "no_pending_application"
    message = _("You have no application waiting for a decision.")


class InvalidAnswers(DomainError):
    code = "invalid_answers"
    message = _("Some answers are missing or not valid.")


class QuestionAnswered(Conflict):
    code = "question_answered"
    message = _("This question has answers: retire it instead of deleting it.")


class InvalidQuestion(DomainError):
    code = "invalid_question"
    message = _("The question is not valid.")


class InvalidDecision(DomainError):
    code = "invalid_decision"
    message = _("Choose approve or reject.")


# --- Profiles and onboarding ------------------------------------------------------------------------------


class ProfileInvalid(DomainError):
    """A profile field broke a rule; `fields` names the field (skill_level, skills, links)."""

    code = "profile_invalid"
    message = _("Some profile fields are not valid.")


class MemberNotFound(NotFound):
    """No member with this id in this community, or one the caller may not see."""

    code = "member_not_found"
    message = _("No such member in this community.")


class NoteNotFound(NotFound):
    code = "note_not_found"
    message = _("No such note on this member.")


class TagNotFound(NotFound):
    code = "tag_not_found"
    message = _("No such tag on this member.")


class OnboardingStepNotFound(NotFound):
    code = "onboarding_step_not_found"
    message = _("No such step in this community's checklist.")


class InvalidSkillLevel(ProfileInvalid):
    code = "invalid_skill_level"
    message = _("Choose a skill level from this community's scale.")


class TooManySkills(ProfileInvalid):
    code = "too_many_skills"
    message = _("List at most 20 skills, each at most 60 characters.")


class InvalidLinks(ProfileInvalid):
    code = "invalid_links"
    message = _("Give at most 5 links, each a full http:// or https:// address.")


class IntroductionInvalid(DomainError):
    code = "introduction_invalid"
    message = _("Write an introduction of 1 to 1000 characters.")


class OnboardingVerbTaken(Conflict):
    code = "onboarding_verb_taken"
    message = _("Another step of this checklist already uses this activity.")


# --- Roles and leaving -------------------------------------------------------------------------------------


class TransitionForbidden(Conflict):
    """A membership status change that members.services.transitions.TRANSITIONS does not allow."""

    code = "membership_transition_forbidden"
    message = _("This membership cannot change that way in its current state.")


class SelfPromotion(Forbidden):
    code = "self_promotion"
    message = _("You cannot change your own role.")


class RoleRankForbidden(Forbidden):
    code = "role_rank"
    message = _("Only owners may appoint, demote or remove owners and admins.")


class MemberNotActive(DomainError):
    code = "member_not_active"
    message = _("This person is not an active member of the community.")


class OwnerRemoval(Conflict):
    code = "owner_removal"
    message = _("An owner cannot be removed: transfer ownership or change their role first.")


class SelfAction(Forbidden):
    code = "self_action"
    message = _("You cannot take this action on yourself.")


# --- Moderation --------------------------------------------------------------------------------------------


class ReportNotFound(NotFound):
    code = "report_not_found"
    message = _("No such report in this community.")


class ReportTargetInvalid(DomainError):
    code = "report_target_invalid"
    message = _("There is nothing to report at this address in this community.")


class RuleInvalid(DomainError):
    code = "rule_invalid"
    message = _("Choose one of this community's rules.")


class AlreadyReported(Conflict):
    code = "already_reported"
    message = _("You have already reported this; moderators will review it.")


class SelfReport(DomainError):
    code = "self_report"
    message = _("You cannot report yourself or your own content.")


class MemberMuted(Forbidden):
    code = "member_muted"
    message = _("You are muted in this community and cannot post for now.")


class ModerationRankForbidden(Forbidden):
    code = "moderation_rank"
    message = _("You can only act on members of a lower rank than yours (moderator < admin < owner).")


class AlreadyBanned(Conflict):
    code = "already_banned"
    message = _("This member is already banned.")


class NotBanned(Conflict):
    code = "not_banned"
    message = _("This member is not banned.")


class AlreadyMuted(Conflict):
    code = "already_muted"
    message = _("This member is already muted. Lift the mute first to set another period.")


class NotMuted(Conflict):
    code = "not_muted"
    message = _("This member is not muted.")


class MutePeriodInvalid(DomainError):
    code = "mute_period_invalid"
    message = _("A mute lasts from 1 to 365 days.")


class NotRemovable(DomainError):
    code = "not_removable"
    message = _("This kind of object cannot be removed; act on its author instead.")


class ReportClosed(Conflict):
    code = "report_closed"
    message = _("This report has already been handled.")


class WarningLadderInvalid(DomainError):
    code = "warning_ladder_invalid"
    message = _("The warning ladder needs 1 to 10 steps among warn, mute (1-365 days) and ban.")


class PostLimitExceeded(DomainError):
    code = "post_limit_exceeded"
    message = _("New members may only put a few links and images in one post; take part a little longer.")


class TouchpointInFuture(DomainError):
    code = "touchpoint_in_future"
    message = _("A touchpoint cannot happen in the future.")


class NotARelationship(DomainError):
    code = "not_a_relationship"
    message = _("Only active members can be followed in the relationship log.")


class InvalidRole(DomainError):
    code = "invalid_role"
    message = _("Choose a valid role.")


class ReasonRequired(DomainError):
    code = "reason_required"
    message = _("Give a reason: it is kept in the audit log.")


class InvitationInvalid(NotFound):
    code = "invitation_invalid"
    message = _("This invitation code is not valid for this community.")


class InvitationNotFound(NotFound):
    code = "invitation_not_found"
    message = _("No such invitation in this community.")


class JoinLinkNotFound(NotFound):
    code = "join_link_not_found"
    message = _("No such join link in this community.")


class InvitationExpired(Conflict):
    code = "invitation_expired"
    message = _("This invitation has expired.")


class InvitationRevoked(Conflict):
    code = "invitation_revoked"
    message = _("This invitation has been revoked.")


class InvitationExhausted(Conflict):
    code = "invitation_exhausted"
    message = _("This invitation has been used as many times as it allows.")


class InvitationRoleTooHigh(Forbidden):
    code = "invitation_role_too_high"
    message = _("An invitation cannot grant a role you may not grant yourself.")


class InvitationNotActive(Conflict):
    code = "invitation_not_active"
    message = _("This invitation is already revoked.")


class JoinLinkRetired(Conflict):
    code = "join_link_retired"
    message = _("This join link is already retired.")


class InvalidCaretaker(DomainError):
    code = "invalid_caretaker"
    message = _("The caretaker must be an owner or admin of this community.")


class InvalidCadence(DomainError):
    code = "invalid_cadence"
    message = _("Choose a contact cadence from 1 to 365 days.")


class InvalidTouchpointKind(DomainError):
    code = "invalid_touchpoint_kind"
    message = _("Choose a call, a message, a meeting or other.")
