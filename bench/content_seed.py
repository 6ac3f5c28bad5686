"""Bulk content for the content benchmark, in one community, in English and Chinese (bench/corpus.py).

Rows are inserted in bulk, not through the services (a hundred thousand service calls would take an
hour), and indexed for search the way content.services.search indexes one object: the kind's own
document (content.services.search_kinds), the same plain text and words, and the same weighted vector,
written in batches. Idempotent: what is already there is counted, not seeded again.
"""

import random
from datetime import timedelta

from django.db import connection
from django.utils import timezone
from psycopg2.extras import execute_values

from bench import corpus
from content.models import Post, PostKind, PostStatus, Reply, SearchEntry, Space, Topic
from content.segmentation import HAN, document_words
from content.services.search import plain_text, registered
from members.models import Membership

BATCH = 2000
VECTOR_SQL = """
    UPDATE content_searchentry AS e
    SET vector = setweight(to_tsvector('simple', v.title_words), 'A')
        || setweight(to_tsvector('simple', v.body_words), 'B')
    FROM (VALUES %s) AS v(id, title_words, body_words)
    WHERE e.community_id = {community} AND e.id = v.id
"""


def authors(community) -> list[Membership]:
    """The community's active members, with their accounts (a document names its author)."""
    return list(Membership.objects.filter(community=community, status="active").select_related("user"))


def seed_posts(community, count: int, rng: random.Random) -> int:
    """Published posts up to `count`, half of them in Chinese, spread over two years; returns how many
    were added."""
    missing = count - Post.objects.filter(community=community).count()
    if missing <= 0:
        return 0
    writers, kinds, now = authors(community), PostKind.values, timezone.now()
    for start in range(0, missing, BATCH):
        posts = []
        for index in range(start, min(missing, start + BATCH)):
            language = "zh" if index % 2 else "en"
            published = now - timedelta(minutes=rng.randint(0, 2 * 365 * 1440))
            posts.append(
                Post(
                    community=community,
                    author=rng.choice(writers),
                    kind=rng.choice(kinds),
                    title=corpus.title(rng, language),
                    body=corpus.body(rng, language, rng.randint(2, 6)),
                    status=PostStatus.PUBLISHED,
                    published_at=published,
                    created_at=published,
                )
            )
        index_objects(community, Post.objects.bulk_create(posts))
    return missing


def index_objects(community, objects: list) -> None:
    """Index freshly inserted objects of one kind as content.services.search.search_index would."""
    if not objects:
        return
    searchable = registered()[type(objects[0])]
    rows, words = [], []
    for obj in objects:
        obj.community = community  # the document builds links from the community's slug
        document = searchable.document(obj)
        if document is None:
            continue
        title = document.title
        text = plain_text(document.body)
        title_words, body_words = document_words(title), document_words(text)
        rows.append(
            SearchEntry(
                community=community,
                kind=searchable.kind,
                object_id=obj.pk,
                title=title,
                body=text,
                words=f"{title_words} {body_words}",
                url=document.url,
                author_name=document.author_name[:200],
                members_only=document.members_only,
                space_id=document.space_id,
                published_at=document.published_at,
            )
        )
        words.append((title_words, body_words))
    entries = SearchEntry.objects.bulk_create(rows)
    with connection.cursor() as cursor:
        execute_values(
            cursor.cursor,
            VECTOR_SQL.format(community=int(community.pk)),
            [(entry.pk, *pair) for entry, pair in zip(entries, words, strict=True)],
        )


SPACES = [
    ("street-talk", "Street talk"),
    ("gear", "Gear talk"),
    ("critique-corner", "Critique corner"),
    ("composition-group", "构图小组"),
    ("editing", "后期交流"),
]
LONG_TOPIC_REPLIES = 50


def seed_topics(community, count: int, rng: random.Random) -> tuple[int, int]:
    """`count` topics in five open spaces, half in Chinese, each with 0-4 replies (some nested, some
    quoting), and one topic of the week with exactly LONG_TOPIC_REPLIES replies; returns the topics and
    replies added."""
    missing = count - Topic.objects.filter(community=community).count()
    if missing <= 0:
        return 0, 0
    spaces = [
        Space.objects.get_or_create(community=community, slug=slug, defaults={"name": name, "position": i})[0]
        for i, (slug, name) in enumerate(SPACES)
    ]
    writers, now, replies_added = authors(community), timezone.now(), 0
    for start in range(0, missing, BATCH):
        topics = []
        for index in range(start, min(missing, start + BATCH)):
            language = "zh" if index % 2 else "en"
            created = now - timedelta(minutes=rng.randint(60, 2 * 365 * 1440))
            long = start == 0 and index == 0
            topics.append(
                Topic(
                    community=community,
                    space=rng.choice(spaces) if not long else spaces[0],
                    author=rng.choice(writers),
                    title=corpus.title(rng, language)
                    if not long
                    else "Topic of the week: one light, three photos",
                    body=corpus.body(rng, language, rng.randint(1, 4)),
                    is_prompt=long,
                    created_at=created,
                    last_activity_at=created,
                )
            )
        topics = Topic.objects.bulk_create(topics)
        replies = []
        for topic in topics:
            language = "zh" if HAN.search(topic.title) else "en"
            wanted = LONG_TOPIC_REPLIES if topic.is_prompt else rng.randint(0, 4)
            for n in range(wanted):
                replies.append(
                    Reply(
                        community=community,
                        topic=topic,
                        author=rng.choice(writers),
                        body=corpus.body(rng, language, rng.randint(1, 2)),
                        created_at=topic.created_at + timedelta(minutes=10 * (n + 1)),
                    )
                )
            topic.reply_count = wanted
            topic.last_activity_at = topic.created_at + timedelta(minutes=10 * wanted)
        replies = Reply.objects.bulk_create(replies)
        Topic.objects.bulk_update(topics, ["reply_count", "last_activity_at"])
        index_objects(community, topics)
        index_objects(community, replies)
        replies_added += len(replies)
    for space in spaces:
        topics = Topic.objects.filter(community=community, space=space)
        space.topic_count = topics.count()
        space.last_activity_at = (
            topics.order_by("-last_activity_at").values_list("last_activity_at", flat=True).first()
        )
        space.save(update_fields=["topic_count", "last_activity_at"])
    return missing, replies_added
