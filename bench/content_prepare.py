"""Seed the content benchmark's database and describe what to load: `python bench/content_prepare.py ITEMS`
(run by bench/content.py).

Runs inside Django with the environment's DATABASE_URL: migrates (and distributes, on a Citus
coordinator), seeds the benchmark communities (`seed_demo --scale 5`: bench-1 has 100 members), then
ITEMS pieces of content in bench-1 (bench/content_seed.py), signs in a plain member (a session and an
API token), checks that every page answers 200 and counts each page's SQL queries. Prints one JSON object
on its last line, in the shape bench/run.py's `measure` reads.
"""

import json
import os
import random
import statistics
import sys
import time
import warnings
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent

# name -> (query, what it finds): common and rare words in both languages, and two words at once.
SEARCHES = {
    "search en, common": "light",
    "search en, rare": "anamorphic",
    "search zh, common": "构图",
    "search zh, rare": "宝丽来",
    "search en, two words": "portrait shadow",
}


def request_times(client, url: str, headers: dict, times: int = 40) -> dict:
    """p50 and p95 of one request at a time, in-process (no HTTP, no other load): the search's own time."""
    durations = []
    for _ in range(times):
        started = time.perf_counter()
        client.get(url, headers=headers)
        durations.append((time.perf_counter() - started) * 1000)
    cuts = statistics.quantiles(durations, n=100, method="inclusive")
    return {"p50_ms": round(cuts[49], 1), "p95_ms": round(cuts[94], 1)}


def main() -> None:
    items = int(sys.argv[1])
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
    from bench import content_seed
    from communities.models import Community
    from content.models import Post, Reply, SearchEntry, Topic

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'citus'")
        if cursor.fetchone() is not None:
            call_command("distribute", verbosity=0)
    call_command("seed_demo", scale=5, verbosity=0)
    community = Community.objects.get(slug="bench-1")
    rng = random.Random(items)
    added = content_seed.seed_posts(community, items // 2, rng)
    topics_added, replies_added = content_seed.seed_topics(community, items - items // 2, rng)
    added += topics_added + replies_added
    if added:
        with connection.cursor() as cursor:  # fresh bulk inserts have no planner statistics yet
            cursor.execute("ANALYZE")
    seeded_in = time.perf_counter() - started

    member = User.objects.get(username="bench-1-1")
    client = Client()
    client.force_login(member)
    for old in member.api_tokens.filter(revoked_at__isnull=True):
        token_revoke(user=member, token_id=old.pk)
    _, token = token_create(user=member, name="benchmark")
    search = reverse("api:search", kwargs={"community_slug": community.slug})
    pages = {name: (f"{search}?{urlencode({'q': query})}", "token") for name, query in SEARCHES.items()}
    pages["search page zh"] = (
        reverse("content:search", kwargs={"slug": community.slug}) + "?" + urlencode({"q": "构图"}),
        "session",
    )
    prompt = Topic.objects.get(community=community, is_prompt=True)
    space = {"slug": community.slug, "space_slug": prompt.space.slug}
    topic = {"community_slug": community.slug, "topic_id": prompt.pk}
    pages["topic list"] = (reverse("content:space-detail", kwargs=space), "session")
    pages["API topic list"] = (
        reverse("api:topic-list", kwargs={"community_slug": community.slug}) + f"?space={prompt.space.slug}",
        "token",
    )
    pages["topic, 50 replies"] = (
        reverse("content:topic-detail", kwargs={"slug": community.slug, "topic_id": prompt.pk}),
        "session",
    )
    pages["API replies, 50"] = (reverse("api:reply-list", kwargs=topic) + "?page_size=50", "token")
    queries, found, timings = {}, {}, {}
    for name, (url, auth) in pages.items():
        headers = {"authorization": f"Token {token}"} if auth == "token" else {}
        caller = client if auth == "session" else Client()
        for _ in range(2):
            caller.get(url, headers=headers)
        with CaptureQueriesContext(connection) as captured:
            response = caller.get(url, headers=headers)
        if response.status_code != 200:
            raise SystemExit(f"{name} {url} answered {response.status_code} to the benchmark member")
        queries[name] = len(captured)
        if name in SEARCHES:
            found[name] = response.json()["count"]
            timings[name] = request_times(caller, url, headers)

    cookie = settings.SESSION_COOKIE_NAME
    print(
        json.dumps(
            {
                "busiest": community.slug,
                "posts": Post.objects.filter(community=community).count(),
                "topics": Topic.objects.filter(community=community).count(),
                "replies": Reply.objects.filter(community=community).count(),
                "entries": SearchEntry.objects.filter(community=community).count(),
                "added": added,
                "seconds": round(seeded_in, 1),
                "cookie": f"{cookie}={client.cookies[cookie].value}",
                "token": token,
                "pages": {name: {"url": url, "auth": auth} for name, (url, auth) in pages.items()},
                "queries": queries,
                "found": found,
                "timings": timings,
            }
        )
    )


if __name__ == "__main__":
    main()
