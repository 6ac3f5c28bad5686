"""HTML forms of the welcome page and of the onboarding checklist settings."""

from django import forms
from django.utils.translation import gettext_lazy as _

from members.models import OnboardingStep
from members.services.onboarding import INTRODUCTION_MAX_LENGTH


class IntroductionForm(forms.Form):
    text = forms.CharField(
        label=_("Introduce yourself"),
        max_length=INTRODUCTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Who you are, what you practise and what brings you here."),
    )


class RulesAcceptForm(forms.Form):
    """The version the member read and accepts (a hidden field of the banner's form)."""

    accepted_rules_version = forms.IntegerField(min_value=1, max_value=2**31 - 1, widget=forms.HiddenInput)


class OnboardingStepForm(forms.ModelForm):
    class Meta:
        model = OnboardingStep
        fields = ["title", "description", "verb", "position"]
