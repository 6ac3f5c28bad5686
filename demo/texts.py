# ruff: noqa: RUF001 -- Chinese text takes full-width punctuation (docs/i18n.md)
"""The demo's own texts in each demo community's language: the Chinese community's in Chinese.

These are what people in the community wrote (a welcome message, introductions, notes), so they are
seeded as written in the community's language, not translated for each reader like the platform's texts.
"""

from communities.models import Community

TEXTS = {
    "en": {
        "welcome": (
            "Welcome, {name}! Open your welcome page for the newcomer guide and say hello to everyone."
        ),
        "guide": (
            "1. Read the rules.\n2. Fill in your profile so others can find you.\n"
            "3. Introduce yourself on the welcome page.\n4. Join the next event."
        ),
        "introductions": [
            "Hi! I have been practising for a year and I am here to learn from critiques.",
            "Hello everyone, happy to share what I know and to meet people nearby.",
        ],
        "bio": "I practise **{skill}** with {community}.",
        "learning_needs": "Feedback on my recent work.",
        "goals": "Take part in one event a month.",
        "note": "Offered to help with the next meetup.",
        "invitations": ["Friends from the spring meetup", "New moderator"],
        "join_links": ["WeChat group", "Partner newsletter"],
        "recruit": "Recruit {n}",
        "touchpoints": [
            "Talked about hosting the next photo walk.",
            "Coffee after the meetup; wants a critique night.",
        ],
    },
    "zh-hans": {
        "welcome": "欢迎你，{name}！打开你的欢迎页，读一读新人指南，再和大家打个招呼吧。",
        "guide": (
            "1. 阅读社区规则。\n2. 完善个人资料，方便影友找到你。\n"
            "3. 在欢迎页做个自我介绍。\n4. 报名参加下一次扫街活动。"
        ),
        "introductions": [
            "大家好！我拍街头一年了，来这里是想多听听大家的点评。",
            "大家好，很高兴认识同城的影友，也乐意分享我的拍摄经验。",
        ],
        "bio": "我在{community}练习**{skill}**。",
        "learning_needs": "希望大家点评我最近的作品。",
        "goals": "每个月参加一次活动。",
        "note": "主动提出帮忙组织下一次线下活动。",
        "invitations": ["春季聚会认识的朋友", "新版主"],
        "join_links": ["微信群", "合作伙伴通讯"],
        "recruit": "新成员 {n}",
        "touchpoints": ["聊了由他带队下一次扫街的事。", "活动后一起喝咖啡；想办一次读片会。"],
    },
}


def texts_for(community: Community) -> dict:
    """The demo texts in `community`'s language (English for a language the demo has no texts in)."""
    return TEXTS.get(community.language, TEXTS["en"])
