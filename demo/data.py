"""The demo world as data: accounts, three communities, their rules and who holds which membership.

This is seed content (what a community's operators would type), not interface text, so it is not marked
for translation; the Chinese community is written in Chinese on purpose.
"""

DEMO_PASSWORD = "guildhall-demo"  # documented in README.md

# username -> (display name, language, time zone, is_superuser)
ACCOUNTS = {
    "owner": ("Olivia Owner", "en", "Europe/London", False),
    "moderator": ("Mo Moderator", "en", "Europe/Berlin", False),
    "expert": ("Erin Expert", "en", "America/New_York", False),
    "member": ("Max Member", "en", "UTC", False),
    "applicant": ("Ari Applicant", "en", "UTC", False),
    "outsider": ("Oscar Outsider", "en", "Europe/Paris", False),
    "admin": ("Site Admin", "en", "UTC", True),
    # Further members, in every role and status.
    "chen.jing": ("陈静", "zh-hans", "Asia/Shanghai", False),
    "wang.lei": ("王磊", "zh-hans", "Asia/Shanghai", False),
    "liu.yang": ("刘洋", "zh-hans", "Asia/Shanghai", False),
    "zhao.hui": ("赵辉", "zh-hans", "Asia/Shanghai", False),
    "sun.li": ("孙丽", "zh-hans", "Asia/Shanghai", False),
    "zhou.min": ("周敏", "zh-hans", "Asia/Shanghai", False),
    "huang.tao": ("黄涛", "zh-hans", "Asia/Shanghai", False),
    "ada": ("Ada", "en", "Europe/London", False),
    "grace": ("Grace", "en", "America/New_York", False),
    "linus": ("Linus", "en", "Europe/Helsinki", False),
    "ken": ("Ken", "en", "America/Los_Angeles", False),
    "spammer": ("Cheap Followers", "en", "UTC", False),
    "mei": ("Mei", "en", "Asia/Singapore", False),
    "dieter": ("Dieter", "en", "Europe/Berlin", False),
    "paula": ("Paula", "en", "America/Sao_Paulo", False),
    "massimo": ("Massimo", "en", "Europe/Rome", False),
}

