"""Demo critique exchange: a rubric for 街头摄影社 (in Chinese) and for Design Critique Circle (in English),
works with small generated images, some waiting in the queue and some critiqued (one marked helpful), and
the credits those moves earned and spent.

Idempotent: a community whose rubric exists is left as it is.
"""

import io
from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image, ImageDraw

from communities.models import Community
from content.models import RubricCriterion, Work
from content.services import critiques as services
from members.models import Membership

# slug -> rubric, grants, works (author, title, description, colours, hours ago), critiques
# (critic, work index, scores, comments per criterion, overall, helpful).
CRITIQUES = {
    "street-photography": {
        "rubric": [
            ("构图", "主体、线条与留白是否服务于画面"),
            ("光线", "光的方向、反差和时机"),
            ("故事", "画面是否让人想知道接下来发生了什么"),
        ],
        "grants": [
            ("wang.lei", 6, "欢迎参加作品点评"),
            ("liu.yang", 6, "欢迎参加作品点评"),
            ("member", 4, "Welcome"),
        ],
        "works": [
            (
                "wang.lei",
                "雨夜的菜市场",
                "第一次尝试夜拍,ISO 3200,35mm,f/2。想知道暗部处理是否过重。",
                ("#1d3557", "#e63946"),
                50,
            ),
            ("liu.yang", "午后的弄堂", "逆光下的晾衣杆和孩子。28mm,f/8,1/500。", ("#f4a261", "#264653"), 30),
            (
                "member",
                "Tram stop at dawn",
                "First light on the tram stop, 50mm f/4. Is the horizon too central?",
                ("#a8dadc", "#457b9d"),
                20,
            ),
            ("wang.lei", "地铁里的读书人", "长焦偷拍,想听听大家对裁切的意见。", ("#2a9d8f", "#e9c46a"), 6),
        ],
        "critiques": [
            (
                "expert",
                0,
                [4, 3, 5],
                ["主体摊位放在三分线上,很好", "暗部可以提亮半档", "雨水和灯光讲出了夜晚"],
                "很有氛围的一张。试试在后期里把暗部稍微提亮,保留雨丝的高光。",
                True,
            ),
            ("liu.yang", 0, [4, 4, 4], ["", "", ""], "喜欢画面里的红色招牌,和蓝色夜色对比很强。", False),
            (
                "wang.lei",
                1,
                [5, 4, 3],
                ["晾衣杆的线条把视线带向孩子", "", "孩子的动作再明确一点会更好"],
                "逆光处理得干净。可以等孩子抬头的那一刻再按快门。",
                True,
            ),
        ],
    },
    "design-critique": {
        "rubric": [
            ("Hierarchy", "Does the eye land where the designer wants it to?"),
            ("Clarity", "Can a first-time user tell what to do next?"),
            ("Craft", "Spacing, type and alignment"),
        ],
        "grants": [("outsider", 6, "Welcome to the circle"), ("paula", 4, "Welcome to the circle")],
        "works": [
            (
                "outsider",
                "Checkout flow, v3",
                "Two-step checkout for a bike shop. What confuses you first?",
                ("#7a4fb3", "#f1faee"),
                40,
            ),
            (
                "paula",
                "Onboarding illustration set",
                "Three spot illustrations for an empty state.",
                ("#ffb703", "#023047"),
                10,
            ),
        ],
        "critiques": [
            (
                "massimo",
                0,
                [4, 3, 4],
                ["Clear primary button", "The shipping step hides the total", ""],
                "Strong start. Show the total on every step and the drop-off should fall.",
                True,
            ),
        ],
    },
}


def _image(colours: tuple[str, str], name: str) -> SimpleUploadedFile:
    """A small generated picture: two colour fields and a circle, so each work looks different."""
    picture = Image.new("RGB", (480, 360), colours[0])
    draw = ImageDraw.Draw(picture)
    draw.rectangle((0, 240, 480, 360), fill=colours[1])
    draw.ellipse((300, 60, 420, 180), fill=colours[1])
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=80)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def seed_critiques() -> int:
    """Seed each configured community without a rubric; the number of works posted."""
    posted = 0
    for slug, spec in CRITIQUES.items():
        community = Community.objects.filter(slug=slug).first()
        if community is None or RubricCriterion.objects.for_community(community).exists():
            continue
        posted += _seed(community, spec)
    return posted


def _seed(community: Community, spec: dict) -> int:
    members = {
        m.user.username: m
        for m in Membership.objects.for_community(community).filter(status="active").select_related("user")
    }
    owner = next(m.user for m in members.values() if m.role == "owner")
    criteria = [
        services.criterion_create(actor=owner, community=community, name=name, guidance=guidance)
        for name, guidance in spec["rubric"]
    ]
    for username, amount, reason in spec["grants"]:
        services.credits_grant(
            actor=owner, community=community, membership=members[username], amount=amount, reason=reason
        )
    now, works = timezone.now(), []
    for index, (username, title, description, colours, hours) in enumerate(spec["works"]):
        work = services.work_post(
            actor=members[username].user,
            community=community,
            title=title,
            description=description,
            images=[_image(colours, f"work-{index}.jpg")],
        )
        Work.objects.filter(pk=work.pk).update(created_at=now - timedelta(hours=hours))
        work.refresh_from_db()
        works.append(work)
    for critic, index, scores, comments, overall, helpful in spec["critiques"]:
        critique = services.critique_give(
            actor=members[critic].user,
            community=community,
            work=works[index],
            overall=overall,
            scores={
                c.pk: {"score": s, "comment": t} for c, s, t in zip(criteria, scores, comments, strict=True)
            },
        )
        if helpful:
            services.critique_mark_helpful(
                actor=works[index].author.user, community=community, critique=critique
            )
    return len(works)
