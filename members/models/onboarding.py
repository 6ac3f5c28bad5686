"""Onboarding checklists: each step is done when the member's activity log holds its verb."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from communities.models import TenantModel
from communities.validators import MAX_POSITION, bounded


class OnboardingStep(TenantModel):
    title = models.CharField(_("title"), max_length=120)
    description = models.CharField(_("description"), max_length=300, blank=True)
    verb = models.CharField(
        _("activity that completes it"),
        max_length=64,
        help_text=_("The activity verb that ticks this step, for example profile.updated."),
    )
    position = models.PositiveIntegerField(_("position"), default=0, validators=bounded(0, MAX_POSITION))

    class Meta:
        verbose_name = _("onboarding step")
        verbose_name_plural = _("onboarding steps")
        ordering = ["community", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["community", "verb"], name="onboardingstep_unique_verb")
        ]

    def __str__(self):
        return self.title
