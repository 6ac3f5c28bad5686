"""Demo spaces and discussions in both languages.

Python Beginners: "Weekly exercise" (everyone posts) with the prompt of the week and its discussion
(nested replies, a quote, a mention, reactions), "Announcements" (operators start topics) and a
members-only study group by invitation. 街头摄影社: the same in Chinese (每周主题, 器材交流, 扫街小组).
Written through the services, so counts, activity and notices are what the site would have made.

Idempotent: a community that already has spaces is left alone.
"""

from datetime import timedelta

from django.utils import timezone

from communities.models import Community
from content.models import Reply, Space, Topic
from content.services import discussions as services
from content.services import spaces as space_services
from members.models import Membership

SPACES = {
    "python-beginners": {
        "operator": "owner",
        "spaces": [
            {
                "name": "Weekly exercise",
                "slug": "weekly-exercise",
                "description": "One small exercise a week. Post your solution, ask, compare.",
                "joining": "open",
                "members": ["member", "grace"],
                "topics": [
                    {
                        "author": "owner",
                        "prompt": True,
                        "title": "Exercise of the week: FizzBuzz without if",
                        "body": (
                            "Print the numbers 1 to 30, but *Fizz* for multiples of 3, *Buzz* for "
                            "multiples of 5 and *FizzBuzz* for both. The twist: **no `if` statement**.\n\n"
                            "Share your version and one thing you learnt writing it."
                        ),
                        "reactions": {"grace": "celebrate", "member": "thumbs_up", "linus": "thumbs_up"},
                        "replies": [
                            {
                                "key": "grace",
                                "author": "grace",
                                "body": (
                                    "A dictionary lookup does it:\n\n```python\nfor n in range(1, 31):\n"
                                    '    print({0: "FizzBuzz", 3: "Fizz", 5: "Buzz", 6: "Fizz", 9: "Fizz",\n'
                                    '           10: "Buzz", 12: "Fizz"}.get(n % 15, n))\n```'
                                ),
                                "reactions": {"member": "insightful", "expert": "heart"},
                            },
                            {
                                "author": "expert",
                                "parent": "grace",
                                "quote": "grace",
                                "body": (
                                    "Nice! @grace, string multiplication is shorter still: "
                                    '`"Fizz" * (n % 3 == 0) + "Buzz" * (n % 5 == 0) or n`.'
                                ),
                            },
                            {
                                "author": "member",
                                "parent": "grace",
                                "body": "I did not know `or` returns the number. Trying it now.",
                            },
                            {
                                "author": "linus",
                                "body": (
                                    "I used `itertools.cycle` for the words: slower to write, fun to read."
                                ),
                                "reactions": {"grace": "laugh"},
                            },
                        ],
                    },
                    {
                        "author": "member",
                        "title": "How long do you spend on the weekly exercise?",
                        "body": "It takes me about an hour. Is that normal?",
                        "replies": [{"author": "grace", "body": "Same here, and that is fine."}],
                    },
                ],
            },
            {
                "name": "Announcements",
                "slug": "announcements",
                "description": "News from the organisers. Everyone may reply.",
                "who_may_post": "operators",
                "topics": [
                    {
                        "author": "owner",
                        "title": "Office hours move to Thursdays",
                        "body": "From next week, office hours are on **Thursdays** at 18:00 London time.",
                        "replies": [{"author": "linus", "body": "Thursdays suit me better, thanks!"}],
                    }
                ],
            },
            {
                "name": "Study group: Automate the Boring Stuff",
                "slug": "study-group",
                "description": "Six of us read one chapter a week. Members only; ask an organiser to join.",
                "joining": "invitation",
                "members_only": True,
                "who_may_post": "members",
                "members": ["member", "grace", "linus"],
                "topics": [
                    {
                        "author": "grace",
                        "title": "Chapter 3: functions",
                        "body": "What surprised you in chapter 3? For me: `None` as the default return.",
                        "replies": [{"author": "member", "body": "That `print()` returns None too!"}],
                    }
                ],
            },
        ],
    },
    "street-photography": {
        "operator": "chen.jing",
        "spaces": [
            {
                "name": "每周主题",
                "slug": "weekly-theme",
                "description": "每周一个拍摄主题,发作品、聊思路、互相点评。",
                "joining": "open",
                "members": ["wang.lei", "liu.yang"],
                "topics": [
                    {
                        "author": "chen.jing",
                        "prompt": True,
                        "title": "本周主题:雨天的城市",
                        "body": (
                            "这周下雨多,正好练习**雨天街拍**:倒影、雨伞、玻璃上的水珠都可以是主角。\n\n"
                            "发一张作品,说说你是怎么处理曝光和对焦的。"
                        ),
                        "reactions": {"wang.lei": "heart", "liu.yang": "thumbs_up", "expert": "celebrate"},
                        "replies": [
                            {
                                "key": "wang",
                                "author": "wang.lei",
                                "body": "我在地铁口拍了一组倒影,用了 1/250 秒,光圈 f/4,感光度 1600。",
                                "reactions": {"liu.yang": "heart", "chen.jing": "insightful"},
                            },
                            {
                                "author": "expert",
                                "parent": "wang",
                                "quote": "wang",
                                "body": (
                                    "@wang.lei 倒影的思路很好。"
                                    "可以试试再低一点的机位,让水面占画面下三分之一。"
                                ),
                            },
                            {
                                "author": "liu.yang",
                                "parent": "wang",
                                "body": "同意,低机位的倒影更有层次。我下次也试试。",
                            },
                            {
                                "author": "liu.yang",
                                "body": "我拍的是撑伞的行人,用了慢门 1/15 秒,雨丝拍出来很有感觉。",
                                "reactions": {"wang.lei": "thumbs_up"},
                            },
                        ],
                    }
                ],
            },
            {
                "name": "器材交流",
                "slug": "gear-talk",
                "description": "镜头、相机和配件的使用心得。器材交易请到每月的交易帖。",
                "topics": [
                    {
                        "author": "liu.yang",
                        "title": "街拍用 35mm 还是 28mm?",
                        "body": "准备入一支定焦,大家街拍更常用哪个焦段?",
                        "replies": [{"author": "wang.lei", "body": "我更喜欢 28mm,可以离人更近。"}],
                    }
                ],
            },
            {
                "name": "扫街小组",
                "slug": "walk-group",
                "description": "每月一次线下扫街的小组讨论,仅小组成员可见。",
                "joining": "invitation",
                "members_only": True,
                "who_may_post": "members",
                "members": ["wang.lei", "liu.yang"],
                "topics": [
                    {
                        "author": "wang.lei",
                        "title": "下次扫街路线:老城区",
                        "body": "下周六上午九点,从鼓楼出发,大家看看时间是否合适?",
                        "replies": [{"author": "liu.yang", "body": "可以,我带一支备用电池。"}],
                    }
                ],
            },
        ],
    },
}
FIELDS = ("name", "slug", "description", "joining", "members_only", "who_may_post")


