"""Seed one benchmark database and describe what to load: `python bench/prepare.py SCALE` (run by run.py).

Runs inside Django with the environment's DATABASE_URL: migrates (and distributes, on a Citus
coordinator), seeds the demo world plus `SCALE`
benchmark communities (`seed_demo --scale`, bulk inserts, idempotent), signs in a plain member of the
busiest community (a session and an API token), checks that every page answers 200 to that member and
counts each page's SQL queries. Prints one JSON object on its last line.
"""

import json
import os
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    scale = int(sys.argv[1])
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    warnings.filterwarnings("ignore", message="No directory at:")

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from accounts.models import User
    from accounts.services import token_create, token_revoke
    from communities.models import Community
    from members.models import Membership

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'citus'")
            on_citus = cursor.fetchone() is not None
        if on_citus:  # a Citus coordinator: distribute the tables (idempotent) before seeding them
            call_command("distribute", verbosity=0)
    call_command("seed_demo", scale=scale, verbosity=0)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:  # fresh bulk inserts have no planner statistics yet
            cursor.execute("ANALYZE")
    seeded_in = time.perf_counter() - started

    busiest = Community.objects.get(slug="bench-1")
    member = User.objects.get(username="bench-1-1")
    client = Client()
    client.force_login(member)
    for old in member.api_tokens.filter(revoked_at__isnull=True):  # earlier runs' tokens
        token_revoke(user=member, token_id=old.pk)
    _, token = token_create(user=member, name="benchmark")
    pages = {
        "directory": (reverse("communities:directory"), "session"),
        "API community list": (reverse("api:community-list"), "token"),
        "member directory": (reverse("members:directory", kwargs={"slug": busiest.slug}), "session"),
        "API member list": (reverse("api:member-list", kwargs={"community_slug": busiest.slug}), "token"),
        "community home": (reverse("communities:home", kwargs={"slug": busiest.slug}), "session"),
    }
    queries = {}
    for name, (url, auth) in pages.items():
        headers = {"authorization": f"Token {token}"} if auth == "token" else {}
        caller = client if auth == "session" else Client()
        for _ in range(2):  # the first request of the day records the visit; count a steady-state one
            caller.get(url, headers=headers)
        with CaptureQueriesContext(connection) as captured:
            status = caller.get(url, headers=headers).status_code
        if status != 200:
            raise SystemExit(f"{name} {url} answered {status} to the benchmark member")
        queries[name] = len(captured)

    cookie = settings.SESSION_COOKIE_NAME
    print(
        json.dumps(
            {
                "communities": Community.objects.count(),
                "accounts": User.objects.count(),
                "memberships": Membership.objects.count(),
                "busiest": busiest.slug,
                "busiest_members": Membership.objects.filter(community=busiest, status="active").count(),
                "seconds": round(seeded_in, 1),
                "cookie": f"{cookie}={client.cookies[cookie].value}",
                "token": token,
                "pages": {name: {"url": url, "auth": auth} for name, (url, auth) in pages.items()},
                "queries": queries,
            }
        )
    )


if __name__ == "__main__":
    main()
