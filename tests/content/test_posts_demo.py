"""The demo's posts: tutorials in both languages, a weekly series of three or more parts with code, a
pinned and a featured post, one member's post awaiting review; idempotent."""

import pytest
from django.core.management import call_command

from content.models import Post, PostStatus, Series

pytestmark = pytest.mark.django_db


def test_demo_posts_and_series():
    call_command("seed_demo")
    for slug in ("street-photography", "python-beginners"):
        posts = Post.objects.filter(community__slug=slug)
        series = Series.objects.get(community__slug=slug)
        assert posts.filter(series=series, status=PostStatus.PUBLISHED).count() >= 3
        assert posts.filter(pinned_at__isnull=False).count() == 1
        assert posts.filter(featured_at__isnull=False).count() == 1
        assert posts.filter(status=PostStatus.PENDING).count() == 1
    python = Post.objects.filter(community__slug="python-beginners")
    assert python.filter(body__contains="```python").count() >= 3
    assert python.filter(title__contains="字符串").exists()  # a tutorial in the other language
    assert Series.objects.filter(community__slug="street-photography", title="每周街拍课").exists()
    count = Post.objects.count()
    call_command("seed_demo")
    assert Post.objects.count() == count
