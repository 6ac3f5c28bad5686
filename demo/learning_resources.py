# ruff: noqa: E501 (the demo libraries: one resource a line reads best)
"""Demo resource libraries: a dozen resources in each demo community (every kind, free and paid, each
level), ratings and reviews by members, a "Start here" featured list, and one link the checker flagged
broken (its curators told), all through the services.

Idempotent: a community whose library has resources is left alone.
"""

from communities.models import Community
from communities.roles import MembershipStatus, Role
from learning import links
from learning.models import Resource
from learning.models.resources import BROKEN_AFTER
from learning.services import linkcheck
from learning.services import resources as services
from members.models import Membership

# slug -> (featured list name, its resources by index, resources: (title, kind, cost, level, url, tags,
# description)); the last resource of each library is the one with a broken link.
LIBRARIES = {
    "python-beginners": ("Start here", [0, 2, 4], [
        ("The Python Tutorial", "article", "free", "beginner", "https://docs.python.org/3/tutorial/", ["python", "basics"], "The official tutorial: read it in order, typing every example."),
        ("Automate the Boring Stuff with Python", "book", "free", "beginner", "https://automatetheboringstuff.com/", ["python", "automation"], "Practical scripts for files, spreadsheets and the web."),
        ("Thonny", "tool", "free", "beginner", "https://thonny.org/", ["editor"], "A small editor for beginners that shows how code runs step by step."),
        ("Fluent Python", "book", "paid", "advanced", "https://www.oreilly.com/library/view/fluent-python-2nd/9781492056348/", ["python", "idioms"], "Idiomatic Python in depth: data model, iterators, concurrency."),
        ("Python for Everybody", "course", "free", "beginner", "https://www.py4e.com/", ["course", "data"], "A gentle full course with videos, exercises and a free book."),
        ("Real Python: pytest", "article", "free", "intermediate", "https://realpython.com/pytest-python-testing/", ["testing", "pytest"], "Writing tests that read like the feature."),
        ("PyCharm", "tool", "paid", "intermediate", "https://www.jetbrains.com/pycharm/", ["editor", "ide"], "A full IDE; the community edition is free."),
        ("Corey Schafer: Python tutorials", "video", "free", "beginner", "https://www.youtube.com/@coreyms", ["video", "basics"], "Clear short videos on the language and its standard library."),
        ("Effective Python", "book", "paid", "intermediate", "https://effectivepython.com/", ["python", "idioms"], "90 specific ways to write better Python."),
        ("Talk Python: async", "course", "paid", "advanced", "https://training.talkpython.fm/", ["async", "course"], "Async and await from the ground up."),
        ("PyCon talks archive", "video", "free", "expert", "https://pyvideo.org/", ["talks", "video"], "Thousands of conference talks, searchable."),
        ("Old beginners' wiki", "article", "free", "beginner", "https://wiki.python.org/moin/BeginnersGuide/OldPage", ["basics"], "A page that has since moved."),
    ]),
    "street-photography": ("新手从这里开始", [0, 1, 3], [
        ("摄影构图的基础", "article", "free", "beginner", "https://zh.wikipedia.org/wiki/构图", ["构图", "基础"], "构图的基本概念:三分法、引导线、框架。"),
        ("街头摄影:决定性瞬间", "book", "paid", "intermediate", "https://www.magnumphotos.com/", ["街拍", "布列松"], "布列松与玛格南摄影师的街头作品和思考。"),
        ("Lightroom", "tool", "paid", "intermediate", "https://www.adobe.com/products/photoshop-lightroom.html", ["后期"], "整理照片和调色的常用工具。"),
        ("手机街拍入门", "video", "free", "beginner", "https://www.bilibili.com/", ["手机", "视频"], "用手机在街头拍出有故事的照片。"),
        ("Darktable", "tool", "free", "intermediate", "https://www.darktable.org/", ["后期", "raw"], "免费开源的 RAW 处理软件。"),
        ("夜景街拍技巧", "article", "free", "intermediate", "https://www.dpreview.com/", ["夜景"], "高感光、慢门和城市灯光的运用。"),
        ("Magnum 在线课程", "course", "paid", "advanced", "https://www.magnumphotos.com/learn/", ["课程", "纪实"], "玛格南摄影师的纪实摄影课程。"),
        ("黑白摄影的光影", "book", "paid", "advanced", "https://book.douban.com/", ["黑白"], "如何用光影和对比讲故事。"),
        ("街拍礼仪与肖像权", "article", "free", "beginner", "https://www.npc.gov.cn/", ["礼仪", "法律"], "在街头拍人之前应该了解的规则。"),
        ("城市色彩观察", "video", "free", "intermediate", "https://www.youtube.com/", ["色彩"], "从色彩出发发现城市里的画面。"),
        ("纪实摄影工作坊", "course", "paid", "expert", "https://www.worldpressphoto.org/", ["纪实", "工作坊"], "长期项目的选题、拍摄与编辑。"),
        ("旧版街拍论坛", "article", "free", "beginner", "https://bbs.example-photo.cn/old", ["论坛"], "已经关闭的旧论坛。"),
    ]),
    "design-critique": ("Start here", [0, 1, 4], [
        ("Refactoring UI", "book", "paid", "intermediate", "https://www.refactoringui.com/", ["ui", "visual"], "Practical visual design tactics for developers and designers."),
        ("Figma", "tool", "free", "beginner", "https://www.figma.com/", ["tool", "prototyping"], "Design and prototype together in the browser."),
        ("Nielsen Norman: heuristics", "article", "free", "beginner", "https://www.nngroup.com/articles/ten-usability-heuristics/", ["ux", "heuristics"], "Ten usability heuristics every critique can use."),
        ("Google UX Design Certificate", "course", "paid", "beginner", "https://grow.google/uxdesign/", ["ux", "course"], "A structured course from research to prototypes."),
        ("How to give design critique", "video", "free", "intermediate", "https://www.youtube.com/watch?v=ZjYxzMBXxaQ", ["critique"], "Critique that helps: what works, what does not, what to try."),
        ("Laws of UX", "article", "free", "intermediate", "https://lawsofux.com/", ["ux", "psychology"], "Psychology behind interfaces, one law at a time."),
        ("Design Systems handbook", "book", "free", "advanced", "https://www.designbetter.co/design-systems-handbook", ["systems"], "Building and running a design system."),
        ("Stark", "tool", "paid", "intermediate", "https://www.getstark.co/", ["accessibility"], "Accessibility checks inside your design tool."),
        ("Practical Typography", "book", "free", "beginner", "https://practicaltypography.com/", ["type"], "Typography rules that make text easier to read."),
        ("Config talks", "video", "free", "advanced", "https://config.figma.com/", ["talks"], "Talks from product designers at scale."),
        ("Interaction Design Foundation", "course", "paid", "expert", "https://www.interaction-design.org/", ["course", "ux"], "Deep courses on interaction design."),
        ("Old critique checklist", "article", "free", "beginner", "https://critique.example-design.com/old-checklist", ["critique"], "A checklist page that has gone."),
    ]),
}  # fmt: skip
REVIEWS = ["Clear and practical.", "Good, but a bit long.", "Exactly what I needed.", "", "Worth the price."]


