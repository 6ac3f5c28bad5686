"""Every non-trivial read on the people side, one module per sub-domain."""

from members.selectors.membership import membership_for_user

__all__ = ["membership_for_user"]
