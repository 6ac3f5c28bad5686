"""Demo learning paths in both languages: in each demo community a path at two levels (steps to mark done,
work to submit for review, a quiz), a mentor appointed to the first, members enrolled at different stages,
reviewed work (approved, and try again with what to change), and a member's plan with goals. All through
the services; some completions are moved into the past days so the plan shows a streak.

Idempotent: a community that already has its demo paths is left alone.
"""

from datetime import timedelta

from django.utils import timezone

from communities.models import Community
from communities.roles import Role
from learning.models import LearningPath, StepProgress
from learning.services import paths as path_services
from learning.services import progress
from members.models import Membership

QUIZ = {
    "street-photography": [
        {"prompt": "哪个光圈进光更多?", "choices": ["f/2", "f/11"], "correct": 0},
        {"prompt": "三脚架主要解决什么问题?", "choices": ["机身抖动", "偏色"], "correct": 0},
    ],
    "python-beginners": [
        {"prompt": "What does len([1, 2]) return?", "choices": ["1", "2", "[1, 2]"], "correct": 1},
        {"prompt": "Which keyword defines a function?", "choices": ["func", "def"], "correct": 1},
    ],
    "design-critique": [
        {
            "prompt": "What are design tokens?",
            "choices": ["Named values for colour, spacing, type", "Logins"],
            "correct": 0,
        },
        {
            "prompt": "Where should tokens live?",
            "choices": ["In one shared source", "In each screen"],
            "correct": 0,
        },
    ],
}

# slug -> language, track, the two paths (level, title, summary, steps: (title, goal, completion)), the
# mentor, learners (username, steps completed on the first path), the planner's goals.
DEMO = {
    "street-photography": {
        "lang": "zh",
        "track": "street",
        "paths": [
            (
                "beginner",
                "街拍入门:从观察开始",
                "四周学会观察光线、构图和时机。",
                [
                    ("认识你的相机", "会切换光圈优先和快门优先。", "done"),
                    ("光线小测验", "理解光圈与快门的关系。", "quiz"),
                    ("一组十张的街头作品", "用同一焦段拍摄十张并说明选择。", "submit"),
                ],
            ),
            (
                "intermediate",
                "街拍进阶:讲一个故事",
                "用一组照片讲述一个街区的故事。",
                [
                    ("选题与调研", "确定主题并写下拍摄计划。", "done"),
                    ("故事组照", "提交 8 张组照与说明。", "submit"),
                ],
            ),
        ],
        "mentor": "wang.lei",
        "learners": [("member", 3), ("liu.yang", 2), ("chen.jing", 0)],
        "planner": "member",
        "goals": [("完成街拍进阶路径", 30), ("举办一次小型影展", 90)],
    },
    "python-beginners": {
        "lang": "en",
        "track": "python",
        "paths": [
            (
                "beginner",
                "Python from zero",
                "Variables to your first script in three weeks.",
                [
                    (
                        "Install Python and an editor",
                        "Run `python --version` and open a file in your editor.",
                        "done",
                    ),
                    ("Quick check: the basics", "Know lists and functions.", "quiz"),
                    (
                        "Write a small script",
                        "Submit a script that renames files by date, with a README.",
                        "submit",
                    ),
                ],
            ),
            (
                "intermediate",
                "Testing your code",
                "Write tests with pytest and keep them green.",
                [
                    ("Read the pytest tutorial", "Know fixtures and parametrize.", "done"),
                    ("Test a function of yours", "Submit a test file with at least five cases.", "submit"),
                ],
            ),
        ],
        "mentor": "grace",
        "learners": [("member", 3), ("linus", 2), ("ada", 1)],
        "planner": "member",
        "goals": [("Finish Python from zero", 14), ("Contribute to an open-source project", 60)],
    },
    "design-critique": {
        "lang": "en",
        "track": "ui design",
        "paths": [
            (
                "intermediate",
                "Critique that helps",
                "Give and take critique with the three questions.",
                [
                    ("Read the three questions", "What works, what does not, what to try next.", "done"),
                    ("Critique a screen", "Submit a written critique of a product screen.", "submit"),
                ],
            ),
            (
                "advanced",
                "Design systems in practice",
                "Audit and extend a small design system.",
                [
                    ("Audit your components", "List duplicated components and their variants.", "done"),
                    ("Quiz: tokens", "Know what design tokens are for.", "quiz"),
                ],
            ),
        ],
        "mentor": "massimo",
        "learners": [("outsider", 2), ("dieter", 1)],
        "planner": "outsider",
        "goals": [("Present my redesign to the circle", 21)],
    },
}


