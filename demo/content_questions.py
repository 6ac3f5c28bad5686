"""Demo Q&A (and, below, expert sessions) in both languages.

Python Beginners: a question with the expert's accepted answer and a member's answer with votes, and
unanswered questions for the experts' list. 街头摄影社: the same in Chinese. Written through the services,
so counts, times, activity and notices are what the site would have made.

Idempotent: a community that already has questions is left alone.
"""

from datetime import timedelta

from django.utils import timezone

from communities.models import Community
from content.models import Question
from content.services import questions as services
from members.models import Membership

QUESTIONS = {
    "python-beginners": [
        {
            "asker": "member",
            "title": "Why does my list change when I change a copy of it?",
            "body": (
                "I wrote `b = a` and then `b.append(4)`, and now `a` has a 4 too:\n\n"
                "```python\na = [1, 2, 3]\nb = a\nb.append(4)\nprint(a)  # [1, 2, 3, 4]\n```\n\n"
                "How do I make a real copy?"
            ),
            "tags": ["lists", "basics"],
            "skill_level": "beginner",
            "days_ago": 9,
            "answers": [
                {
                    "author": "expert",
                    "body": (
                        "`b = a` does not copy: both names point at the **same** list. Make a new list "
                        "instead:\n\n```python\nb = a.copy()      # or list(a), or a[:]\n```\n\n"
                        "For lists of lists use `copy.deepcopy(a)`, or the inner lists are still shared."
                    ),
                    "accepted": True,
                    "voters": ["grace", "linus", "member"],
                },
                {
                    "author": "grace",
                    "body": "`a[:]` works too; I find `.copy()` easier to read.",
                    "voters": ["linus"],
                },
            ],
        },
        {
            "asker": "grace",
            "title": "How do I read a CSV file with a header row?",
            "body": "My file has `name,age` on the first line. What is the simplest way to get dictionaries?",
            "tags": ["files", "csv"],
            "skill_level": "beginner",
            "days_ago": 4,
            "answers": [],
        },
        {
            "asker": "linus",
            "title": "When should I use a generator instead of a list?",
            "body": "I keep seeing `yield` in examples. Is it only about memory?",
            "tags": ["generators"],
            "skill_level": "intermediate",
            "days_ago": 2,
            "answers": [],
        },
    ],
    "street-photography": [
        {
            "asker": "wang.lei",
            "title": "逆光拍人像时脸总是太暗,怎么办?",
            "body": "傍晚在街上拍逆光人像,背景很漂亮,但人脸几乎是黑的。不想用闪光灯,有什么办法?",
            "tags": ["逆光", "人像", "曝光"],
            "skill_level": "beginner",
            "days_ago": 8,
            "answers": [
                {
                    "author": "expert",
                    "body": (
                        "三个办法,按顺序试:\n\n1. **点测光测脸**,再加 +0.7 EV,接受背景过曝;\n"
                        "2. 找反光面:浅色墙面、地面都能给脸补光;\n"
                        "3. 用 RAW 拍摄,后期拉阴影,但噪点会增加。\n\n街头最实用的是第 2 条:先找光,再等人。"
                    ),
                    "accepted": True,
                    "voters": ["liu.yang", "member", "chen.jing"],
                },
                {
                    "author": "liu.yang",
                    "body": "我一般直接把人拍成剪影,逆光本来就适合剪影。",
                    "voters": ["wang.lei"],
                },
            ],
        },
        {
            "asker": "liu.yang",
            "title": "35mm 和 50mm,哪个更适合扫街?",
            "body": "预算只够买一支定焦,想听听大家的经验。",
            "tags": ["器材", "定焦"],
            "skill_level": "beginner",
            "days_ago": 3,
            "answers": [],
        },
        {
            "asker": "member",
            "title": "拍陌生人之前需要先打招呼吗?",
            "body": "总担心被拍的人不高兴,大家是先拍后问,还是先问后拍?",
            "tags": ["礼仪"],
            "skill_level": "",
            "days_ago": 1,
            "answers": [],
        },
    ],
}


def _user(community: Community, username: str):
    membership = Membership.objects.filter(
        community=community, user__username=username, status="active"
    ).first()
    return membership.user if membership is not None else None


def seed_questions() -> int:
    """Ask, answer, vote and accept the demo questions; the number of questions made."""
    made = 0
    for slug, questions in QUESTIONS.items():
        community = Community.objects.filter(slug=slug).first()
        if community is None or Question.objects.for_community(community).exists():
            continue
        for spec in questions:
            made += _seed_question(community, spec)
    return made


def _seed_question(community: Community, spec: dict) -> int:
    asker = _user(community, spec["asker"])
    if asker is None:
        return 0
    asked_at = timezone.now() - timedelta(days=spec["days_ago"])
    question = services.question_ask(
        actor=asker,
        community=community,
        title=spec["title"],
        body=spec["body"],
        tags=spec["tags"],
        skill_level=spec["skill_level"],
    )
    # As if asked days ago: the times to the first and accepted answers then read like real ones.
    Question.objects.filter(pk=question.pk).update(created_at=asked_at, last_activity_at=asked_at)
    question.refresh_from_db()
    for answer_spec in spec["answers"]:
        author = _user(community, answer_spec["author"])
        if author is None:
            continue
        answer = services.answer_post(
            actor=author, community=community, question=question, body=answer_spec["body"]
        )
        for voter in answer_spec.get("voters", []):
            user = _user(community, voter)
            if user is not None and user != author:
                services.answer_vote(actor=user, community=community, answer=answer)
        if answer_spec.get("accepted"):
            services.answer_accept(actor=asker, community=community, question=question, answer=answer)
    return 1
