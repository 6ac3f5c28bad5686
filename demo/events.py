"""Demo events in both languages: a past meetup that members attended, an upcoming webinar that is
nearly full with its waitlist on (one more registration fills it, the next waits), and a recurring weekly
study session, in the English and the Chinese demo communities. All through the services; the past
meetup is registered for while it is upcoming and then moved into the past, as time would have.

Idempotent: a community that already has its demo meetup is left alone.
"""

from datetime import timedelta

from django.utils import timezone

from communities.models import Community
from communities.roles import Role
from events.models import Event
from events.services import events as event_services
from events.services import questions as event_question_services
from events.services import registrations as registration_services
from events.services.series import event_series_create
from members.models import Membership

EVENTS = {
    "python-beginners": {
        "meetup": {
            "title": "Python pub quiz and pizza",
            "description": "Our first in-person meetup: a friendly quiz on **lists, dicts and loops**, "
            "then pizza. Bring a laptop if you want to try the bonus round.",
            "venue": "The Old Library, room 2",
            "address": "12 Market Street",
            "map_url": "https://www.openstreetmap.org/",
            "registrants": ["member", "grace", "linus", "expert"],
        },
        "webinar": {
            "title": "Webinar: your first web scraper",
            "description": "A live, hands-on hour: fetch a page with `requests`, read it with "
            "`BeautifulSoup`, and save a CSV. Questions welcome in the chat.",
            "meeting_url": "https://meet.example.com/python-scraper",
            "capacity": 6,
            "registrants": ["member", "grace", "linus", "expert", "ada"],
            "question": "Which Python version do you have installed?",
            "answer": "3.12",
        },
        "study": {
            "title": "Weekly study session",
            "description": "One hour every week: we work through the week's exercise together and "
            "review each other's code.",
            "registrants": ["member", "linus"],
        },
    },
    "street-photography": {
        "meetup": {
            "title": "外滩夜拍聚会",
            "description": "第一次线下扫街:从外白渡桥出发,沿外滩拍夜景和人像,结束后一起喝咖啡**交流作品**。",
            "venue": "外白渡桥北侧",
            "address": "上海市虹口区",
            "map_url": "https://www.openstreetmap.org/",
            "registrants": ["member", "wang.lei", "liu.yang", "expert"],
        },
        "webinar": {
            "title": "线上讲座:街头摄影的构图与时机",
            "description": "一小时线上分享:如何预判瞬间、利用前景和光线。讲座后有问答环节。",
            "meeting_url": "https://meet.example.com/street-timing",
            "capacity": 6,
            "registrants": ["member", "wang.lei", "liu.yang", "expert", "chen.jing"],
            "question": "你平时用什么相机扫街?",
            "answer": "理光 GR III",
        },
        "study": {
            "title": "每周作品互评会",
            "description": "每周一次线上互评:每人带三张本周作品,轮流点评。",
            "registrants": ["member", "liu.yang"],
        },
    },
}


def _member(community: Community, username: str) -> Membership | None:
    return Membership.objects.filter(community=community, user__username=username, status="active").first()


def _register(community: Community, event: Event, usernames, answers=None) -> None:
    for username in usernames:
        member = _member(community, username)
        if member is not None:
            registration_services.registration_create(
                actor=member.user, community=community, event=event, answers=answers or {}
            )


def seed_events() -> int:
    """The demo events; the number of communities given them."""
    seeded = 0
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    for slug, spec in EVENTS.items():
        community = Community.objects.filter(slug=slug).first()
        owner = (
            Membership.objects.filter(community=community, role=Role.OWNER, status="active").first()
            if community
            else None
        )
        if (
            owner is None
            or Event.objects.for_community(community).filter(title=spec["meetup"]["title"]).exists()
        ):
            continue
        actor = owner.user
        meetup = spec["meetup"]
        past = event_services.event_create(
            actor=actor,
            community=community,
            kind="meetup",
            format="offline",
            title=meetup["title"],
            description=meetup["description"],
            venue=meetup["venue"],
            address=meetup["address"],
            map_url=meetup["map_url"],
            capacity=20,
            visibility="public",
            starts_at=now + timedelta(days=1),
            ends_at=now + timedelta(days=1, hours=3),
        )
        _register(community, past, meetup["registrants"])
        # Time passes: the meetup took place twelve days ago.
        Event.objects.filter(pk=past.pk).update(
            starts_at=now - timedelta(days=12), ends_at=now - timedelta(days=12, hours=-3)
        )
        webinar = spec["webinar"]
        event = event_services.event_create(
            actor=actor,
            community=community,
            kind="webinar",
            format="online",
            title=webinar["title"],
            description=webinar["description"],
            meeting_url=webinar["meeting_url"],
            capacity=webinar["capacity"],
            waitlist_enabled=True,
            visibility="members",
            starts_at=now + timedelta(days=5, hours=2),
            ends_at=now + timedelta(days=5, hours=3),
            registration_closes_at=now + timedelta(days=5),
        )
        question = event_question_services.registration_question_create(
            actor=actor, community=community, event=event, label=webinar["question"]
        )
        _register(community, event, webinar["registrants"], {str(question.pk): webinar["answer"]})
        study = spec["study"]
        series = event_series_create(
            actor=actor,
            community=community,
            rrule="FREQ=WEEKLY;COUNT=8",
            kind="other",
            format="online",
            title=study["title"],
            description=study["description"],
            meeting_url="https://meet.example.com/study",
            capacity=12,
            starts_at=now + timedelta(days=2, hours=1),
            ends_at=now + timedelta(days=2, hours=2),
        )
        first = series.occurrences.order_by("starts_at").first()
        _register(community, first, study["registrants"])
        seeded += 1
    return seeded