def _member(community: Community, username: str) -> Membership | None:
    return Membership.objects.filter(community=community, user__username=username, status="active").first()


def _build(community: Community, author, spec: dict) -> list[LearningPath]:
    paths = []
    for level, title, summary, steps in spec["paths"]:
        path = path_services.path_create(
            actor=author, community=community, title=title, summary=summary, track=spec["track"], level=level
        )
        for step_title, goal, completion in steps:
            step = path_services.step_create(
                actor=author,
                community=community,
                path=path,
                title=step_title,
                goal=goal,
                completion=completion,
                material_kind="text",
                material_text=goal,
                effort_minutes=45,
            )
            if completion == "quiz":
                path_services.step_quiz_set(
                    actor=author, community=community, path=path, step=step, questions=QUIZ[community.slug]
                )
        paths.append(path_services.path_publish(actor=author, community=community, path=path))
    return paths


def _learn(
    community: Community, path: LearningPath, learner: Membership, done: int, mentor: Membership, lang: str
):
    """Enrol and complete the first `done` steps: quizzes passed, work approved (the last piece of work
    submitted and sent back to try again, when the learner stops at it)."""
    progress.enrolment_create(actor=learner.user, community=community, path=path)
    steps = list(path.steps.order_by("position", "id"))
    for index, step in enumerate(steps[: done + 1]):
        if step.completion == "done" and index < done:
            progress.step_complete(actor=learner.user, community=community, path=path, step=step)
        elif step.completion == "quiz" and index < done:
            attempt = progress.quiz_attempt_start(
                actor=learner.user, community=community, path=path, step=step
            )
            progress.quiz_attempt_answer(
                actor=learner.user,
                community=community,
                path=path,
                step=step,
                attempt_id=attempt.pk,
                answers=[q["correct"] for q in QUIZ[community.slug]],
            )
        elif step.completion == "submit":
            body = "我的作品与说明。" if lang == "zh" else "My work, with notes on what I tried."
            work = progress.submission_create(
                actor=learner.user, community=community, path=path, step=step, body=body
            )
            approved = index < done
            feedback = (
                ("构图清晰,光线把握得好。" if approved else "画面偏杂,请收紧取景并统一色调。")
                if lang == "zh"
                else (
                    "Clear and well explained."
                    if approved
                    else "Good start: split the long function and add a test."
                )
            )
            progress.submission_review(
                actor=mentor.user,
                community=community,
                submission=work,
                outcome="approved" if approved else "try_again",
                feedback=feedback,
            )


def seed_learning_paths() -> int:
    """The demo learning paths, progress, reviews and plans; the number of communities given them."""
    seeded = 0
    for slug, spec in DEMO.items():
        community = Community.objects.filter(slug=slug).first()
        owner = (
            Membership.objects.filter(community=community, role=Role.OWNER, status="active").first()
            if community
            else None
        )
        if owner is None or LearningPath.objects.for_community(community).exists():
            continue
        first, second = _build(community, owner.user, spec)
        mentor = _member(community, spec["mentor"])
        path_services.mentor_add(actor=owner.user, community=community, path=first, membership_id=mentor.pk)
        for username, done in spec["learners"]:
            learner = _member(community, username)
            if learner is not None:
                _learn(community, first, learner, done, mentor, spec["lang"])
        planner = _member(community, spec["planner"])
        progress.enrolment_create(actor=planner.user, community=community, path=second)
        now = timezone.now()
        for days_ago, row in enumerate(
            StepProgress.objects.for_community(community)
            .filter(membership=planner)
            .order_by("-completed_at", "-id")
        ):
            StepProgress.objects.filter(pk=row.pk).update(completed_at=now - timedelta(days=days_ago))
        for title, days in spec["goals"]:
            progress.goal_create(
                actor=planner.user,
                community=community,
                title=title,
                target_date=(now + timedelta(days=days)).date(),
                path=second,
            )
        seeded += 1
    return seeded
