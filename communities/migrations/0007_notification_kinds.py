"""Notifications store a kind and its parameters and render in the reader's language (decision 0019).

The stored sentences become `frozen_title`, and the stored body becomes `note`. Rows whose sentence
can be rebuilt from the row itself are rebuilt: their title is cleared, so it renders from the kind in
each reader's language (the kinds whose title names only the community; the welcome notice, whose name
is the recipient's). The others (a new application, a trust level, a role, a referral) keep their stored
sentence: the parameters it was built from were not stored.
"""

from django.conf import settings
from django.db import migrations, models
from django.utils import translation

# Kinds whose title needs nothing but the community's name.
COMMUNITY_ONLY = [
    "application.approved",
    "application.rejected",
    "moderation.warned",
    "moderation.muted",
    "moderation.unmuted",
    "moderation.banned",
    "moderation.unbanned",
    "moderation.content_removed",
    "moderation.ownership",
    "moderation.removed",
]


def render_at_read_time(apps, schema_editor):
    Notification = apps.get_model("communities", "Notification")
    Notification.objects.filter(kind__in=COMMUNITY_ONLY).update(frozen_title="")
    welcomes = Notification.objects.filter(kind="welcome").select_related("recipient")
    for row in welcomes.iterator(chunk_size=500):
        row.params = {"name": row.recipient.display_name or row.recipient.username}
        row.frozen_title = ""
        row.save(update_fields=["params", "frozen_title"])


def freeze_titles(apps, schema_editor):
    """Backwards: write the rendered title (in the site's default language) into the column again."""
    from communities.notices import render

    Notification = apps.get_model("communities", "Notification")
    with translation.override(settings.LANGUAGE_CODE):
        for row in Notification.objects.filter(frozen_title="").select_related("community").iterator():
            row.frozen_title = render(kind=row.kind, params=row.params, community_name=row.community.name)[0]
            row.save(update_fields=["frozen_title"])


class Migration(migrations.Migration):
    dependencies = [
        ("communities", "0006_tenant_keys"),
    ]

    operations = [
        migrations.RenameField(model_name="notification", old_name="title", new_name="frozen_title"),
        migrations.RenameField(model_name="notification", old_name="body", new_name="note"),
        migrations.AddField(
            model_name="notification",
            name="params",
            field=models.JSONField(blank=True, default=dict, verbose_name="parameters"),
        ),
        migrations.AlterField(
            model_name="notification",
            name="frozen_title",
            field=models.CharField(blank=True, max_length=200, verbose_name="stored title"),
        ),
        migrations.RunPython(render_at_read_time, freeze_titles),
    ]
