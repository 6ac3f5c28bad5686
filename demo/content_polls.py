"""Demo polls in both languages: a poll in each community's topic of the week, with votes, and members
following it (whoever started or replied follows already, through the services).

Idempotent: a topic that already has a poll is left alone.
"""

from communities.models import Community
from content.models import Poll, PollOption, Topic
from content.services import follows as follow_services
from content.services import polls as services
from members.models import Membership

POLLS = {
    "python-beginners": {
        "question": "Which FizzBuzz trick did you like best?",
        "options": ["A dictionary lookup", "String multiplication", "itertools.cycle", "I still prefer if"],
        "multiple": False,
        "author": "owner",
        "votes": {"grace": [1], "member": [0], "linus": [1], "expert": [1]},
        "followers": ["linus"],
    },
    "street-photography": {
        "question": "雨天扫街,你最常用哪些焦段?(可多选)",
        "options": ["24mm 以下", "28mm", "35mm", "50mm", "85mm 以上"],
        "multiple": True,
        "author": "owner",
        "votes": {"member": [1, 2], "expert": [2, 3], "wang.lei": [2], "liu.yang": [0, 2]},
        "followers": ["chen.jing"],
    },
}


def _member(community: Community, username: str) -> Membership | None:
    return Membership.objects.filter(community=community, user__username=username, status="active").first()


def seed_polls() -> int:
    """Add the demo polls to the topics of the week; the number of polls made."""
    made = 0
    for slug, spec in POLLS.items():
        community = Community.objects.filter(slug=slug).first()
        topic = (
            Topic.objects.for_community(community).filter(is_prompt=True).order_by("pk").first()
            if community
            else None
        )
        author = _member(community, spec["author"]) if topic else None
        if (
            topic is None
            or author is None
            or Poll.objects.for_community(community).filter(topic=topic).exists()
        ):
            continue
        poll = services.poll_create(
            actor=author.user,
            community=community,
            topic=topic,
            question=spec["question"],
            options=spec["options"],
            multiple=spec["multiple"],
        )
        options = list(PollOption.objects.for_community(community).filter(poll=poll).order_by("position"))
        for username, chosen in spec["votes"].items():
            voter = _member(community, username)
            if voter is not None:
                ids = [options[index].pk for index in chosen]
                services.poll_vote(actor=voter.user, community=community, poll=poll, option_ids=ids)
        for username in spec["followers"]:
            follower = _member(community, username)
            if follower is not None:
                follow_services.topic_follow(actor=follower.user, community=community, topic=topic)
        made += 1
    return made
