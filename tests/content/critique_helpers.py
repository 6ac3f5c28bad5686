"""Shared set-up of the critique tests: a community with a rubric, members with credits, images."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from content.models import CreditAccount
from content.services import critiques as services
from tests import factories


def png(name: str = "work.png", size: tuple[int, int] = (16, 12)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, "#336699").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def rubric(community, owner, names=("Composition", "Light", "Story")):
    return [services.criterion_create(actor=owner, community=community, name=name) for name in names]


def give_credits(membership, amount: int) -> None:
    """Credits set directly (tests of other rules than earning them)."""
    CreditAccount.objects.update_or_create(
        community=membership.community, membership=membership, defaults={"balance": amount}
    )


def scores_for(criteria, score: int = 4) -> dict:
    return {c.pk: {"score": score, "comment": f"About {c.name}"} for c in criteria}


def post_work(community, membership, title="Morning market", **kwargs):
    give_credits(membership, 10)
    kwargs.setdefault("links", ["https://example.com/photo"])
    return services.work_post(actor=membership.user, community=community, title=title, **kwargs)


def setup(community=None):
    """(community, owner, author, critic, criteria)"""
    community = community or factories.CommunityFactory()
    owner = factories.member(community=community, role="owner").user
    author = factories.member(community=community)
    critic = factories.member(community=community)
    return community, owner, author, critic, rubric(community, owner)
