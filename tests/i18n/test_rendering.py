"""Pages, form errors, flash messages and API errors come out in the language the visitor asked for."""

# The expected Chinese text uses full-width punctuation on purpose.
# ruff: noqa: RUF001

import re
from html import unescape

import pytest
from django.urls import reverse

from tests import factories

ZH = "zh-hans"
EN = "en"


def community_url(name):
    return lambda club: reverse(name, kwargs={"slug": club.slug})


def fixed_url(name):
    return lambda club: reverse(name)


# (page, url, who visits, status, strings of the Chinese page, strings of the English page)
PAGES = [
    ("directory", fixed_url("communities:directory"), None, 200,
     ["找到你的社区", "社区目录", "技能社区之家"], ["Find your community", "Community directory"]),
    ("community home", community_url("communities:home"), None, 200,
     ["概览", "1 名成员", "行为准则"], ["At a glance", "1 member", "Conduct"]),
    ("join", community_url("members:join"), "outsider", 200,
     ["加入 Lens Club", "我已阅读并接受社区规则（第 1 版）"],
     ["Join Lens Club", "I have read and accept the rules (version 1)"]),
    ("create", fixed_url("communities:create"), "outsider", 200,
     ["基本信息", "技能领域", "宗旨与人群"], ["Identity", "Skill domain", "Purpose and people"]),
    ("settings: profile", community_url("communities:settings-profile"), "owner", 200,
     ["保存资料", "危险操作"], ["Save the profile", "Danger zone"]),
    ("settings: branding", community_url("communities:settings-branding"), "owner", 200,
     ["保存品牌外观", "主题色"], ["Save the branding", "Accent colour"]),
    ("settings: rules", community_url("communities:settings-rules"), "owner", 200,
     ["当前规则", "版本历史"], ["Current rules", "Version history"]),
    ("settings: danger zone", community_url("communities:settings-danger"), "owner", 200,
     ["归档社区", "永久删除社区"], ["Archive the community", "Delete the community forever"]),
    ("account settings", fixed_url("accounts:settings"), "outsider", 200,
     ["个人资料与偏好", "保存设置"], ["Profile and preferences", "Save settings"]),
    ("tokens", fixed_url("accounts:tokens"), "outsider", 200,
     ["个人 API 令牌", "你还没有 API 令牌。"], ["Personal API tokens", "You have no API tokens yet."]),
    ("login", fixed_url("account_login"), None, 200,
     ["登录", "忘记密码？"], ["Sign In", "Forgot your password?"]),
    ("sign-up", fixed_url("account_signup"), None, 200,
     ["已经有一个账号？", "密码"], ["Already have an account?", "Password"]),
    ("404", lambda club: "/c/no-such-community/", None, 404,
     ["页面不存在", "返回社区目录"], ["Page not found", "Back to the directory"]),
]  # fmt: skip


@pytest.mark.parametrize(("language", "lang_attr"), [(ZH, ZH), (EN, EN)])
@pytest.mark.parametrize(("page", "url", "who", "status", "zh", "en"), PAGES, ids=[p[0] for p in PAGES])
def test_page_is_rendered_in_the_chosen_language(
    browser, club, visitor, language, lang_attr, page, url, who, status, zh, en
):
    response = browser(language, visitor(who)).get(url(club))
    assert response.status_code == status
    html = response.content.decode()
    assert f'<html lang="{lang_attr}">' in html
    expected, absent = (zh, en) if language == ZH else (en, zh)
    assert [text for text in expected if text not in html] == []
    assert [text for text in absent if text in html] == []


@pytest.mark.parametrize("header", ["zh-Hans", "zh-CN,zh;q=0.9,en;q=0.5", "zh"])
def test_accept_language_header_selects_chinese(browser, club, header):
    html = browser(header, via="header").get(reverse("communities:directory")).content.decode()
    assert f'<html lang="{ZH}">' in html
    assert "找到你的社区" in html


def test_without_a_preference_pages_are_in_english(client, db):
    html = client.get(reverse("communities:directory")).content.decode()
    assert '<html lang="en">' in html
    assert "Find your community" in html


def test_saved_account_language_wins_over_the_browser(browser, club):
    user = factories.UserFactory(language=ZH)
    html = browser(EN, user, via="header").get(reverse("communities:home", args=[club.slug])).content.decode()
    assert f'<html lang="{ZH}">' in html
    assert "概览" in html


