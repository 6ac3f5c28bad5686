"""Every write on the people side, one module per sub-domain; the membership basics are re-exported."""

from members.services.membership import membership_join, membership_leave, rules_accept

__all__ = ["membership_join", "membership_leave", "rules_accept"]
