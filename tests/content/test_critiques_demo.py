"""The demo's critique exchange: rubrics in both languages, works waiting and critiqued, credits;
idempotent."""

import pytest
from django.core.management import call_command

from content.models import CreditAccount, CreditTransaction, Critique, RubricCriterion, Work
from content.selectors.critiques import review_queue

pytestmark = pytest.mark.django_db


def test_demo_critiques_in_both_languages_and_idempotent():
    call_command("seed_demo")
    street = RubricCriterion.objects.filter(community__slug="street-photography")
    assert list(street.values_list("name", flat=True)) == ["构图", "光线", "故事"]
    assert RubricCriterion.objects.filter(community__slug="design-critique", name="Hierarchy").exists()
    works = Work.objects.filter(community__slug="street-photography")
    assert works.count() == 4 and all(work.images.exists() for work in works)
    waiting = list(review_queue(community=works.first().community))
    assert [work.title for work in waiting] == ["Tram stop at dawn", "地铁里的读书人"]  # oldest first
    critiqued = works.get(title="雨夜的菜市场")
    assert critiqued.critique_count == 2 and critiqued.time_to_first_critique is not None
    assert Critique.objects.filter(helpful=True).count() == 3
    expert = CreditAccount.objects.get(
        community__slug="street-photography", membership__user__username="expert"
    )
    assert (expert.balance, expert.helpful_received) == (1, 1)
    before = (Work.objects.count(), CreditTransaction.objects.count())
    call_command("seed_demo")
    assert (Work.objects.count(), CreditTransaction.objects.count()) == before
