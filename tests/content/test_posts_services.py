"""Post services: drafts, publishing now and later, the review queue, revisions, pins and features,
series order, tags, limits of the publishing checks, and the moderation registry."""

from datetime import timedelta

import pytest
from django.utils import timezone

from analytics.models import ActivityEvent
from communities.errors import DomainError, Forbidden
from communities.models import Notification
from content.errors import posts as errors
from content.models import Post, PostRevision, PostStatus
from content.selectors import posts as selectors
from content.selectors.series import series_posts
from content.services import posts as services
from content.services import series as series_services
from content.tasks.posts import publish_scheduled_posts
from members import errors as member_errors
from members import reportables
from members.services.trust import THRESHOLD_VERBS
from tests import factories

pytestmark = pytest.mark.django_db


def write(actor, community, **kwargs):
    fields = {"title": "Exposure basics", "body": "Light *matters*.", "kind": "tutorial", **kwargs}
    return services.post_create(actor=actor, community=community, **fields)


def test_draft_is_private_until_published(community, owner, writer):
    post = write(writer, community)
    assert post.status == PostStatus.DRAFT and post.revision_count == 1
    assert not selectors.post_list(community=community).exists()
    with pytest.raises(errors.PostNotFound):
        selectors.post_get(community=community, post_id=post.pk, membership=None)
    owner_membership = owner.memberships.get()
    assert selectors.post_get(community=community, post_id=post.pk, membership=owner_membership) == post
    services.post_publish(actor=writer, community=community, post=post)
    post.refresh_from_db()
    assert post.status == PostStatus.PUBLISHED and post.published_at is not None
    assert list(selectors.post_list(community=community)) == [post]
    verbs = set(ActivityEvent.objects.filter(community=community).values_list("verb", flat=True))
    assert {"post.created", "post.published"} <= verbs
    assert "post.published" in THRESHOLD_VERBS["posts"]


def test_every_edit_keeps_a_revision(community, writer):
    post = write(writer, community)
    services.post_update(actor=writer, community=community, post=post, body="Second version")
    services.post_update(
        actor=writer, community=community, post=post, skill_level="beginner"
    )  # no text change
    revisions = list(PostRevision.objects.filter(post=post).order_by("number"))
    assert [(r.number, r.body) for r in revisions] == [(1, "Light *matters*."), (2, "Second version")]


def test_only_author_and_operators_edit(community, owner, writer):
    post = write(writer, community)
    other = factories.member(community=community).user
    with pytest.raises(errors.PostNotEditable):
        services.post_update(actor=other, community=community, post=post, title="Mine now")
    services.post_update(actor=owner, community=community, post=post, title="Tidied by an operator")


def test_announcements_and_series_are_for_operators(community, owner, writer):
    with pytest.raises(errors.PostAnnouncementForbidden):
        write(writer, community, kind="announcement")
    series = series_services.series_create(actor=owner, community=community, title="Weekly")
    with pytest.raises(DomainError) as caught:
        write(writer, community, series=series)
    assert "series" in caught.value.fields
    assert write(owner, community, kind="announcement", series=series).series_position == 1


def test_scheduled_post_is_published_once_by_the_task(community, owner):
    post = write(owner, community)
    later = timezone.now() + timedelta(hours=2)
    services.post_publish(actor=owner, community=community, post=post, publish_at=later)
    post.refresh_from_db()
    assert post.status == PostStatus.SCHEDULED
    assert publish_scheduled_posts() == 0
    assert services.publish_due_posts(now=later + timedelta(minutes=1)) == 1
    assert services.publish_due_posts(now=later + timedelta(minutes=2)) == 0  # idempotent
    post.refresh_from_db()
    assert post.status == PostStatus.PUBLISHED
    assert ActivityEvent.objects.filter(verb="post.published", target_id=str(post.pk)).count() == 1


def test_review_queue_approve_send_back_reject(community, owner, writer, expert):
    services.post_settings_update(actor=owner, community=community, member_posts_need_review=True)
    post = write(writer, community)
    services.post_publish(actor=writer, community=community, post=post)
    post.refresh_from_db()
    assert post.status == PostStatus.PENDING
    assert selectors.pending_post_count(community=community) == 1
    # Experts publish without review.
    expert_post = write(expert, community)
    assert services.post_publish(actor=expert, community=community, post=expert_post).status == "published"
    with pytest.raises(DomainError) as caught:
        services.post_review(actor=owner, community=community, post=post, decision="send_back")
    assert "comment" in caught.value.fields
    services.post_review(
        actor=owner, community=community, post=post, decision="send_back", comment="Add photos"
    )
    post.refresh_from_db()
    assert post.status == PostStatus.DRAFT and post.review_note == "Add photos"
    services.post_publish(actor=writer, community=community, post=post)
    services.post_review(actor=owner, community=community, post=post, decision="approve")
    post.refresh_from_db()
    assert post.status == PostStatus.PUBLISHED
    kinds = list(Notification.objects.filter(recipient=writer).values_list("kind", flat=True))
    assert sorted(kinds) == ["post.approved", "post.returned"]
    with pytest.raises(errors.PostNotPendingReview):
        services.post_review(actor=owner, community=community, post=post, decision="reject")
    with pytest.raises(Forbidden):
        services.post_review(actor=writer, community=community, post=post, decision="approve")


def test_rejected_post_stays_rejected(community, owner, writer):
    services.post_settings_update(actor=owner, community=community, member_posts_need_review=True)
    post = write(writer, community)
    services.post_publish(actor=writer, community=community, post=post)
    services.post_review(actor=owner, community=community, post=post, decision="reject", comment="Off topic")
    with pytest.raises(errors.PostRejected):
        services.post_publish(actor=writer, community=community, post=post)


