"""Demo Q&A and expert sessions in both languages.

Q&A. Python Beginners: a question with the expert's accepted answer and a member's answer with votes,
and unanswered questions for the experts' list. 街头摄影社: the same in Chinese.
Sessions. In each community an archived session (upvoted questions, the expert's answers) and an
upcoming one; Python Beginners' upcoming session is hosted by a guest expert (dieter, from Design
Critique Circle, brought in without applying).
Written through the services, so counts, times, activity and notices are what the site would have made.

Idempotent: a community that already has questions (sessions) is left alone for those.
"""

from datetime import timedelta

from django.utils import timezone

from accounts.models import User
from communities.models import Community
from communities.selectors import rules_version_current
from content.models import ExpertSession, Question
from content.services import questions as services
from content.services import sessions as session_services
from members.models import Membership
from members.services.membership import rules_version_accept

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


SESSIONS = {
    "python-beginners": [
        {
            "title": "Ask me anything: testing with pytest",
            "topic": "Testing",
            "description": (
                "Bring your questions about **pytest**: fixtures, parametrisation, mocking, slow suites."
            ),
            "expert": "expert",
            "days_from_now": -6,
            "questions": [
                {
                    "asker": "member",
                    "body": "When should I use a fixture instead of a helper function?",
                    "voters": ["grace", "linus"],
                    "answer": (
                        "When the thing needs **set-up and tear-down**, or many tests share it: a fixture "
                        "with `yield` cleans up after itself. A plain helper is fine for pure functions."
                    ),
                },
                {
                    "asker": "grace",
                    "body": "How do I test code that calls a web API?",
                    "voters": ["member"],
                    "answer": (
                        "Put the call behind a small function and replace it in tests with `monkeypatch`."
                    ),
                },
                {"asker": "linus", "body": "Is 100% coverage worth it?", "voters": [], "answer": ""},
            ],
        },
        {
            "title": "Guest AMA: charts that tell a story with matplotlib",
            "topic": "Data visualisation",
            "description": "Our guest designs data graphics for a living. Send questions before the session.",
            "expert": "dieter",
            "guest": True,
            "days_from_now": 3,
            "questions": [
                {
                    "asker": "grace",
                    "body": "How do I choose colours that work for colour-blind readers?",
                    "voters": ["linus"],
                },
            ],
        },
    ],
    "street-photography": [
        {
            "title": "专家问答:夜间街拍",
            "topic": "夜景与弱光",
            "description": "关于夜间街拍的一切:感光度、快门、对焦,以及如何在灯光下找到好的画面。",
            "expert": "expert",
            "days_from_now": -10,
            "questions": [
                {
                    "asker": "wang.lei",
                    "body": "夜里手持拍摄,快门最低能用到多少?",
                    "voters": ["liu.yang", "member", "chen.jing"],
                    "answer": "一般是 **1/焦距** 秒;有防抖可以再慢两三档。人物在动时,不要低于 1/125。",
                },
                {
                    "asker": "liu.yang",
                    "body": "高感光度的噪点怎么处理?",
                    "voters": ["wang.lei"],
                    "answer": (
                        "先保证曝光充足,宁可 ISO 高一点也不要欠曝;后期适度降噪,保留颗粒感反而更有街头味道。"
                    ),
                },
            ],
        },
        {
            "title": "专家问答:街头人像与沟通",
            "topic": "人像",
            "description": "如何自然地拍陌生人?欢迎提前提问并为想听的问题点赞。",
            "expert": "expert",
            "days_from_now": 5,
            "questions": [
                {
                    "asker": "member",
                    "body": "被拍的人发现后不高兴,该怎么应对?",
                    "voters": ["liu.yang", "wang.lei"],
                },
            ],
        },
    ],
}


def seed_sessions() -> int:
    """Schedule the demo sessions, ask, vote and answer; archive the past ones. The number made."""
    made = 0
    for slug, sessions in SESSIONS.items():
        community = Community.objects.filter(slug=slug).first()
        if community is None or ExpertSession.objects.for_community(community).exists():
            continue
        operator = community.memberships.filter(role="owner", status="active").select_related("user").first()
        if operator is None:
            continue
        for spec in sessions:
            made += _seed_session(community, operator.user, spec)
    return made


def seed_guest_experts() -> None:
    """Invite the sessions' guest experts before the people side is seeded (profiles, trust), so that
    every run of the seeder sees the same members there."""
    for slug, sessions in SESSIONS.items():
        community = Community.objects.filter(slug=slug).first()
        if community is None:
            continue
        operator = community.memberships.filter(role="owner", status="active").select_related("user").first()
        for spec in sessions:
            if operator is not None and spec.get("guest"):
                _expert(community, operator.user, spec)


def _expert(community: Community, operator, spec: dict):
    invited = Membership.objects.filter(community=community, user__username=spec["expert"]).first()
    if spec.get("guest") and invited is None:
        guest = session_services.guest_expert_invite(
            actor=operator,
            community=community,
            account=User.objects.get(username=spec["expert"]).username,
            note="Data graphics designer",
        )
        version = rules_version_current(community=community)
        if version is not None:  # as the guest does on their first visit
            rules_version_accept(
                actor=guest.membership.user, community=community, accepted_rules_version=version.number
            )
        return guest.membership
    return invited


def _seed_session(community: Community, operator, spec: dict) -> int:
    expert = _expert(community, operator, spec)
    if expert is None:
        return 0
    now = timezone.now()
    past = spec["days_from_now"] < 0
    # A past session is played live (questions, votes, answers), then moved back to its real window.
    starts_at = now - timedelta(hours=1) if past else now + timedelta(days=spec["days_from_now"])
    session = session_services.session_schedule(
        actor=operator,
        community=community,
        title=spec["title"],
        topic=spec["topic"],
        description=spec["description"],
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=2),
        expert_id=expert.pk,
    )
    for question_spec in spec["questions"]:
        asker = _user(community, question_spec["asker"])
        if asker is None:
            continue
        question = session_services.session_question_ask(
            actor=asker, community=community, session=session, body=question_spec["body"]
        )
        for voter in question_spec["voters"]:
            user = _user(community, voter)
            if user is not None and user != asker:
                session_services.session_question_vote(actor=user, community=community, question=question)
        if past and question_spec.get("answer"):
            session_services.session_question_answer(
                actor=expert.user, community=community, question=question, answer=question_spec["answer"]
            )
    if past:
        starts = now + timedelta(days=spec["days_from_now"])
        ExpertSession.objects.filter(pk=session.pk).update(
            starts_at=starts, ends_at=starts + timedelta(hours=2), reminded_at=starts - timedelta(hours=20)
        )
    return 1
