from communities.models import Community
from members.models import MemberPolicy


def policy_for(*, community: Community) -> MemberPolicy:
    """The community's member policy: the stored row, or the defaults unsaved until an operator saves.

    A read never writes: the row is created by the first policy change (`members.services.policy`).
    """
    policy = MemberPolicy.objects.for_community(community).first()
    return policy if policy is not None else MemberPolicy(community=community)
