"""Competitions (events of kind competition): the operators' settings, weighted criteria and judges;
entries (one member or a team) with their images; the judges' scores, the members' votes and the awards
published with the results.

Stored figures (`Entry.member_count`, `vote_count`, `judge_score`, `rank`) are kept by
events.services.competitions: the vote count in the vote's transaction, the score and the rank when the
operators close judging (decision 0028: judging is blind until then, and the published leaderboard is
the one computed at that moment), cleared when they reopen it and recomputed when an entry is withdrawn
after closing (decision 0030).
"""

import uuid
from pathlib import Path

from django.db import models
from django.utils.translation import gettext_lazy as _

from communities.models import TenantModel
from communities.validators import MAX_POSITION, bounded
from content.storage import community_files

SCORE_MIN, SCORE_MAX = 0, 10
WEIGHT_MIN, WEIGHT_MAX = 1, 100
TEAM_SIZE_MAX = 20
ENTRY_IMAGES_MAX = 4
CRITERIA_MAX = 20
JUDGES_MAX = 50
# Entries ranked first, second and third win an award (shown on their members' profiles).
AWARD_PLACES = 3
TITLE_MAX = 200
TEXT_MAX = 10_000
COMMENT_MAX = 2_000
URL_MAX = 500
REASON_MAX = 500


class Competition(TenantModel):
    """A competition's rules; until an operator saves them, events.selectors.competitions returns the
    defaults unsaved (entries close when the event ends, individual entries, no members' vote)."""

    event = models.ForeignKey(
        "events.Event", on_delete=models.CASCADE, related_name="+", verbose_name=_("event")
    )
    entries_close_at = models.DateTimeField(
        _("entries close"), null=True, blank=True, help_text=_("Leave empty: when the event ends.")
    )
    max_team_size = models.PositiveSmallIntegerField(
        _("largest team"),
        default=1,
        validators=bounded(1, TEAM_SIZE_MAX),
        help_text=_("1: individual entries only."),
    )
    members_vote = models.BooleanField(
        _("members' vote"),
        default=False,
        help_text=_("Members may each vote for one entry (never their own) until judging closes."),
    )
    judging_closed_at = models.DateTimeField(_("judging closed"), null=True, blank=True, editable=False)
    results_published_at = models.DateTimeField(_("results published"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("competition")
        verbose_name_plural = _("competitions")
        constraints = [models.UniqueConstraint(fields=["community", "event"], name="competition_unique")]

    def __str__(self):
        return f"competition {self.event_id}"

    def deadline(self, event):
        return self.entries_close_at or event.ends_at

    @property
    def judging_closed(self) -> bool:
        return self.judging_closed_at is not None

    @property
    def results_published(self) -> bool:
        return self.results_published_at is not None


class Criterion(TenantModel):
    """A judging criterion and its weight: an entry's judge score is the weighted average of its scores."""

    event = models.ForeignKey(
        "events.Event", on_delete=models.CASCADE, related_name="+", verbose_name=_("event")
    )
    name = models.CharField(_("name"), max_length=80)
    description = models.CharField(_("what the judges look for"), max_length=300, blank=True)
    weight = models.PositiveSmallIntegerField(
        _("weight"), default=1, validators=bounded(WEIGHT_MIN, WEIGHT_MAX)
    )
    position = models.PositiveIntegerField(_("position"), default=0, validators=bounded(0, MAX_POSITION))

    class Meta:
        verbose_name = _("judging criterion")
        verbose_name_plural = _("judging criteria")
        ordering = ["position", "id"]
        indexes = [models.Index(fields=["community", "event", "position"], name="criterion_event")]

    def __str__(self):
        return self.name


class Judge(TenantModel):
    event = models.ForeignKey(
        "events.Event", on_delete=models.CASCADE, related_name="+", verbose_name=_("event")
    )
    membership = models.ForeignKey(
        "members.Membership", on_delete=models.CASCADE, related_name="+", verbose_name=_("judge")
    )

    class Meta:
        verbose_name = _("judge")
        verbose_name_plural = _("judges")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["community", "event", "membership"], name="judge_unique")
        ]

    def __str__(self):
        return f"{self.membership_id} judges {self.event_id}"


class Entry(TenantModel):
    """A submission: one member's, or a team's (`team_name` set, its members in EntryMember)."""

    event = models.ForeignKey(
        "events.Event", on_delete=models.CASCADE, related_name="+", verbose_name=_("event")
    )
    title = models.CharField(_("title"), max_length=TITLE_MAX)
    description = models.TextField(_("description (Markdown)"), max_length=TEXT_MAX)
    link = models.URLField(_("link"), max_length=URL_MAX, blank=True)
    team_name = models.CharField(_("team name"), max_length=80, blank=True)
    submitted_by = models.ForeignKey(
        "members.Membership", on_delete=models.CASCADE, related_name="+", verbose_name=_("submitted by")
    )
    member_count = models.PositiveSmallIntegerField(_("members"), default=1, editable=False)
    vote_count = models.PositiveIntegerField(_("votes"), default=0, editable=False)
    # Set when judging closes: the weighted average of the judges' scores (null: no score) and the place.
    judge_score = models.DecimalField(
        _("judges' score"), max_digits=6, decimal_places=3, null=True, blank=True, editable=False
    )
    rank = models.PositiveIntegerField(_("place"), null=True, blank=True, editable=False)
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)
    # Withdrawn (decision 0030): by its members before the deadline, or disqualified by the operators
    # (`disqualified`, with a reason) before the results are published. The row stays, for the record.
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True, editable=False)
    disqualified = models.BooleanField(_("disqualified"), default=False, editable=False)
    withdrawal_reason = models.CharField(
        _("reason for the withdrawal"), max_length=REASON_MAX, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("competition entry")
        verbose_name_plural = _("competition entries")
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["community", "event", "created_at"], name="entry_event_created"),
            models.Index(fields=["community", "event", "rank"], name="entry_event_rank"),
        ]

    def __str__(self):
        return self.title

    @property
    def is_team(self) -> bool:
        return bool(self.team_name)

    @property
    def is_withdrawn(self) -> bool:
        return self.withdrawn_at is not None