COMMUNITIES = [
    {
        "owner": "owner",
        "fields": {
            "slug": "street-photography",
            "name": "街头摄影社",
            "skill_domain": "photography",
            "tagline": "用镜头记录城市的日常与瞬间",
            "positioning": "面向中文用户的街头摄影交流社区:每周拍摄主题、作品点评和线下扫街活动。",
            "target_audience": (
                "有一定基础、希望提升构图与叙事能力的业余摄影爱好者,以及想认识同城影友的新人。"
            ),
            "description": (
                "## 欢迎来到街头摄影社\n\n"
                "我们每周发布一个拍摄主题,成员上传作品并互相点评;每月组织一次线下扫街。\n\n"
                "- 每周主题与作品墙\n- 资深摄影师的点评时间\n- 同城扫街与读片会"
            ),
            "culture": "尊重被摄者,真诚点评,乐于分享拍摄参数与经验。",
            "visibility": "public",
            "join_policy": "application",
            "language": "zh-hans",
            "timezone": "Asia/Shanghai",
            "accent_color": "#b3432b",
        },
        "rules": [
            ("joining", "申请时请附上三张你的街拍作品", "作品用于了解你的拍摄方向,不要求专业水准。"),
            ("conduct", "尊重被摄者的肖像权与隐私", "拍摄儿童或明显不愿入镜的人时,请征得同意或放弃拍摄。"),
            ("communication", "点评对事不对人", "指出问题的同时,请给出具体的改进建议。"),
            ("content", "只发布本人拍摄的作品", "转载他人作品请注明作者与出处,并仅用于讨论。"),
            ("content", "作品请附上拍摄参数", "相机、焦段、光圈、快门和感光度,方便大家学习。"),
            ("conduct", "禁止广告与引流", "器材交易请到每月的交易帖中进行。"),
        ],
        "memberships": [
            ("moderator", "moderator", "active"),
            ("expert", "expert", "active"),
            ("member", "member", "active"),
            ("applicant", "member", "pending"),
            ("chen.jing", "admin", "active"),
            ("wang.lei", "member", "active"),
            ("liu.yang", "member", "active"),
            ("huang.tao", "member", "pending"),
            ("zhao.hui", "member", "banned"),
            ("sun.li", "member", "left"),
            ("zhou.min", "member", "rejected"),
        ],
    },
    {
        "owner": "owner",
        "fields": {
            "slug": "python-beginners",
            "name": "Python Beginners",
            "skill_domain": "programming",
            "tagline": "Your first steps in Python, together.",
            "positioning": "A friendly place to learn Python from zero: weekly exercises, code reviews and "
            "office hours with experienced developers.",
            "target_audience": "People writing their first programs: students, career changers and "
            "scientists who need to automate their work.",
            "description": (
                "## Welcome\n\nEvery Monday we post an exercise; on Thursday an expert reviews the "
                "solutions live.\n\n- Weekly exercises\n- Code review threads\n- Monthly project sprint"
            ),
            "culture": "No question is too basic. Show your code, say what you tried, thank who helped.",
            "visibility": "public",
            "join_policy": "open",
            "language": "en",
            "timezone": "Europe/London",
            "accent_color": "#3572a5",
        },
        "rules": [
            (
                "communication",
                "Post code as text, not screenshots",
                "Use fenced code blocks so people can run it.",
            ),
            ("communication", "Say what you expected and what happened", "Include the full error message."),
            ("conduct", "Be patient with beginners", "Everybody starts somewhere; no sarcasm."),
            ("content", "No homework outsourcing", "We help you learn; we do not hand in your assignment."),
            ("conduct", "No recruiting or advertising", "Job posts go to the monthly jobs thread."),
        ],
        "memberships": [
            ("moderator", "moderator", "active"),
            ("expert", "expert", "active"),
            ("member", "member", "active"),
            ("ada", "admin", "active"),
            ("grace", "member", "active"),
            ("linus", "member", "active"),
            ("ken", "member", "left"),
            ("spammer", "member", "banned"),
        ],
    },
    {
        "owner": "mei",
        "fields": {
            "slug": "design-critique",
            "name": "Design Critique Circle",
            "skill_domain": "design",
            "tagline": "Honest, kind critique for working designers.",
            "positioning": "A small invitation-only circle where product and visual designers show work in "
            "progress and get structured critique.",
            "target_audience": "Designers with two or more years of practice who want candid peer review.",
            "description": (
                "## How we work\n\nEach week two members present work in progress; everyone answers the "
                "same three questions: what works, what does not, what to try next."
            ),
            "culture": "Critique the work, never the person. What is shown here stays here.",
            "visibility": "private",
            "join_policy": "invitation",
            "language": "en",
            "timezone": "Europe/Berlin",
            "accent_color": "#7a4fb3",
        },
        "rules": [
            ("joining", "Membership is by invitation of a member", "Invite people whose work you know."),
            ("conduct", "Confidentiality", "Work shown in the circle is not shared outside it."),
            ("communication", "Use the three questions", "What works, what does not, what to try next."),
            ("communication", "Give context with your work", "Say who it is for and what feedback you want."),
            ("content", "Show work in progress", "Finished portfolio pieces belong elsewhere."),
            ("conduct", "Credit ideas", "Name the member whose critique shaped your revision."),
            ("joining", "Present within your first two months", "Everyone shows work, not only critiques."),
        ],
        "memberships": [
            ("outsider", "member", "active"),
            ("dieter", "admin", "active"),
            ("massimo", "moderator", "active"),
            ("paula", "expert", "active"),
        ],
    },
]

# Participation verbs spread over the last 60 days, with their relative weights.
ACTIVITY_VERBS = {
    "post.published": 3,
    "reply.created": 6,
    "reaction.added": 8,
    "event.registered": 2,
    "event.attended": 1,
    "learning.step_completed": 3,
    "user.logged_in": 5,
}
ACTIVITY_DAYS = 60
EVENTS_PER_ACTIVE_MEMBER = 12
