"""The demo's resource libraries: a dozen resources of every kind per community, ratings and reviews,
a featured list, one broken link flagged (its curators told); idempotent."""

import pytest
from django.core.management import call_command

from communities.models import Notification
from learning.models import FeaturedList, Resource, ResourceKind, ResourceRating

pytestmark = pytest.mark.django_db


def test_demo_resource_libraries():
    call_command("seed_demo")
    for slug in ("python-beginners", "street-photography", "design-critique"):
        resources = Resource.objects.filter(community__slug=slug)
        assert resources.count() == 12
        assert set(resources.values_list("kind", flat=True)) == set(ResourceKind.values)
        assert set(resources.values_list("cost", flat=True)) == {"free", "paid"}
        assert resources.filter(rating_count__gt=0).count() == 12
        assert ResourceRating.objects.filter(community__slug=slug).exclude(review="").exists()
        assert FeaturedList.objects.get(community__slug=slug).items.count() == 3
        assert resources.filter(link_broken_at__isnull=False).count() == 1
    assert Notification.objects.filter(kind="resource.link_broken").exists()
    count = Resource.objects.count()
    call_command("seed_demo")
    assert Resource.objects.count() == count
