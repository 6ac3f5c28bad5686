"""Every non-trivial read on the people side, one module per sub-domain."""

from members.selectors.membership import member_list, membership_for_user

__all__ = ["member_list", "membership_for_user"]
