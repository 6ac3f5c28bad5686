from django.core.management.base import BaseCommand, CommandError

from communities import distribution


class Command(BaseCommand):
    help = (
        "Distribute a migrated database on a Citus coordinator: tenant tables by community_id, all "
        "colocated; every other table as a reference table. Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument("--database", default="default", help="database alias (default: default)")

    def handle(self, *args, database: str, verbosity: int, **options):
        def report(outcome: distribution.TableOutcome) -> None:
            if outcome.kind == distribution.DISTRIBUTED:
                what = f"distributed by {distribution.DISTRIBUTION_COLUMN}"
            else:
                what = "reference table"
            if outcome.done:
                self.stdout.write(f"{outcome.table}: {what}")
            else:
                self.stdout.write(f"{outcome.table}: already {what}")

        try:
            outcomes = distribution.distribute(database)
        except distribution.NotDistributable as error:
            raise CommandError(str(error)) from None
        if verbosity:
            for outcome in outcomes:
                report(outcome)
        groups = distribution.colocation_groups(database)
        if len(groups) != 1:
            raise CommandError(f"The tenant tables are in {len(groups)} colocation groups, expected one.")
        done = [o for o in outcomes if o.done]
        counts = {
            kind: sum(o.kind == kind for o in outcomes)
            for kind in (distribution.REFERENCE, distribution.DISTRIBUTED)
        }
        summary = (
            f"{counts[distribution.DISTRIBUTED]} tenant tables distributed by "
            f"{distribution.DISTRIBUTION_COLUMN} and colocated (group {groups.pop()}), "
            f"{counts[distribution.REFERENCE]} reference tables"
        )
        if not verbosity:
            return
        if done:
            self.stdout.write(self.style.SUCCESS(f"Done: {len(done)} tables changed. {summary}."))
        else:
            self.stdout.write(f"Nothing to do: every table was already in place. {summary}.")
