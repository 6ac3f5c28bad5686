from django.db import migrations, models
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Coalesce


def current_numbers(apps, schema_editor):
    """Each community's newest published rules version number (0 when it has none)."""
    Community = apps.get_model("communities", "Community")
    RulesVersion = apps.get_model("communities", "RulesVersion")
    newest = RulesVersion.objects.filter(community=OuterRef("pk")).order_by("-number").values("number")[:1]
    Community.objects.update(rules_version=Coalesce(Subquery(newest), 0))


class Migration(migrations.Migration):
    dependencies = [
        ("communities", "0004_member_count"),
    ]

    operations = [
        migrations.AddField(
            model_name="community",
            name="rules_version",
            field=models.PositiveIntegerField(default=0, editable=False),
        ),
        migrations.RunPython(current_numbers, migrations.RunPython.noop),
    ]
