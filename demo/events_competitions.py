"""Demo competitions and project collaborations in both languages: a judged competition whose results
are published (weighted criteria, two judges, entries alone and in a team, a members' vote, one entry
disqualified with a reason, awards on the winners' profiles), and a project event with teams, their
progress updates and one showcased project, in the English and the Chinese demo communities. All
through the services; the competition is run while upcoming and then moved into the past, as time
would have."""

from datetime import timedelta

from django.utils import timezone

from communities.models import Community
from communities.roles import Role
from events.models import Event
from events.services import events as event_services
from events.services import projects as project_services
from events.services.competitions import entries as entry_services
from events.services.competitions import judging as judging_services
from events.services.competitions import results as result_services
from events.services.competitions import rules as rule_services
from events.services.competitions import votes as vote_services
from members.models import Membership

# slug -> the competition (criteria with weights, judges, entries: (members, title, description, team),
# scores per judge and entry, votes, the index of an entry disqualified and the reason) and the project
# event (projects: (members, title, description, updates), showcased project index).
DEMO = {
    "python-beginners": {
        "competition": {
            "title": "Spring coding challenge: tiny tools",
            "description": "Build a small command-line tool that solves a real annoyance in under 200 "
            "lines of Python. Entries alone or in pairs; judged on usefulness, code and docs.",
            "criteria": [
                ("Usefulness", "Does it solve a real problem?", 3),
                ("Code quality", "", 2),
                ("Docs", "", 1),
            ],
            "judges": ["expert", "moderator"],
            "entries": [
                (
                    ["grace", "linus"],
                    "csvtidy",
                    "Cleans messy CSV exports: trims, fixes dates, drops empty rows.",
                    "Pair programmers",
                ),
                (["ada"], "pomodoro-cli", "A focus timer in the terminal with a weekly summary.", ""),
                (["member"], "rename-photos", "Renames holiday photos by the date they were taken.", ""),
            ],
            "scores": {
                "expert": [(9, 8, 7), (7, 8, 9), (6, 6, 5)],
                "moderator": [(8, 9, 8), (8, 7, 6), (7, 5, 6)],
            },
            "votes": [("expert", 1), ("owner", 0), ("moderator", 0)],
            "disqualified": (
                2,
                "Over the 200-line limit of the rules (412 lines once the copied library is counted).",
            ),
        },
        "project": {
            "title": "Summer open-source sprint",
            "description": "Two weeks to contribute to a small open-source project as a team. Propose a "
            "project or join one; post an update at least twice a week.",
            "projects": [
                (
                    ["grace", "ada"],
                    "Docs translation for a CLI library",
                    "Translate the tutorial and fix the examples.",
                    ["Forked the repository and split the chapters.", "Chapters 1-3 are in review."],
                ),
                (
                    ["linus", "member"],
                    "Beginner-friendly issues bot",
                    "A bot that labels good first issues.",
                    ["We read the GitHub API docs and wrote the first request."],
                ),
            ],
            "showcase": 0,
            "showcase_text": "The tutorial is translated and merged upstream; 14 examples fixed on the way.",
        },
    },
    "street-photography": {
        "competition": {
            "title": "城市夜色摄影挑战赛",
            "description": "以“城市夜色”为题,提交一到三张作品。可以个人参赛,也可以两人组队。"
            "评委按构图、光线和故事打分。",
            "criteria": [
                ("构图", "主体和线条是否清晰有力", 2),
                ("光线", "夜间光源的运用", 2),
                ("故事", "画面是否引人遐想", 1),
            ],
            "judges": ["expert", "chen.jing"],
            "entries": [
                (
                    ["wang.lei", "liu.yang"],
                    "霓虹下的雨夜",
                    "两人分别在南京路两端拍摄同一场雨。",
                    "雨夜二人组",
                ),
                (["member"], "Last tram home", "The last tram crossing the bridge, 1/15 s handheld.", ""),
                (["moderator"], "夜市的灯", "夜市摊主收摊前的最后一盏灯。", ""),
            ],
            "scores": {
                "expert": [(9, 9, 8), (7, 6, 7), (8, 7, 9)],
                "chen.jing": [(8, 9, 9), (6, 7, 6), (8, 8, 8)],
            },
            "votes": [("expert", 2), ("owner", 0), ("chen.jing", 0)],
            "disqualified": (1, "作品拍摄于白天、后期调成夜景,不符合“城市夜色”的主题要求。"),
        },
        "project": {
            "title": "社区影集共创计划",
            "description": "四周时间,以小组为单位完成一本主题影集。提出项目或加入已有小组,每周更新进展。",
            "projects": [
                (
                    ["wang.lei", "moderator"],
                    "弄堂里的老手艺",
                    "记录弄堂里仍在营业的老手艺人。",
                    ["拜访了修鞋的李师傅,拍了第一组。", "完成了 24 张初选。"],
                ),
                (
                    ["liu.yang", "member"],
                    "地铁早高峰",
                    "同一站台连续五个早晨的人流。",
                    ["第一周:确定了机位和时间。"],
                ),
            ],
            "showcase": 0,
            "showcase_text": "影集共 30 张,已在社区展览中展出。",
        },
    },
}


