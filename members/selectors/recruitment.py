"""Recruitment reads: invitations, join links and where members come from (all SQL aggregates)."""

from datetime import datetime, timedelta
from io import BytesIO

import qrcode
from django.db.models import Count, Prefetch, Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from communities.errors import DomainError
from communities.models import Community
from members import errors
from members.models import Invitation, JoinLink, Membership


def site_url(request, path: str) -> str:
    """An absolute URL for links shared outside the site and QR codes, on the address (scheme and host) the
    request came to, so that whoever reached the site by one address gets links to that address."""
    return request.build_absolute_uri(path)


def join_link_url(request, community: Community, link: JoinLink) -> str:
    return site_url(request, reverse("members:join-link", args=[community.slug, link.code]))


def qr_png(url: str) -> bytes:
    """A QR code of `url` as PNG bytes."""
    buffer = BytesIO()
    qrcode.make(url, box_size=8, border=2).save(buffer)
    return buffer.getvalue()


def invitation_status(invitation: Invitation, now: datetime | None = None) -> str:
    """One of active, revoked, expired, exhausted (first that applies, in that order of precedence)."""
    now = now or timezone.now()
    if invitation.revoked_at is not None:
        return "revoked"
    if invitation.expires_at is not None and invitation.expires_at <= now:
        return "expired"
    if invitation.max_uses is not None and invitation.uses_count >= invitation.max_uses:
        return "exhausted"
    return "active"


INVITATION_PROBLEMS = {
    "revoked": errors.InvitationRevoked,
    "expired": errors.InvitationExpired,
    "exhausted": errors.InvitationExhausted,
}


def invitation_problem(invitation: Invitation) -> DomainError | None:
    """Why `invitation` cannot be used now, as the error that accepting it raises; None when it can."""
    problem = INVITATION_PROBLEMS.get(invitation_status(invitation))
    return problem() if problem is not None else None


def invitation_list(*, community: Community) -> QuerySet[Invitation]:
    """Every invitation of the community, newest first, with its creator."""
    return (
        Invitation.objects.for_community(community)
        .select_related("created_by")
        .order_by("-created_at", "-id")
    )


def invitation_get(*, community: Community, invitation_id: int) -> Invitation:
    invitation = invitation_list(community=community).filter(pk=invitation_id).first()
    if invitation is None:
        raise errors.InvitationNotFound()
    return invitation


def invitation_get_by_code(*, community: Community, code: str) -> Invitation:
    """The invitation a code names in this community (another community's code is invalid here)."""
    invitation = Invitation.objects.for_community(community).filter(code=code).first()
    if invitation is None:
        raise errors.InvitationInvalid(fields={"code": [errors.InvitationInvalid.message]})
    return invitation


def invitation_uses(*, community: Community, invitation: Invitation) -> QuerySet[Membership]:
    """The members who joined through `invitation`, newest first."""
    return (
        Membership.objects.for_community(community)
        .filter(invitation=invitation)
        .select_related("user")
        .order_by("-joined_at", "-id")
    )


def join_link_list(*, community: Community, include_retired: bool = True) -> QuerySet[JoinLink]:
    """Join links with the number of members who came through each (stored), active ones first."""
    links = (
        JoinLink.objects.for_community(community)
        .select_related("created_by")
        .order_by("retired_at", "channel", "id")
    )
    return links if include_retired else links.filter(retired_at=None)


def join_link_get(*, community: Community, join_link_id: int) -> JoinLink:
    """Any join link of the community by id, retired ones included, with its members count."""
    link = join_link_list(community=community).filter(pk=join_link_id).first()
    if link is None:
        raise errors.JoinLinkNotFound()
    return link


def join_link_get_active(*, community: Community, code: str) -> JoinLink:
    """The active join link a code names (a retired link no longer tags anyone)."""
    link = JoinLink.objects.for_community(community).filter(code=code, retired_at=None).first()
    if link is None:
        raise errors.JoinLinkNotFound()
    return link


def _joined(community: Community, since: datetime | None) -> QuerySet[Membership]:
    qs = Membership.objects.for_community(community).exclude(joined_at=None)
    return qs.filter(joined_at__gte=since) if since is not None else qs


def growth_report(*, community: Community, since: datetime | None, top: int = 10) -> dict:
    """Joins since `since` (all time when None): by source and tag, by invitation, by join link, and the
    top referrers with the members they brought. A fixed number of queries whatever the sizes."""
    period = (
        Q(memberships__joined_at__gte=since) if since is not None else Q(memberships__joined_at__isnull=False)
    )
    joined = _joined(community, since)
    by_source = list(
        joined.values("source", "source_tag")
        .annotate(count=Count("id"))
        .order_by("-count", "source", "source_tag")
    )
    by_invitation = list(
        Invitation.objects.for_community(community)
        .annotate(joined_count=Count("memberships", filter=period))
        .filter(joined_count__gt=0)
        .order_by("-joined_count", "id")
    )
    by_join_link = list(
        JoinLink.objects.for_community(community)
        .annotate(joined_count=Count("memberships", filter=period))
        .filter(joined_count__gt=0)
        .order_by("-joined_count", "id")
    )
    referral_period = (
        Q(referrals__joined_at__gte=since) if since is not None else Q(referrals__joined_at__isnull=False)
    )
    referrers = list(
        Membership.objects.for_community(community)
        .annotate(brought_count=Count("referrals", filter=referral_period))
        .filter(brought_count__gt=0)
        .select_related("user")
        .prefetch_related(
            Prefetch(
                "referrals",
                queryset=_joined(community, since).select_related("user").order_by("-joined_at", "-id"),
                to_attr="brought",
            )
        )
        .order_by("-brought_count", "id")[:top]
    )
    return {
        "total": joined.count(),
        "by_source": by_source,
        "by_invitation": by_invitation,
        "by_join_link": by_join_link,
        "referrers": referrers,
    }


def growth_report_for_days(*, community: Community, days: int | None) -> dict:
    """The growth page's and the growth endpoint's report: `growth_report` over the last `days` days
    (all time when None), with `days` in it."""
    since = timezone.now() - timedelta(days=days) if days is not None else None
    return {"days": days, **growth_report(community=community, since=since)}


def referral_url(request, *, community: Community, membership: Membership) -> str | None:
    """The member's personal join link (the join page with ?ref=), None until their code is made."""
    if not membership.referral_code:
        return None
    join = site_url(request, reverse("members:join", args=[community.slug]))
    return f"{join}?ref={membership.referral_code}"
