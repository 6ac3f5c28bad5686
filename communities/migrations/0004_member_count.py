"""Community.member_count: the active member count stored on the row, backfilled here."""

from django.db import migrations, models
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce


def backfill(apps, schema_editor):
    """One UPDATE with a correlated subquery, as communities.counts.member_counts_reconcile does."""
    Community = apps.get_model("communities", "Community")
    Membership = apps.get_model("members", "Membership")
    active = (
        Membership.objects.filter(community=OuterRef("pk"), status="active")
        .order_by()
        .values("community")
        .annotate(n=Count("pk"))
        .values("n")
    )
    Community.objects.update(member_count=Coalesce(Subquery(active, output_field=IntegerField()), Value(0)))


class Migration(migrations.Migration):
    dependencies = [
        ("communities", "0003_integer_bounds"),
        ("members", "0004_integer_bounds"),
    ]

    operations = [
        migrations.AddField(
            model_name="community",
            name="member_count",
            field=models.PositiveIntegerField(default=0, editable=False, verbose_name="members"),
        ),
        migrations.AddIndex(
            model_name="community",
            index=models.Index(fields=["-member_count", "name"], name="community_member_count_idx"),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop, elidable=True),
    ]
