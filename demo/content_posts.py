# ruff: noqa: RUF001 -- Chinese text takes full-width punctuation (docs/i18n.md)
"""Demo posts: per demo community a few tags, a weekly tutorial series of three parts, a pinned
announcement, a featured tip, a tutorial in the other language and one member's post awaiting review.

Written through the services (revisions, activity, the review queue), then the publication dates are
spread over past weeks. Idempotent: a community that has posts is left alone.
"""

from datetime import timedelta

from django.utils import timezone

from communities.models import Community
from communities.roles import MembershipStatus, Role
from content.models import Post
from content.services import posts as posts_services
from content.services import series as series_services
from demo import data
from members.models import Membership

PYTHON_CODE = """```python
def average(numbers):
    \"\"\"The mean of a non-empty list.\"\"\"
    return sum(numbers) / len(numbers)


print(average([3, 4, 5]))  # 4.0
```"""

SHELL_CODE = """```bash
# 批量查看照片的拍摄参数
exiftool -FNumber -ExposureTime -ISO *.jpg
```"""

CONTENT = {
    "street-photography": {
        "tags": ["构图", "光线", "器材", "后期"],
        "series": ("每周街拍课", "每周一篇，从观察到出片的街头摄影基础。"),
        "parts": [
            (
                "第一课：用眼睛先拍一遍",
                "在举起相机之前，先站在街角观察五分钟：光从哪里来，人往哪里走。\n\n"
                "- 找一个有光影的背景\n- 等待主体走进画面\n- 按下快门前检查边角",
            ),
            (
                "第二课：光线决定气氛",
                "清晨和傍晚的侧光能勾勒轮廓。正午的顶光很硬，可以找阴影里的反光。\n\n"
                "## 练习\n\n同一个路口，早中晚各拍一张，对比影子的长短。",
            ),
            ("第三课：整理参数", "拍完一组照片后，记录参数方便复盘：\n\n" + SHELL_CODE),
        ],
        "announcement": (
            "本月主题：雨天的城市",
            "本月的主题是**雨天的城市**。月底前在作品区投稿，专家会挑选三组作品点评。",
        ),
        "tip": ("技巧：盲拍时的区域对焦", "把对焦距离设在三米、光圈收到 f/8，半身以内的人物基本都清楚。"),
        "other": (
            "Zone focusing in one minute",
            "Set the focus to 3 m and the aperture to f/8: everything from "
            "about 2 to 6 metres is sharp, so you can shoot without looking through the viewfinder.",
        ),
        "member_post": ("我的第一组夜景街拍", "在老城区拍了一晚，想请大家看看曝光是不是太暗了。"),
        "levels": ["beginner", "intermediate", "beginner"],
    },
    "python-beginners": {
        "tags": ["basics", "testing", "tools", "projects"],
        "series": (
            "Weekly Python",
            "One short tutorial every week, from your first function to your first tests.",
        ),
        "parts": [
            (
                "Week 1: your first function",
                "A function names a piece of work you can reuse:\n\n" + PYTHON_CODE,
            ),
            (
                "Week 2: lists and loops",
                "Loop over a list with `for`:\n\n```python\nfor name in ['Ada', 'Grace']:\n"
                "    print(f'Hello, {name}!')\n```",
            ),
            (
                "Week 3: your first test",
                "pytest finds functions named `test_*`:\n\n```python\nfrom stats import average\n\n\n"
                "def test_average():\n    assert average([3, 4, 5]) == 4\n```\n\nRun `pytest -q`.",
            ),
        ],
        "announcement": (
            "Office hours every Thursday",
            "Mentors answer questions live every **Thursday at 19:00 UTC**.",
        ),
        "tip": (
            "Tip: read the traceback from the bottom",
            "The last line names the error; the lines above it show where it happened, innermost call last.",
        ),
        "other": (
            "用 f-string 格式化字符串",
            "在字符串前加 `f`，就能把变量写进花括号里：\n\n```python\nname = '小明'\n"
            "print(f'你好，{name}！')\n```",
        ),
        "member_post": (
            "My first script: a tip calculator",
            "I wrote a small tip calculator this week. Feedback welcome!",
        ),
        "levels": ["beginner", "beginner", "intermediate"],
    },
    "design-critique": {
        "tags": ["typography", "layout", "colour"],
        "series": ("Critique basics", "How to give and take a useful design critique, one habit a week."),
        "parts": [
            ("Part 1: describe before you judge", "Start with what you see: hierarchy, alignment, contrast."),
            (
                "Part 2: tie feedback to the goal",
                "Ask what the design is for, then say whether it gets there.",
            ),
            ("Part 3: one change at a time", "Suggest the single change that would help most, and why."),
        ],
        "announcement": (
            "Monthly challenge: a poster in two colours",
            "Post your poster in the critique corner.",
        ),
        "tip": (
            "Tip: squint at your layout",
            "Squinting blurs the details and shows the hierarchy at a glance.",
        ),
        "other": ("排版的三个基本原则", "对齐、对比、留白。先把这三点做好，版面就会清楚很多。"),
        "member_post": ("Feedback on my portfolio landing page", "Is the hero section too busy?"),
        "levels": ["beginner", "intermediate", "intermediate"],
    },
}