class EntryMember(TenantModel):
    """A member of an entry (its submitter included): a member is in at most one entry per competition,
    and a judge may not score an entry they are in."""

    event = models.ForeignKey(
        "events.Event", on_delete=models.CASCADE, related_name="+", verbose_name=_("event")
    )
    entry = models.ForeignKey(
        Entry, on_delete=models.CASCADE, related_name="members", verbose_name=_("entry")
    )
    membership = models.ForeignKey(
        "members.Membership", on_delete=models.CASCADE, related_name="+", verbose_name=_("member")
    )

    class Meta:
        verbose_name = _("entry member")
        verbose_name_plural = _("entry members")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["community", "event", "membership"], name="entrymember_unique")
        ]
        indexes = [models.Index(fields=["community", "entry"], name="entrymember_entry")]

    def __str__(self):
        return f"{self.membership_id} in {self.entry_id}"


def entry_image_path(instance, filename: str) -> str:
    """Under the community's media folder, named by a random token (the uploaded name is not kept)."""
    return f"communities/{instance.community_id}/entries/{uuid.uuid4().hex}{Path(filename).suffix.lower()}"


class EntryImage(TenantModel):
    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="images", verbose_name=_("entry"))
    image = models.ImageField(_("image"), upload_to=entry_image_path, storage=community_files)
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, validators=bounded(0, ENTRY_IMAGES_MAX)
    )

    class Meta:
        verbose_name = _("entry image")
        verbose_name_plural = _("entry images")
        ordering = ["position", "id"]

    def __str__(self):
        return self.image.name


class Score(TenantModel):
    """One judge's score of one entry on one criterion. Removing a judge removes their scores."""

    event = models.ForeignKey(
        "events.Event", on_delete=models.CASCADE, related_name="+", verbose_name=_("event")
    )
    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="+", verbose_name=_("entry"))
    judge = models.ForeignKey(Judge, on_delete=models.CASCADE, related_name="+", verbose_name=_("judge"))
    criterion = models.ForeignKey(
        Criterion, on_delete=models.CASCADE, related_name="+", verbose_name=_("criterion")
    )
    value = models.PositiveSmallIntegerField(_("score"), validators=bounded(SCORE_MIN, SCORE_MAX))
    comment = models.TextField(_("comment"), max_length=COMMENT_MAX, blank=True)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["community", "entry", "judge", "criterion"], name="score_unique"),
            models.CheckConstraint(
                condition=models.Q(value__gte=SCORE_MIN) & models.Q(value__lte=SCORE_MAX),
                name="score_in_range",
            ),
        ]
        indexes = [models.Index(fields=["community", "event", "judge"], name="score_event_judge")]

    def __str__(self):
        return f"{self.entry_id}/{self.criterion_id}: {self.value}"


class Vote(TenantModel):
    """A member's one vote in a competition's members' vote."""

    event = models.ForeignKey(
        "events.Event", on_delete=models.CASCADE, related_name="+", verbose_name=_("event")
    )
    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="+", verbose_name=_("entry"))
    voter = models.ForeignKey(
        "members.Membership", on_delete=models.CASCADE, related_name="+", verbose_name=_("voter")
    )

    class Meta:
        verbose_name = _("members' vote")
        verbose_name_plural = _("members' votes")
        constraints = [
            models.UniqueConstraint(fields=["community", "event", "voter"], name="vote_one_per_member")
        ]

    def __str__(self):
        return f"{self.voter_id} → {self.entry_id}"


class Award(TenantModel):
    """A place on a published leaderboard, one row per member of a winning entry (their profile shows it)."""

    event = models.ForeignKey(
        "events.Event", on_delete=models.CASCADE, related_name="+", verbose_name=_("event")
    )
    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="+", verbose_name=_("entry"))
    membership = models.ForeignKey(
        "members.Membership", on_delete=models.CASCADE, related_name="+", verbose_name=_("member")
    )
    rank = models.PositiveSmallIntegerField(_("place"), validators=bounded(1, AWARD_PLACES))

    class Meta:
        verbose_name = _("award")
        verbose_name_plural = _("awards")
        ordering = ["-created_at", "rank", "id"]
        constraints = [
            models.UniqueConstraint(fields=["community", "event", "membership"], name="award_unique")
        ]
        indexes = [models.Index(fields=["community", "membership", "-created_at"], name="award_member")]

    def __str__(self):
        return f"{self.membership_id}: #{self.rank} in {self.event_id}"
