"""factory_boy factories; build what each test needs, nothing more."""

import factory
from django.utils import timezone

from accounts.models import User
from communities.models import Community, Rule, RulesVersion
from communities.roles import MembershipStatus, Role
from members.models import Membership, RuleAcceptance
from members.services.transitions import member_counts_reconcile


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.com")
    password = factory.django.Password("pass-word-123")


class CommunityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Community

    name = factory.Sequence(lambda n: f"Community {n}")
    slug = factory.Sequence(lambda n: f"community-{n}")
    skill_domain = "photography"
    visibility = Community.Visibility.PUBLIC
    join_policy = Community.JoinPolicy.OPEN


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership
        skip_postgeneration_save = True

    community = factory.SubFactory(CommunityFactory)
    user = factory.SubFactory(UserFactory)
    role = Role.MEMBER
    status = MembershipStatus.ACTIVE
    joined_at = factory.LazyFunction(timezone.now)
    sort_name = factory.LazyAttribute(lambda membership: membership.user.name.casefold())
    # A member made now has accepted the rules in force, as joining does (read from the row: the
    # caller's community object may predate a rules change).
    rules_accepted = factory.LazyAttribute(
        lambda membership: (
            Community.objects.filter(pk=membership.community.pk)
            .values_list("rules_version", flat=True)
            .first()
            or 0
        )
    )

    @factory.post_generation
    def stored_count(obj, create, extracted, **kwargs):
        """Rows made here bypass the services: bring the community's stored member count in step."""
        if create:
            member_counts_reconcile(community_ids=[obj.community_id])


class RuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Rule

    community = factory.SubFactory(CommunityFactory)
    category = Rule.Category.CONDUCT
    title = factory.Sequence(lambda n: f"Rule {n}")
    position = factory.Sequence(lambda n: n)


def member(
    community=None, role: str = Role.MEMBER, status: str = MembershipStatus.ACTIVE, **kwargs
) -> Membership:
    """A user with a membership of `role` and `status` in `community` (a new one when None)."""
    community = community or CommunityFactory()
    return MembershipFactory(community=community, role=role, status=status, **kwargs)


class RulesVersionFactory(factory.django.DjangoModelFactory):
    """A snapshot made directly; services publish versions through rule_create/update/delete/reorder."""

    class Meta:
        model = RulesVersion

    community = factory.SubFactory(CommunityFactory)
    number = factory.Sequence(lambda n: n + 1)
    rules = factory.LazyFunction(lambda: [{"category": "conduct", "title": "Be kind", "body": ""}])


class RuleAcceptanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RuleAcceptance

    membership = factory.SubFactory(MembershipFactory)
    community = factory.SelfAttribute("membership.community")
    rules_version = factory.SubFactory(RulesVersionFactory, community=factory.SelfAttribute("..community"))


class ApplicationQuestionFactory(factory.django.DjangoModelFactory):
    """A question made directly; operators make them through members.services.applications."""

    class Meta:
        model = "members.ApplicationQuestion"

    community = factory.SubFactory(CommunityFactory, join_policy="application")
    label = factory.Sequence(lambda n: f"Question {n}")
    kind = "short_text"
    required = True
    position = factory.Sequence(lambda n: n + 1)


class ApplicationFactory(factory.django.DjangoModelFactory):
    """A pending application with its pending membership; applicants apply through application_submit."""

    class Meta:
        model = "members.Application"

    community = factory.SubFactory(CommunityFactory, join_policy="application")
    membership = factory.SubFactory(
        MembershipFactory,
        community=factory.SelfAttribute("..community"),
        status=MembershipStatus.PENDING,
        joined_at=None,
    )
    applicant = factory.SelfAttribute("membership.user")
    answers = factory.LazyFunction(list)


class InvitationFactory(factory.django.DjangoModelFactory):
    """An invitation made directly; operators make them through members.services.recruitment."""

    class Meta:
        model = "members.Invitation"

    community = factory.SubFactory(CommunityFactory)
    code = factory.Sequence(lambda n: f"invite{n:04d}")
    label = factory.Sequence(lambda n: f"Invitation {n}")


class JoinLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "members.JoinLink"

    community = factory.SubFactory(CommunityFactory)
    code = factory.Sequence(lambda n: f"link{n:04d}")
    channel = factory.Sequence(lambda n: f"Channel {n}")
