"""JoinLink.members_count: the memberships that came through a link, stored on the row and backfilled."""

from django.db import migrations, models
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce


def backfill(apps, schema_editor):
    """One UPDATE with a correlated subquery, as members.services.transitions.member_counts_reconcile."""
    JoinLink = apps.get_model("members", "JoinLink")
    Membership = apps.get_model("members", "Membership")
    brought = (
        Membership.objects.filter(join_link=OuterRef("pk"))
        .order_by()
        .values("join_link")
        .annotate(n=Count("pk"))
        .values("n")
    )
    JoinLink.objects.update(members_count=Coalesce(Subquery(brought, output_field=IntegerField()), Value(0)))


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0006_audit_append_only"),
    ]

    operations = [
        migrations.AddField(
            model_name="joinlink",
            name="members_count",
            field=models.PositiveIntegerField(default=0, editable=False),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop, elidable=True),
    ]
