from communities.models import Community
from members.models import MemberPolicy


def policy_for(*, community: Community) -> MemberPolicy:
    """The community's member policy, created with the defaults on first use."""
    policy, _ = MemberPolicy.objects.get_or_create(community=community)
    return policy
