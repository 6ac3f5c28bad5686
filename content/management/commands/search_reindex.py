"""Rebuild the search index from the content: after restoring a backup, or when a kind's document
changes. Idempotent; `--community <slug>` limits it to one community."""

from django.core.management.base import BaseCommand

from communities.models import Community
from content.models import SearchEntry
from content.services.search import registered, search_index


class Command(BaseCommand):
    help = "Rebuild the full-text search index of every community, or of one (--community)."

    def add_arguments(self, parser):
        parser.add_argument("--community", help="the slug of one community")

    def handle(self, *args, community=None, **options):
        communities = Community.objects.order_by("pk")
        if community:
            communities = communities.filter(slug=community)
        for each in communities.iterator():
            SearchEntry.objects.for_community(each).delete()
            indexed = 0
            for model in registered():
                for obj in model.objects.for_community(each).iterator(chunk_size=500):
                    indexed += search_index(obj) is not None
            self.stdout.write(f"{each.slug}: {indexed} entries")
