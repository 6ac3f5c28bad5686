"""The critique exchange through its services: credits, critiques, helpful marks, the queue."""

from datetime import timedelta

import pytest
from django.utils import timezone

from analytics.models import ActivityEvent
from communities.errors import Forbidden
from communities.models import Notification
from content.errors import critiques as errors
from content.models import CreditAccount, CreditTransaction, Work
from content.selectors.critiques import review_queue
from content.services import critiques as services
from members.errors import MemberMuted
from tests import factories
from tests.content.critique_helpers import give_credits, png, post_work, scores_for, setup

pytestmark = pytest.mark.django_db


def balance(membership) -> int:
    return CreditAccount.objects.get(community=membership.community, membership=membership).balance


def test_posting_a_work_spends_the_request_cost_and_is_recorded():
    community, _owner, author, _critic, _criteria = setup()
    give_credits(author, 3)
    work = services.work_post(
        actor=author.user, community=community, title="Harbour", description="*dawn*", images=[png()]
    )
    assert balance(author) == 1  # default cost 2
    entry = CreditTransaction.objects.get(work=work)
    assert (entry.kind, entry.amount, entry.balance_after) == ("spent", -2, 1)
    assert work.images.count() == 1
    assert work.images.get().image.name.startswith(f"communities/{community.pk}/critiques/")
    assert ActivityEvent.objects.filter(verb="work.posted", target_id=str(work.pk)).exists()


def test_posting_without_enough_credits_is_refused_and_writes_nothing():
    community, _owner, author, _critic, _criteria = setup()
    give_credits(author, 1)
    with pytest.raises(errors.InsufficientCredits):
        services.work_post(actor=author.user, community=community, title="Harbour", links=["https://x.org/a"])
    assert not Work.objects.exists()
    assert balance(author) == 1
    assert not CreditTransaction.objects.exists()


def test_a_work_needs_an_image_or_a_link_and_valid_links():
    community, _owner, author, _critic, _criteria = setup()
    give_credits(author, 10)
    with pytest.raises(errors.WorkEmpty):
        services.work_post(actor=author.user, community=community, title="Nothing")
    with pytest.raises(errors.LinksInvalid):
        services.work_post(actor=author.user, community=community, title="x", links=["javascript:alert(1)"])
    with pytest.raises(errors.LinksInvalid):
        services.work_post(actor=author.user, community=community, title="x", links=["https://a.org"] * 6)


def test_a_critique_earns_the_reward_stores_time_to_first_and_notifies_the_author():
    community, _owner, author, critic, criteria = setup()
    work = post_work(community, author)
    Work.objects.filter(pk=work.pk).update(created_at=timezone.now() - timedelta(hours=5))
    critique = services.critique_give(
        actor=critic.user, community=community, work=work, overall="Strong lines", scores=scores_for(criteria)
    )
    work.refresh_from_db()
    assert work.critique_count == 1
    assert timedelta(hours=4, minutes=59) < work.time_to_first_critique < timedelta(hours=5, minutes=1)
    assert [s.score for s in critique.scores.order_by("criterion__position")] == [4, 4, 4]
    account = CreditAccount.objects.get(membership=critic)
    assert (account.balance, account.critiques_given) == (1, 1)
    notice = Notification.objects.get(recipient=author.user, kind="critique.received")
    assert work.title in notice.title
    assert ActivityEvent.objects.filter(verb="critique.given").count() == 1
    first = work.first_critique_at
    services.critique_give(
        actor=factories.member(community=community).user,
        community=community,
        work=work,
        overall="Second",
        scores=scores_for(criteria, 3),
    )
    work.refresh_from_db()
    assert work.first_critique_at == first and work.critique_count == 2


def test_no_critique_of_ones_own_work_nor_twice():
    community, _owner, author, critic, criteria = setup()
    work = post_work(community, author)
    with pytest.raises(errors.OwnWork):
        services.critique_give(
            actor=author.user, community=community, work=work, overall="Me", scores=scores_for(criteria)
        )
    services.critique_give(
        actor=critic.user, community=community, work=work, overall="Once", scores=scores_for(criteria)
    )
    with pytest.raises(errors.AlreadyCritiqued):
        services.critique_give(
            actor=critic.user, community=community, work=work, overall="Twice", scores=scores_for(criteria)
        )
    assert balance(critic) == 1


@pytest.mark.parametrize(
    "bad",
    [
        lambda c: {},  # nothing scored
        lambda c: {k: v for k, v in scores_for(c).items() if k != c[0].pk},  # one criterion missing
        lambda c: {**scores_for(c), c[0].pk: {"score": 6}},  # out of range
        lambda c: {**scores_for(c), c[0].pk: {"score": True}},
        lambda c: {**scores_for(c), 999999: {"score": 3}},  # not a criterion of the rubric
        lambda c: {"x": {"score": 3}},
    ],
)
def test_scores_must_cover_the_rubric_once_from_1_to_5(bad):
    community, _owner, author, critic, criteria = setup()
    work = post_work(community, author)
    with pytest.raises(errors.ScoresInvalid):
        services.critique_give(
            actor=critic.user, community=community, work=work, overall="x", scores=bad(criteria)
        )
    assert not work.critiques.exists()


