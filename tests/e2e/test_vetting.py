"""Journey: someone applies to a community that vets its members, an operator finds the application
from the Manage area and approves it with one tap, and the applicant sees that they are in."""

import re

import pytest

from accounts.models import User
from members.models import Application, Membership

COMMUNITY = "/c/street-photography/"
# The demo's screening questions and answer choices (seed content, written in the community's Chinese).
WHY = "你为什么想加入街头摄影社?"
LEVEL = "有一定基础"
# The operator who vets reads the other language than the applicant's: the admin 陈静 vets an English
# reader, the English-speaking owner a Chinese one. The notice of the decision must reach the applicant
# in the applicant's language, whoever decided.
OPERATOR = {"en": ("chen.jing", "zh-hans"), "zh-hans": ("owner", "en")}
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_apply_and_be_vetted(journey, language):
    operator_name, operator_language = OPERATOR[language]
    User.objects.filter(username="outsider").update(language=language)
    User.objects.filter(username=operator_name).update(language=operator_language)
    trip = journey("vetting")
    applicant = trip.person("outsider")

    applicant.visit(COMMUNITY, "the community's home, not a member")
    applicant.click_link(f"{COMMUNITY}apply/")
    applicant.check("the application form")
    applicant.page.get_by_label(WHY).fill("想在周末和大家一起扫街,学习构图。")
    applicant.page.get_by_label(LEVEL).check()
    applicant.page.check("input[name=accept_rules]")
    applicant.submit("accept_rules")
    applicant.check("the application is sent")
    applicant.visit(f"{COMMUNITY}application/", "my application, pending")
    membership = Membership.objects.get(community__slug="street-photography", user__username="outsider")
    assert membership.status == "pending"
    application = Application.objects.get(membership=membership)

    operator = trip.person(operator_name)
    operator.visit(COMMUNITY, "the operator on the community's home")
    operator.click_link(f"{COMMUNITY}manage/")
    operator.check("the Manage area, with the pending applications counted")
    operator.click_link(f"{COMMUNITY}applications/")
    operator.check("the review queue")
    with operator.page.expect_navigation():
        operator.page.locator(f"button[form='approve-{application.pk}']").click()
    operator.check("the queue after approving with one tap")
    membership.refresh_from_db()
    assert membership.status == "active"

    applicant.visit(f"{COMMUNITY}application/", "my application, approved")
    applicant.visit(COMMUNITY, "the community's home, a member now")
    assert applicant.page.locator(f"a[href='{COMMUNITY}members/']").count(), "members see the directory link"
    applicant.visit("/me/notifications/", "the inbox tells of the decision")
    notice = applicant.page.locator("main li", has_text="街头摄影社").first.inner_text()
    words = notice.replace("街头摄影社", "")
    assert bool(CJK.search(words)) == (language == "zh-hans"), f"the notice is in {language}: {notice!r}"
    trip.assert_clean()
