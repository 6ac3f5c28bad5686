"""Demo vetting: screening questions in the communities that take applications, and an application for
each pending membership, so the review queue has real rows to approve (site and Django admin).

Idempotent: questions are added only to a community that has none, and an application only for an
applicant of the demo data who has no membership there yet (applying makes the pending membership).
"""

from accounts.models import User
from communities.models import Community
from communities.roles import MembershipStatus, Role
from communities.selectors import rules_version_current
from demo import data
from members.models import Membership
from members.selectors.applications import question_list
from members.services.applications import application_submit, question_create

# (label, kind, choices, required), in the community's language.
QUESTIONS = {
    "zh-hans": [
        ("你为什么想加入街头摄影社?", "long_text", [], True),
        ("你的摄影水平", "single_choice", ["刚入门", "有一定基础", "资深爱好者"], True),
        ("你常用的器材", "multiple_choice", ["手机", "微单", "单反", "胶片相机"], False),
        ("作品集链接", "url", [], False),
    ],
    "en": [
        ("Why do you want to join?", "long_text", [], True),
        ("Your level", "single_choice", ["Beginner", "Intermediate", "Advanced"], True),
        ("Link to your work", "url", [], False),
    ],
}

# Answers per question position, one set per applicant in turn.
ANSWERS = {
    "zh-hans": [
        [
            "想和同城影友一起扫街,提升构图和叙事能力。",
            "有一定基础",
            ["微单", "手机"],
            "https://example.com/portfolio",
        ],
        ["刚开始用手机拍街头,希望得到点评。", "刚入门", ["手机"], ""],
    ],
    "en": [
        ["I want feedback on my work and to meet people who share the craft.", "Intermediate", ""],
        ["Learning from others.", "Beginner", "https://example.com/me"],
    ],
}


def _applicants(community: Community) -> list[str]:
    """The usernames the demo data lists as pending in `community`."""
    for spec in data.COMMUNITIES:
        if spec["fields"]["slug"] == community.slug:
            return [username for username, _, status in spec["memberships"] if status == "pending"]
    return []


def seed_applications() -> int:
    """Questions and pending applications for the demo's application communities; the number created."""
    created = 0
    for community in Community.objects.filter(join_policy=Community.JoinPolicy.APPLICATION):
        language = community.language if community.language in QUESTIONS else "en"
        owner = (
            Membership.objects.filter(community=community, role=Role.OWNER, status=MembershipStatus.ACTIVE)
            .select_related("user")
            .first()
        )
        if owner is None:
            continue
        if not question_list(community=community, include_retired=True).exists():
            for label, kind, choices, required in QUESTIONS[language]:
                question_create(
                    actor=owner.user,
                    community=community,
                    label=label,
                    kind=kind,
                    choices=choices,
                    required=required,
                )
        questions = list(question_list(community=community))
        version = rules_version_current(community=community)
        applicants = User.objects.filter(username__in=_applicants(community)).exclude(
            memberships__community=community
        )
        for index, applicant in enumerate(applicants.order_by("username")):
            answer_set = ANSWERS[language][index % len(ANSWERS[language])]
            answers = {str(q.pk): answer for q, answer in zip(questions, answer_set, strict=False)}
            application_submit(
                actor=applicant,
                community=community,
                answers=answers,
                accepted_rules_version=version.number if version else None,
            )
            created += 1
    return created