def _member(community: Community, username: str) -> Membership | None:
    return Membership.objects.filter(community=community, user__username=username, status="active").first()


def _competition(community: Community, actor, spec: dict, now) -> None:
    event = event_services.event_create(
        actor=actor,
        community=community,
        kind="competition",
        format="online",
        title=spec["title"],
        description=spec["description"],
        visibility="public",
        starts_at=now + timedelta(hours=1),
        ends_at=now + timedelta(days=14),
    )
    rule_services.competition_update(
        actor=actor, community=community, event=event, max_team_size=2, members_vote=True
    )
    criteria = [
        rule_services.criterion_create(
            actor=actor, community=community, event=event, name=name, description=description, weight=weight
        )
        for name, description, weight in spec["criteria"]
    ]
    judges = {}
    for username in spec["judges"]:
        member = _member(community, username)
        if member is not None:
            rule_services.judge_add(actor=actor, community=community, event=event, membership_id=member.pk)
            judges[username] = member
    entries = []
    for usernames, title, description, team in spec["entries"]:
        members = [m for m in (_member(community, name) for name in usernames) if m is not None]
        if not members:
            entries.append(None)
            continue
        entries.append(
            entry_services.entry_submit(
                actor=members[0].user,
                community=community,
                event=event,
                title=title,
                description=description,
                team_name=team if len(members) > 1 else "",
                member_ids=[m.pk for m in members[1:]],
            )
        )
    for username, member in judges.items():
        for entry, values in zip(entries, spec["scores"][username], strict=False):
            if entry is not None:
                judging_services.scores_submit(
                    actor=member.user,
                    community=community,
                    event=event,
                    entry=entry,
                    scores={c.pk: {"value": v} for c, v in zip(criteria, values, strict=True)},
                )
    for username, index in spec["votes"]:
        voter = _member(community, username)
        if voter is not None and entries[index] is not None:
            vote_services.vote_cast(actor=voter.user, community=community, event=event, entry=entries[index])
    index, reason = spec["disqualified"]
    if entries[index] is not None:  # the operators disqualify it before closing (decision 0030)
        entry_services.entry_disqualify(actor=actor, community=community, entry=entries[index], reason=reason)
    judging_services.judging_close(actor=actor, community=community, event=event)
    result_services.results_publish(actor=actor, community=community, event=event)
    # Time passes: the competition ended two days ago.
    Event.objects.filter(pk=event.pk).update(
        starts_at=now - timedelta(days=16), ends_at=now - timedelta(days=2)
    )


def _projects(community: Community, actor, spec: dict, now) -> None:
    event = event_services.event_create(
        actor=actor,
        community=community,
        kind="project",
        format="online",
        title=spec["title"],
        description=spec["description"],
        visibility="members",
        starts_at=now + timedelta(hours=1),
        ends_at=now + timedelta(days=28),
    )
    project_services.collaboration_update(actor=actor, community=community, event=event, max_team_size=4)
    made = []
    for usernames, title, description, updates in spec["projects"]:
        members = [m for m in (_member(community, name) for name in usernames) if m is not None]
        if not members:
            continue
        project = project_services.project_propose(
            actor=members[0].user, community=community, event=event, title=title, description=description
        )
        for other in members[1:]:
            project_services.project_join(actor=other.user, community=community, event=event, project=project)
        for index, body in enumerate(updates):
            author = members[index % len(members)]
            project_services.project_update_post(
                actor=author.user, community=community, event=event, project=project, body=body
            )
        made.append((project, members))
    if made:
        project, members = made[min(spec["showcase"], len(made) - 1)]
        project_services.project_showcase(
            actor=members[0].user,
            community=community,
            event=event,
            project=project,
            description=spec["showcase_text"],
        )


def seed_competitions() -> int:
    """The demo competitions and project events; the number of communities given them."""
    seeded = 0
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    for slug, spec in DEMO.items():
        community = Community.objects.filter(slug=slug).first()
        owner = (
            Membership.objects.filter(community=community, role=Role.OWNER, status="active").first()
            if community
            else None
        )
        if (
            owner is None
            or Event.objects.for_community(community).filter(title=spec["competition"]["title"]).exists()
        ):
            continue
        _competition(community, owner.user, spec["competition"], now)
        _projects(community, owner.user, spec["project"], now)
        seeded += 1
    return seeded
