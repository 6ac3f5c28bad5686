"""The member directory's stored sort key (decision 0013), filled for existing memberships."""

from django.conf import settings
from django.db import migrations, models

KEY_VISIBILITIES = ("public", "members")  # members.services.directory.KEY_VISIBILITIES at this migration


def fill_sort_names(apps, schema_editor):
    Membership = apps.get_model("members", "Membership")
    MemberProfile = apps.get_model("members", "MemberProfile")
    shown = dict(
        MemberProfile.objects.filter(visibility__in=KEY_VISIBILITIES)
        .exclude(display_name="")
        .values_list("membership_id", "display_name")
    )
    changed = []
    for membership in Membership.objects.select_related("user").iterator(chunk_size=2000):
        user = membership.user
        name = shown.get(membership.pk) or user.display_name or user.username
        membership.sort_name = name.casefold()[:150]
        changed.append(membership)
        if len(changed) >= 2000:
            Membership.objects.bulk_update(changed, ["sort_name"])
            changed = []
    Membership.objects.bulk_update(changed, ["sort_name"])


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0004_integer_bounds"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="membership",
            name="sort_name",
            field=models.CharField(blank=True, editable=False, max_length=150),
        ),
        migrations.RunPython(fill_sort_names, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="membership",
            index=models.Index(
                fields=["community", "status", "sort_name", "id"], name="membership_directory_idx"
            ),
        ),
    ]
