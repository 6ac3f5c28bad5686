"""The critique exchange: members post works, others critique them against the community's rubric, and
review credits keep the trade fair (giving earns, asking spends). Decision 0022 describes the ledger."""

import uuid
from pathlib import Path

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from communities.models import TenantModel
from communities.validators import MAX_POSITION, bounded
from content.storage import community_files

MIN_SCORE, MAX_SCORE = 1, 5
MAX_PRICE = 100  # credits: the most a critique may earn or a request cost
MAX_GRANT = 1000  # credits an operator may grant in one entry
MAX_LINKS = 5
MAX_IMAGES = 6


class CritiqueSettings(TenantModel):
    """The community's prices, set by operators; a community without a row uses the defaults."""

    request_cost = models.PositiveSmallIntegerField(
        _("credits to ask for critique"), default=2, validators=bounded(0, MAX_PRICE)
    )
    critique_reward = models.PositiveSmallIntegerField(
        _("credits earned per critique"), default=1, validators=bounded(0, MAX_PRICE)
    )

    class Meta:
        verbose_name = _("critique settings")
        verbose_name_plural = _("critique settings")
        constraints = [models.UniqueConstraint(fields=["community"], name="critiquesettings_unique")]

    def __str__(self):
        return f"{self.request_cost}/{self.critique_reward}"


class RubricCriterion(TenantModel):
    """One criterion of the community's rubric (composition, light, story...), scored 1-5 with a comment.

    Criteria are retired (`active=False`), never deleted: past critiques keep their scores."""

    name = models.CharField(_("name"), max_length=80)
    guidance = models.CharField(_("guidance"), max_length=300, blank=True)
    position = models.PositiveIntegerField(_("position"), default=0, validators=bounded(0, MAX_POSITION))
    active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("rubric criterion")
        verbose_name_plural = _("rubric criteria")
        ordering = ["community", "position", "id"]
        indexes = [models.Index(fields=["community", "active", "position"])]

    def __str__(self):
        return self.name


class CreditAccount(TenantModel):
    """A member's review credits and critic record. The balance changes only in
    content.services.critiques, under `select_for_update`, with one CreditTransaction per change."""

    membership = models.ForeignKey(
        "members.Membership", on_delete=models.CASCADE, related_name="+", verbose_name=_("member")
    )
    balance = models.PositiveIntegerField(_("balance"), default=0, editable=False)
    critiques_given = models.PositiveIntegerField(_("critiques given"), default=0, editable=False)
    # Reputation as a critic: critiques the works' authors marked helpful.
    helpful_received = models.PositiveIntegerField(_("critiques marked helpful"), default=0, editable=False)

    class Meta:
        verbose_name = _("credit account")
        verbose_name_plural = _("credit accounts")
        constraints = [
            models.UniqueConstraint(fields=["community", "membership"], name="creditaccount_unique"),
            models.CheckConstraint(condition=models.Q(balance__gte=0), name="creditaccount_balance_gte_0"),
        ]

    def __str__(self):
        return f"{self.membership_id}: {self.balance}"


def work_image_path(instance, filename: str) -> str:
    """Stored under the community, named by a random token (the uploaded name is not kept)."""
    return f"communities/{instance.community_id}/critiques/{uuid.uuid4().hex}{Path(filename).suffix.lower()}"


class Work(TenantModel):
    """A work a member asks the community to critique: text, images and/or links."""

    author = models.ForeignKey(
        "members.Membership", on_delete=models.CASCADE, related_name="+", verbose_name=_("author")
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description (Markdown)"), max_length=20000, blank=True)
    links = models.JSONField(_("links"), default=list, blank=True)
    # Kept by the services that add critiques (decision: counts a list shows are columns).
    critique_count = models.PositiveIntegerField(_("critiques"), default=0, editable=False)
    first_critique_at = models.DateTimeField(_("first critique"), null=True, blank=True)
    time_to_first_critique = models.DurationField(_("time to first critique"), null=True, blank=True)
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)

    class Meta:
        verbose_name = _("work")
        verbose_name_plural = _("works")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["community", "-created_at"]),
            # The reviewers' queue: works without a critique, oldest first.
            models.Index(fields=["community", "critique_count", "created_at"]),
        ]

    def __str__(self):
        return self.title


class WorkImage(TenantModel):
    work = models.ForeignKey(Work, on_delete=models.CASCADE, related_name="images", verbose_name=_("work"))
    image = models.ImageField(_("image"), upload_to=work_image_path, storage=community_files)
    position = models.PositiveSmallIntegerField(_("position"), default=0, validators=bounded(0, MAX_IMAGES))

    class Meta:
        verbose_name = _("work image")
        verbose_name_plural = _("work images")
        ordering = ["position", "id"]

    def __str__(self):
        return self.image.name


class Critique(TenantModel):
    """One critic's structured critique of one work: a score and comment per criterion, an overall note."""

    work = models.ForeignKey(Work, on_delete=models.CASCADE, related_name="critiques", verbose_name=_("work"))
    critic = models.ForeignKey(
        "members.Membership", on_delete=models.CASCADE, related_name="+", verbose_name=_("critic")
    )
    overall = models.TextField(_("overall note (Markdown)"), max_length=10000)
    helpful = models.BooleanField(_("marked helpful"), default=False)
    marked_helpful_at = models.DateTimeField(_("marked helpful at"), null=True, blank=True)

    class Meta:
        verbose_name = _("critique")
        verbose_name_plural = _("critiques")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["community", "work", "critic"], name="critique_one_per_critic")
        ]
        indexes = [models.Index(fields=["community", "work", "created_at"])]

    def __str__(self):
        return f"{self.work_id} by {self.critic_id}"


class CritiqueScore(TenantModel):
    critique = models.ForeignKey(
        Critique, on_delete=models.CASCADE, related_name="scores", verbose_name=_("critique")
    )
    criterion = models.ForeignKey(
        RubricCriterion, on_delete=models.PROTECT, related_name="+", verbose_name=_("criterion")
    )
    score = models.PositiveSmallIntegerField(_("score"), validators=bounded(MIN_SCORE, MAX_SCORE))
    comment = models.TextField(_("comment"), max_length=4000, blank=True)

    class Meta:
        verbose_name = _("criterion score")
        verbose_name_plural = _("criterion scores")
        constraints = [
            models.UniqueConstraint(
                fields=["community", "critique", "criterion"], name="critiquescore_unique"
            )
        ]

    def __str__(self):
        return f"{self.criterion_id}: {self.score}"


class CreditTransaction(TenantModel):
    """One change of a member's balance; the ledger is append-only (no service edits or deletes a row)."""

    class Kind(models.TextChoices):
        EARNED = "earned", _("Earned by a critique")
        SPENT = "spent", _("Spent asking for critique")
        GRANTED = "granted", _("Granted by an operator")

    account = models.ForeignKey(
        CreditAccount, on_delete=models.CASCADE, related_name="transactions", verbose_name=_("account")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    # Signed: + earned or granted, - spent. Written by the services only.
    amount = models.IntegerField(_("amount"), editable=False)
    balance_after = models.PositiveIntegerField(_("balance after"), editable=False)
    work = models.ForeignKey(
        Work, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("work")
    )
    critique = models.ForeignKey(
        Critique,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("critique"),
    )
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )

    class Meta:
        verbose_name = _("credit transaction")
        verbose_name_plural = _("credit transactions")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["community", "account", "-created_at"])]

    def __str__(self):
        return f"{self.kind} {self.amount:+d}"
