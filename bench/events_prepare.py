"""Prepare the events benchmark: `python bench/events_prepare.py MEMBERS PLACES` (run by bench/events.py).

Runs inside Django with the environment's DATABASE_URL: migrates (and distributes, on a Citus
coordinator), ensures the community `bench-events` with MEMBERS active members, each with an API token
(made once, kept in a table of the benchmark's own: the tokens' keys are only shown when made), then
creates a fresh event with PLACES places and its waitlist on. Prints one JSON object on its last line:
the registration URL of every member (with their token) and the event's URL for the final counts.
"""

import json
import os
import sys
import warnings
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SLUG = "bench-events"


def main() -> None:
    members, places = int(sys.argv[1]), int(sys.argv[2])
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    warnings.filterwarnings("ignore", message="No directory at:")

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import override_settings
    from django.urls import reverse
    from django.utils import timezone

    from accounts.models import User
    from accounts.services import token_create
    from communities.models import Community
    from communities.roles import MembershipStatus
    from communities.services import community_create
    from events.services.events import event_create
    from members.models import Membership

    call_command("migrate", verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'citus'")
        if cursor.fetchone() is not None:
            call_command("distribute", verbosity=0)
        cursor.execute(
            "CREATE TABLE IF NOT EXISTS bench_event_tokens (username text PRIMARY KEY, token text)"
        )
    owner, _ = User.objects.get_or_create(username="bench-events-owner")
    community = Community.objects.filter(slug=SLUG).first()
    if community is None:
        with override_settings(COMMUNITY_CREATION_STAFF_ONLY=False):
            community = community_create(
                actor=owner, slug=SLUG, name="Events benchmark", skill_domain="other"
            )
    with connection.cursor() as cursor:
        cursor.execute("SELECT username, token FROM bench_event_tokens")
        tokens = dict(cursor.fetchall())
    usernames = [f"bench-events-{n}" for n in range(1, members + 1)]
    for username in usernames:
        if username in tokens:
            continue
        user, _ = User.objects.get_or_create(username=username)
        Membership.objects.get_or_create(
            community=community,
            user=user,
            defaults={"status": MembershipStatus.ACTIVE, "sort_name": username, "joined_at": timezone.now()},
        )
        _token, key = token_create(user=user, name="bench")
        tokens[username] = key
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO bench_event_tokens VALUES (%s, %s)", [username, key])
    starts = timezone.now() + timedelta(days=7)
    event = event_create(
        actor=owner,
        community=community,
        title=f"Storm {timezone.now():%H:%M:%S}",
        capacity=places,
        waitlist_enabled=True,
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
    )
    kwargs = {"community_slug": SLUG, "event_id": event.pk}
    print(
        json.dumps(
            {
                "event_id": event.pk,
                "register": reverse("api:event-registration", kwargs=kwargs),
                "tokens": [tokens[username] for username in usernames],
            }
        )
    )


if __name__ == "__main__":
    main()