def test_pin_and_feature_need_a_published_post(community, owner, writer):
    post = write(writer, community)
    with pytest.raises(errors.PostNotPublished):
        services.post_pin(actor=owner, community=community, post=post)
    services.post_publish(actor=writer, community=community, post=post)
    other = write(owner, community, title="Later")
    services.post_publish(actor=owner, community=community, post=other)
    services.post_pin(actor=owner, community=community, post=post)
    services.post_feature(actor=owner, community=community, post=post)
    assert list(selectors.post_list(community=community)) == [post, other]  # pinned first
    assert list(selectors.post_list(community=community, featured=True)) == [post]
    assert list(selectors.post_feed(community=community)) == [other, post]  # the feed ignores pins
    assert Notification.objects.filter(recipient=writer, kind="post.featured").exists()
    with pytest.raises(Forbidden):
        services.post_pin(actor=writer, community=community, post=post)


def test_filters(community, owner, writer, expert):
    tag = services.post_tag_create(actor=owner, community=community, name="Light")
    tip = write(writer, community, kind="tip", tags=[tag], skill_level="beginner")
    by_expert = write(expert, community)
    for post in (tip, by_expert):
        services.post_publish(actor=post.author.user, community=community, post=post)
    assert list(selectors.post_list(community=community, kind="tip")) == [tip]
    assert list(selectors.post_list(community=community, tag=tag)) == [tip]
    assert list(selectors.post_list(community=community, skill_level="beginner")) == [tip]
    assert list(selectors.post_list(community=community, staff_only=True)) == [by_expert]
    assert list(selectors.post_list(community=community, author_id=tip.author_id)) == [tip]


def test_tags_are_capped_and_checked(community, owner):
    other = factories.CommunityFactory()
    foreign = services.post_tag_create(
        actor=factories.member(community=other, role="owner").user, community=other, name="x"
    )
    with pytest.raises(DomainError):
        write(owner, community, tags=[foreign])
    for n in range(30):
        services.post_tag_create(actor=owner, community=community, name=f"tag {n}")
    with pytest.raises(errors.PostTagLimit):
        services.post_tag_create(actor=owner, community=community, name="one more")
    with pytest.raises(errors.PostTagExists):
        services.post_tag_create(actor=owner, community=community, name="TAG 1")


def test_bad_input_is_refused_with_fields(community, writer):
    for fields, field in (
        ({"title": ""}, "title"),
        ({"title": "x" * 201}, "title"),
        ({"body": "x" * 100_001}, "body"),
        ({"kind": "essay"}, "kind"),
        ({"skill_level": "wizard"}, "skill_level"),
    ):
        with pytest.raises(DomainError) as caught:
            write(writer, community, **fields)
        assert field in caught.value.fields
    assert not Post.objects.exists()


def test_muted_and_newcomer_limits_apply(community):
    newcomer = factories.member(community=community, trust_level=0).user
    with pytest.raises(member_errors.PostLimitExceeded):
        write(newcomer, community, body="[a](https://a.example) [b](https://b.example)")
    muted = factories.member(community=community, muted_until=timezone.now() + timedelta(days=1)).user
    with pytest.raises(member_errors.MemberMuted):
        write(muted, community)


def test_series_order_and_neighbours(community, owner):
    series = series_services.series_create(actor=owner, community=community, title="Weekly")
    parts = [write(owner, community, title=f"Part {n}", series=series) for n in (1, 2, 3)]
    for post in parts:
        services.post_publish(actor=owner, community=community, post=post)
    assert selectors.series_neighbours(community=community, post=parts[1]) == (parts[0], parts[2])
    series_services.series_reorder(
        actor=owner, community=community, series=series, post_ids=[parts[2].pk, parts[0].pk, parts[1].pk]
    )
    assert list(series_posts(community=community, series=series)) == [parts[2], parts[0], parts[1]]
    with pytest.raises(errors.SeriesOrderInvalid):
        series_services.series_reorder(
            actor=owner, community=community, series=series, post_ids=[parts[0].pk]
        )
    series_services.series_delete(actor=owner, community=community, series=series)
    assert Post.objects.filter(series__isnull=True).count() == 3


def test_removed_post_leaves_the_lists(community, owner):
    post = write(owner, community)
    services.post_publish(actor=owner, community=community, post=post)
    reportable = reportables.reportable_for(Post)
    assert reportable is not None and reportable.author(post) == owner.memberships.get()
    reportable.remove(post, owner)
    assert not selectors.post_list(community=community).exists()
    with pytest.raises(errors.PostNotFound):
        selectors.post_get(community=community, post_id=post.pk, membership=None)


def test_review_notice_reaches_the_author_by_email_in_their_language_as_plain_text(
    community, owner, django_capture_on_commit_callbacks, mailoutbox, settings
):
    settings.CELERY_TASK_ALWAYS_EAGER = True  # the email task runs here, with or without a broker
    author = factories.member(community=community, trust_level=3, user__language="zh-hans").user
    services.post_settings_update(actor=owner, community=community, member_posts_need_review=True)
    title = "<script>alert(1)</script>"
    post = write(author, community, title=title)
    services.post_publish(actor=author, community=community, post=post)
    with django_capture_on_commit_callbacks(execute=True):
        services.post_review(
            actor=owner, community=community, post=post, decision="send_back", comment="<img src=x onerror=1>"
        )
    (mail,) = mailoutbox
    assert "被退回修改" in mail.subject and title in mail.subject
    assert not getattr(mail, "alternatives", None)  # plain text only: nothing a mail client would run
    assert "<img src=x onerror=1>" in mail.body
