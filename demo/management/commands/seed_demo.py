from django.core.management.base import BaseCommand, CommandError
from django.test.utils import override_settings

from demo import seed


class Command(BaseCommand):
    help = (
        "Create the demo accounts and communities (password guildhall-demo). Idempotent. "
        "--scale N also ensures N benchmark communities with N*20 members each."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=int, default=0, help="benchmark communities to add (default 0)")

    def handle(self, *args, scale: int, verbosity: int, **options):
        if scale < 0:
            raise CommandError("--scale must be 0 or more.")
        # The demo's notifications (welcome messages, decisions) go to made-up addresses: keep them in
        # memory instead of sending them through the configured backend.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
            created = seed.seed_world()
        if created:
            report = self.style.SUCCESS(f"Demo communities created: {', '.join(created)}.")
        else:
            report = "The demo world already exists; nothing to do."
        if scale:
            added = seed.seed_scale(scale)
            members = scale * seed.BENCH_MEMBERS_PER_SCALE
            report += self.style.SUCCESS(
                f"\nBenchmark scale {scale}: {scale} communities of {members} members ({len(added)} new)."
            )
        if verbosity:
            self.stdout.write(report)