def seed_posts() -> int:
    """Add the demo posts where a demo community has none; return the number of posts created."""
    created = 0
    slugs = [spec["fields"]["slug"] for spec in data.COMMUNITIES]
    for community in Community.objects.filter(slug__in=slugs).order_by("slug"):
        spec = CONTENT.get(community.slug)
        if spec is None or Post.objects.for_community(community).exists():
            continue
        created += _seed_community(community, spec)
    return created


def _active(community: Community, roles) -> list[Membership]:
    return list(
        Membership.objects.filter(community=community, status=MembershipStatus.ACTIVE, role__in=roles)
        .select_related("user")
        .order_by("user__username")
    )


def _publish(community, author, *, title, body, kind="tutorial", weeks_ago=0, **fields) -> Post:
    post = posts_services.post_create(
        actor=author, community=community, title=title, body=body, kind=kind, **fields
    )
    posts_services.post_publish(actor=author, community=community, post=post)
    when = timezone.now() - timedelta(weeks=weeks_ago, hours=1)
    Post.objects.for_community(community).filter(pk=post.pk).update(published_at=when)
    post.refresh_from_db()
    return post


def _seed_community(community: Community, spec: dict) -> int:
    owner = _active(community, [Role.OWNER])[0].user
    experts = _active(community, [Role.EXPERT]) or _active(community, [Role.ADMIN])
    members = _active(community, [Role.MEMBER])
    tags = [
        posts_services.post_tag_create(actor=owner, community=community, name=name) for name in spec["tags"]
    ]
    title, description = spec["series"]
    series = series_services.series_create(
        actor=owner, community=community, title=title, description=description
    )
    count = 0
    for index, ((part_title, body), level) in enumerate(zip(spec["parts"], spec["levels"], strict=True)):
        _publish(
            community,
            owner,
            title=part_title,
            body=body,
            weeks_ago=len(spec["parts"]) - index,
            series=series,
            tags=[tags[index % len(tags)]],
            skill_level=level,
        )
        count += 1
    title, body = spec["announcement"]
    announcement = _publish(community, owner, title=title, body=body, kind="announcement")
    posts_services.post_pin(actor=owner, community=community, post=announcement)
    tip_author = experts[0].user if experts else owner
    title, body = spec["tip"]
    tip = _publish(community, tip_author, title=title, body=body, kind="tip", weeks_ago=1, tags=[tags[0]])
    posts_services.post_feature(actor=owner, community=community, post=tip)
    title, body = spec["other"]
    _publish(community, tip_author, title=title, body=body, weeks_ago=2, skill_level="beginner")
    count += 3
    if members:
        posts_services.post_settings_update(actor=owner, community=community, member_posts_need_review=True)
        title, body = spec["member_post"]
        pending = posts_services.post_create(
            actor=members[0].user, community=community, title=title, body=body, kind="case_study"
        )
        posts_services.post_publish(actor=members[0].user, community=community, post=pending)
        count += 1
    return count
