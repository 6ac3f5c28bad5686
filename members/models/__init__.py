from members.models.applications import Application, ApplicationQuestion
from members.models.audit import AuditLogEntry
from members.models.membership import JoinSource, Membership, RuleAcceptance
from members.models.moderation import ContentHold, ModerationAction, Report
from members.models.onboarding import OnboardingStep
from members.models.policy import MemberPolicy
from members.models.profiles import MemberNote, MemberProfile, MemberSkill, MemberTag, ProfileVisibility
from members.models.recruitment import Invitation, JoinLink
from members.models.relationships import ContactCadence, Touchpoint

__all__ = [
    "Application",
    "ApplicationQuestion",
    "AuditLogEntry",
    "ContactCadence",
    "ContentHold",
    "Invitation",
    "JoinLink",
    "JoinSource",
    "MemberNote",
    "MemberPolicy",
    "MemberProfile",
    "MemberSkill",
    "MemberTag",
    "Membership",
    "ModerationAction",
    "OnboardingStep",
    "ProfileVisibility",
    "Report",
    "RuleAcceptance",
    "Touchpoint",
]