def _active(community: Community) -> tuple[Membership | None, list[Membership]]:
    """The owner (curator) and the other active members, oldest first."""
    members = list(
        Membership.objects.for_community(community)
        .filter(status=MembershipStatus.ACTIVE)
        .select_related("user")
        .order_by("pk")
    )
    owner = next((m for m in members if m.role == Role.OWNER), None)
    return owner, [m for m in members if m.role != Role.OWNER and not m.user.is_superuser]


def seed_learning_resources() -> None:
    for slug, (list_name, featured, resources) in LIBRARIES.items():
        community = Community.objects.filter(slug=slug).first()
        if community is None or Resource.objects.for_community(community).exists():
            continue
        owner, members = _active(community)
        if owner is None or len(members) < 3:
            continue
        made = []
        for index, (title, kind, cost, level, url, tags, description) in enumerate(resources):
            recommender = members[index % len(members)]
            resource = services.resource_create(
                actor=recommender.user, community=community, title=title, description=description, url=url,
                kind=kind, cost=cost, level=level, tags=tags,
            )  # fmt: skip
            made.append(resource)
            raters = [m for m in members if m.pk != recommender.pk][: 1 + index % 3]
            for offset, rater in enumerate(raters):
                services.rating_set(
                    actor=rater.user, community=community, resource=resource,
                    score=5 - (index + offset) % 3, review=REVIEWS[(index + offset) % len(REVIEWS)],
                )  # fmt: skip
        services.featured_list_create(
            actor=owner.user, community=community, name=list_name, resource_ids=[made[i].pk for i in featured]
        )
        broken = made[-1]
        for _attempt in range(BROKEN_AFTER):
            linkcheck.resource_link_record(
                community=community, resource_id=broken.pk, url=broken.url,
                result=links.LinkResult(ok=False, status=404, error="HTTP 404"),
            )  # fmt: skip
