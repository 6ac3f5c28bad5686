"""In-process figures of the discussion pages on the seeded `gh_bench_content` (docs/content.md, "The
content benchmark"): for each page, its queries, the function calls per request by cProfile (exact: the
mean of 10 warm requests) and the p50 and fastest of 40 requests in ms (noisy on a shared machine).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/gh_bench_content REDIS_URL=redis://127.0.0.1:6379/13 \\
    DEBUG=false .venv/bin/python bench/content_profile.py ["topic list" "API replies" ...]

PROFILE=1 prints the profile too (SORT=cumulative, ROWS=60 to choose).
"""

import cProfile
import os
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")


def main() -> None:
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from accounts.models import User
    from communities.models import Community
    from content.models import Topic

    community = Community.objects.get(slug="bench-1")
    prompt = Topic.objects.get(community=community, is_prompt=True)
    topic = {"community_slug": community.slug, "topic_id": prompt.pk}
    urls = {
        "topic list": reverse("content:space-detail", args=[community.slug, prompt.space.slug]),
        "topic": reverse("content:topic-detail", args=[community.slug, prompt.pk]),
        "API topic list": reverse("api:topic-list", args=[community.slug]) + f"?space={prompt.space.slug}",
        "API replies": reverse("api:reply-list", kwargs=topic) + "?page_size=50",
    }
    client = Client()
    client.force_login(User.objects.get(username="bench-1-1"))
    for name in sys.argv[1:] or list(urls):
        url = urls[name]
        for _ in range(3):
            assert client.get(url, secure=True).status_code == 200
        with CaptureQueriesContext(connection) as captured:
            client.get(url, secure=True)
        queries = len(captured.captured_queries)  # now: the next request empties the connection's log
        profile = cProfile.Profile()
        profile.enable()
        for _ in range(10):
            client.get(url, secure=True)
        profile.disable()
        calls = pstats.Stats(profile).total_calls // 10
        times = []
        for _ in range(40):
            started = time.perf_counter()
            client.get(url, secure=True)
            times.append((time.perf_counter() - started) * 1000)
        times.sort()
        figures = (
            f"queries {queries:2}  calls/request {calls:6}  p50 {times[20]:5.1f} ms  min {times[0]:5.1f} ms"
        )
        print(f"{name:16} {figures}")
        if os.environ.get("PROFILE"):
            stats = pstats.Stats(profile).sort_stats(os.environ.get("SORT", "tottime"))
            stats.print_stats(int(os.environ.get("ROWS", "25")))


if __name__ == "__main__":
    main()