@pytest.mark.parametrize(
    ("language", "slug_error", "required_error"),
    [
        (ZH, "请使用 3-50 个小写字母、数字或连字符", "该字段是必填项。"),
        (EN, "Use 3-50 lowercase letters, digits or hyphens", "This field is required."),
    ],
)
def test_form_errors_are_in_the_chosen_language(browser, outsider, language, slug_error, required_error):
    response = browser(language, outsider).post(reverse("communities:create"), {"slug": "ab"})
    assert response.status_code == 200
    html = response.content.decode()
    assert slug_error in html
    assert required_error in html


@pytest.mark.parametrize(
    ("language", "welcome"), [(ZH, "欢迎加入 Lens Club！"), (EN, "Welcome to Lens Club!")]
)
def test_flash_messages_are_in_the_chosen_language(browser, club, outsider, language, welcome):
    client = browser(language, outsider)
    response = client.post(
        reverse("members:join", args=[club.slug]), {"rules_version": 1, "accept_rules": "on"}, follow=True
    )
    assert welcome in response.content.decode()


@pytest.mark.parametrize(
    ("language", "detail"),
    [
        (ZH, "该社区不支持直接加入，请提交申请或通过邀请加入。"),
        (EN, "This community does not accept direct joins; apply or use an invitation."),
    ],
)
def test_api_domain_error_detail_is_translated(api, outsider, language, detail):
    club = factories.CommunityFactory(join_policy="application")
    response = api(language, outsider).post(reverse("api:membership", args=[club.slug]), {}, format="json")
    assert response.status_code == 403
    assert response.json() == {"code": "join_not_open", "detail": detail, "fields": {}}
    assert response["Content-Language"] == language


@pytest.mark.parametrize(
    ("language", "detail"),
    [(ZH, "您没有执行该操作的权限。"), (EN, "You do not have permission to perform this action.")],
)
def test_api_permission_error_detail_is_translated(api, club, outsider, language, detail):
    factories.member(community=club, user=outsider)
    url = reverse("api:community-detail", args=[club.slug])
    response = api(language, outsider).patch(url, {"name": "Mine"}, format="json")
    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"
    assert response.json()["detail"] == detail


@pytest.mark.parametrize(
    ("language", "field_message"),
    [(ZH, "此处不能设置该字段。"), (EN, "This field cannot be set here.")],
)
def test_api_field_errors_are_translated(api, club, club_owner, language, field_message):
    url = reverse("api:community-detail", args=[club.slug])
    response = api(language, club_owner).patch(url, {"slug": "renamed"}, format="json")
    assert response.status_code == 400
    assert response.json()["code"] == "unknown_field"
    assert response.json()["fields"] == {"slug": [field_message]}


def visible_text(html: str) -> str:
    """Text nodes and the attributes people read (title, alt, placeholder, aria-label), one per line.

    Left out: <select> options (time zone names), <code>/<pre> (commands and keys) and scripts.
    """
    html = re.sub(r"<(script|style|select|code|pre)\b.*?</\1>", " ", html, flags=re.S)
    attributes = re.findall(r'\b(?:title|alt|placeholder|aria-label)="([^"]*)"', html)
    return unescape("\n".join([re.sub(r"<[^>]+>", "\n", html), *attributes]))


# Names the test data and the layout show in every language.
NAMES = ["Lens Club", "lens-club", "Be kind", "Guildhall", "English", "简体中文"]
ENGLISH_PHRASE = re.compile(r"[A-Za-z]{2,}[,.]?(?: [A-Za-z]{2,}[,.!?]?)+")
CHINESE = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


@pytest.mark.parametrize(("page", "url", "who", "status", "zh", "en"), PAGES, ids=[p[0] for p in PAGES])
def test_no_phrase_is_left_in_the_other_language(browser, club, visitor, page, url, who, status, zh, en):
    """Catches strings that were never marked: an English phrase on a Chinese page, or the reverse."""
    chinese, english = (
        visible_text(browser(language, visitor(who)).get(url(club)).content.decode()) for language in (ZH, EN)
    )
    for name in NAMES:
        chinese, english = chinese.replace(name, " "), english.replace(name, " ")
    assert ENGLISH_PHRASE.findall(chinese) == []
    assert CHINESE.findall(english) == []
