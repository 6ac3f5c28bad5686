"""Default onboarding steps stored in the language of the operator who customised them go back to the
source text, so that each reader reads them in their own language again (decision 0019)."""

from django.conf import settings
from django.db import migrations
from django.utils import translation

# The default checklist's texts as they stood when this migration was written.
DEFAULT_TEXTS = [
    "Fill in your profile",
    "Tell the community who you are and what you want to learn.",
    "Read the rules",
    "Open the rules page and read how we work together.",
    "Introduce yourself",
    "Say hello on the welcome page.",
    "Join a first event",
    "Register for one of the community's events.",
]


def store_source_text(apps, schema_editor):
    OnboardingStep = apps.get_model("members", "OnboardingStep")
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            translated = {translation.gettext(text): text for text in DEFAULT_TEXTS}
        for field in ("title", "description"):
            for shown, source in translated.items():
                if shown != source:
                    OnboardingStep.objects.filter(**{field: shown}).update(**{field: source})


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0010_tenant_keys"),
    ]

    operations = [
        migrations.RunPython(store_source_text, migrations.RunPython.noop),
    ]
