from django.db import migrations, models
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Coalesce


def accepted_numbers(apps, schema_editor):
    """Each membership's newest accepted rules version number (0 when none), from its acceptances."""
    Membership = apps.get_model("members", "Membership")
    RuleAcceptance = apps.get_model("members", "RuleAcceptance")
    newest = (
        RuleAcceptance.objects.filter(membership=OuterRef("pk"))
        .order_by("-rules_version__number")
        .values("rules_version__number")[:1]
    )
    Membership.objects.update(rules_accepted=Coalesce(Subquery(newest), 0))


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0007_joinlink_members_count"),
        ("communities", "0005_rules_version"),
    ]

    operations = [
        migrations.AddField(
            model_name="membership",
            name="rules_accepted",
            field=models.PositiveIntegerField(default=0, editable=False, verbose_name="rules version accepted"),
        ),
        migrations.RunPython(accepted_numbers, migrations.RunPython.noop),
    ]
