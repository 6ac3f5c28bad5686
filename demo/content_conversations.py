"""Demo private conversations in both languages, so the demo "member" account's inbox shows something.

Python Beginners: the moderator welcomes the member (the last message is unread), and the owner pairs the
member with the expert for a code review (a group of three). 街头摄影社: the moderator and the member, in
Chinese. Written through the services (counts, read state, coalesced notices and activity are what the
site would have made), then dated back so the inbox reads like a real one.

Idempotent: a community that already has conversations is left alone.
"""

from datetime import timedelta

from django.utils import timezone

from communities.models import Community
from content.models import Conversation, Message
from content.services import conversations as services
from members.models import Membership

CONVERSATIONS = {
    "python-beginners": [
        {
            "subject": "Welcome, and a tip for your first question",
            "people": ["moderator", "member"],
            "messages": [
                (
                    "moderator",
                    50,
                    "Welcome to Python Beginners! When you ask a question, paste the code as a "
                    "fenced block:\n\n```python\nprint('hello')\n```\n\nand the full error message.",
                ),
                ("member", 49, "Thanks! I will. Is it fine to ask very basic things?"),
                ("moderator", 3, "Absolutely: that is what the community is for. Ask away."),
            ],
        },
        {
            "subject": "Code review pairing",
            "people": ["owner", "member", "expert"],
            "messages": [
                (
                    "owner",
                    30,
                    "Erin, Max: you are this month's review pair. Max shares a small script, "
                    "Erin reviews it.",
                ),
                ("expert", 28, "Happy to. Max, send me a link or paste it here when it is ready."),
                ("member", 26, "Here is my CSV script: it reads a file and prints the averages per column."),
                ("expert", 20, "Nice start. Use `csv.DictReader` and you can drop the index juggling."),
            ],
        },
    ],
    "street-photography": [
        {
            "subject": "欢迎加入街头摄影社",
            "people": ["moderator", "member"],
            "messages": [
                (
                    "moderator",
                    40,
                    "欢迎!发作品时请附上拍摄参数(相机、焦段、光圈、快门、感光度),方便大家点评。",
                ),
                ("member", 39, "谢谢提醒!我主要用手机拍,也需要写参数吗?"),
                ("moderator", 5, "需要的,手机也能看到参数。写上焦段和时间就很有帮助。"),
            ],
        },
    ],
}


def _members(community: Community, usernames: list[str]) -> list[Membership] | None:
    found = {
        membership.user.username: membership
        for membership in Membership.objects.filter(
            community=community, user__username__in=usernames, status="active"
        ).select_related("user")
    }
    return [found[name] for name in usernames] if len(found) == len(usernames) else None


def seed_conversations() -> int:
    """Start and reply to the demo conversations; the number of conversations made."""
    made = 0
    for slug, conversations in CONVERSATIONS.items():
        community = Community.objects.filter(slug=slug).first()
        if community is None or Conversation.objects.for_community(community).exists():
            continue
        for spec in conversations:
            made += _seed_conversation(community, spec)
    return made


def _seed_conversation(community: Community, spec: dict) -> int:
    people = _members(community, spec["people"])
    if people is None:
        return 0
    by_name = {membership.user.username: membership for membership in people}
    (first_sender, _hours, first_body), *replies = spec["messages"]
    starter = by_name[first_sender]
    conversation = services.conversation_start(
        actor=starter.user,
        community=community,
        recipient_ids=[member.pk for member in people if member.pk != starter.pk],
        subject=spec["subject"],
        body=first_body,
    )
    for sender, _hours, body in replies:
        services.message_send(
            actor=by_name[sender].user, community=community, conversation=conversation, body=body
        )
    _date_back(community, conversation, [hours for _sender, hours, _body in spec["messages"]])
    return 1


def _date_back(community: Community, conversation: Conversation, hours_ago: list[int]) -> None:
    """Give the messages (oldest first) the times of the story (read state is by count: unchanged)."""
    now = timezone.now()
    messages = Message.objects.for_community(community).filter(conversation=conversation).order_by("pk")
    times = [now - timedelta(hours=hours) for hours in hours_ago]
    for message, when in zip(messages, times, strict=True):
        Message.objects.filter(community=community, pk=message.pk).update(created_at=when)
    Conversation.objects.filter(community=community, pk=conversation.pk).update(
        created_at=times[0], last_message_at=times[-1]
    )