def _member(community: Community, username: str) -> Membership | None:
    return Membership.objects.filter(community=community, user__username=username, status="active").first()


def seed_discussions() -> int:
    """Open the demo spaces and write their discussions; the number of topics made."""
    made = 0
    for slug, spec in SPACES.items():
        community = Community.objects.filter(slug=slug).first()
        if community is None or Space.objects.for_community(community).exists():
            continue
        operator = _member(community, spec["operator"])
        if operator is None:
            continue
        for position, space_spec in enumerate(spec["spaces"]):
            made += _seed_space(community, operator, position, space_spec)
    return made


def _seed_space(community: Community, operator: Membership, position: int, spec: dict) -> int:
    values = {name: spec[name] for name in FIELDS if name in spec}
    space = space_services.space_create(actor=operator.user, community=community, position=position, **values)
    for username in spec.get("members", []):
        member = _member(community, username)
        if member is not None:
            space_services.space_member_add(
                actor=operator.user, community=community, space=space, membership=member
            )
    made = 0
    for index, topic_spec in enumerate(spec.get("topics", [])):
        made += _seed_topic(community, space, topic_spec, days_ago=2 + index * 3)
    return made


def _seed_topic(community: Community, space: Space, spec: dict, days_ago: int) -> int:
    author = _member(community, spec["author"])
    if author is None:
        return 0
    topic = services.topic_create(
        actor=author.user,
        community=community,
        space=space,
        title=spec["title"],
        body=spec["body"],
        is_prompt=spec.get("prompt", False),
    )
    started = timezone.now() - timedelta(days=days_ago)
    _react(community, topic, None, spec.get("reactions", {}))
    replies = {}
    for number, reply_spec in enumerate(spec.get("replies", []), start=1):
        writer = _member(community, reply_spec["author"])
        if writer is None:
            continue
        parent, quoted = replies.get(reply_spec.get("parent")), replies.get(reply_spec.get("quote"))
        reply = services.reply_create(
            actor=writer.user,
            community=community,
            topic=topic,
            body=reply_spec["body"],
            parent_id=parent.pk if parent else None,
            quoted_id=quoted.pk if quoted else None,
        )
        Reply.objects.filter(pk=reply.pk).update(created_at=started + timedelta(hours=number * 3))
        replies[reply_spec.get("key", f"#{number}")] = reply
        _react(community, topic, reply, reply_spec.get("reactions", {}))
    last = started + timedelta(hours=3 * len(replies))
    Topic.objects.filter(pk=topic.pk).update(created_at=started, last_activity_at=last)
    return 1


def _react(community: Community, topic: Topic, reply: Reply | None, reactions: dict) -> None:
    for username, emoji in reactions.items():
        member = _member(community, username)
        if member is not None:
            services.reaction_toggle(
                actor=member.user, community=community, topic=topic, reply=reply, emoji=emoji
            )