def test_a_retired_criterion_is_no_longer_scored():
    community, owner, author, critic, criteria = setup()
    services.criterion_update(
        actor=owner,
        community=community,
        criterion=criteria[2],
        name="Story",
        guidance="",
        position=3,
        active=False,
    )
    work = post_work(community, author)
    services.critique_give(
        actor=critic.user, community=community, work=work, overall="ok", scores=scores_for(criteria[:2])
    )


def test_without_a_rubric_no_critique():
    community = factories.CommunityFactory()
    author, critic = factories.member(community=community), factories.member(community=community)
    work = post_work(community, author)
    with pytest.raises(errors.NoRubric):
        services.critique_give(actor=critic.user, community=community, work=work, overall="x", scores={})


def test_a_muted_member_can_neither_post_nor_critique():
    community, _owner, author, critic, criteria = setup()
    work = post_work(community, author)
    critic.muted_until = timezone.now() + timedelta(days=1)
    critic.save()
    give_credits(critic, 10)
    with pytest.raises(MemberMuted):
        services.critique_give(
            actor=critic.user, community=community, work=work, overall="x", scores=scores_for(criteria)
        )
    with pytest.raises(MemberMuted):
        services.work_post(actor=critic.user, community=community, title="x", links=["https://a.org"])


def test_the_author_marks_a_critique_helpful_once_and_the_critic_gains_reputation():
    community, _owner, author, critic, criteria = setup()
    work = post_work(community, author)
    critique = services.critique_give(
        actor=critic.user, community=community, work=work, overall="Nice", scores=scores_for(criteria)
    )
    with pytest.raises(errors.NotTheAuthor):
        services.critique_mark_helpful(actor=critic.user, community=community, critique=critique)
    services.critique_mark_helpful(actor=author.user, community=community, critique=critique)
    assert CreditAccount.objects.get(membership=critic).helpful_received == 1
    assert Notification.objects.filter(recipient=critic.user, kind="critique.helpful").exists()
    assert ActivityEvent.objects.filter(verb="critique.marked_helpful").exists()
    with pytest.raises(errors.AlreadyHelpful):
        services.critique_mark_helpful(actor=author.user, community=community, critique=critique)
    assert CreditAccount.objects.get(membership=critic).helpful_received == 1


def test_operators_grant_credits_with_a_reason_and_the_member_is_notified():
    community, owner, author, critic, _criteria = setup()
    entry = services.credits_grant(
        actor=owner, community=community, membership=author, amount=5, reason="Welcome"
    )
    assert (entry.kind, entry.balance_after, entry.reason) == ("granted", 5, "Welcome")
    assert Notification.objects.get(recipient=author.user, kind="critique.credits_granted").note == "Welcome"
    for amount in (0, -1, 1001):
        with pytest.raises(errors.GrantInvalid):
            services.credits_grant(
                actor=owner, community=community, membership=author, amount=amount, reason="x"
            )
    with pytest.raises(errors.GrantInvalid):
        services.credits_grant(actor=owner, community=community, membership=author, amount=3, reason=" ")
    with pytest.raises(Forbidden):
        services.credits_grant(
            actor=critic.user, community=community, membership=author, amount=3, reason="me"
        )
    assert balance(author) == 5


def test_the_queue_lists_works_without_critique_oldest_first_without_my_own():
    community, _owner, author, critic, criteria = setup()
    old = post_work(community, author, title="Old")
    new = post_work(community, critic, title="New")
    Work.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=2))
    assert list(review_queue(community=community)) == [old, new]
    assert list(review_queue(community=community, viewer=author)) == [new]
    other = factories.member(community=community)
    services.critique_give(
        actor=other.user, community=community, work=old, overall="x", scores=scores_for(criteria)
    )
    assert list(review_queue(community=community)) == [new]


def test_rubric_and_prices_are_operators_only():
    community, owner, author, critic, _criteria = setup()
    with pytest.raises(Forbidden):
        services.criterion_create(actor=author.user, community=community, name="Colour")
    with pytest.raises(Forbidden):
        services.critique_settings_update(
            actor=author.user, community=community, request_cost=0, critique_reward=9
        )
    prices = services.critique_settings_update(
        actor=owner, community=community, request_cost=0, critique_reward=3
    )
    assert (prices.request_cost, prices.critique_reward) == (0, 3)
    work = services.work_post(actor=critic.user, community=community, title="Free", links=["https://a.org"])
    assert not CreditTransaction.objects.filter(work=work).exists()  # nothing to spend at cost 0
