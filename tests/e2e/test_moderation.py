"""Journey: a member reports another for breaking a rule, a moderator warns them from the moderation
queue (reached from the Manage area), the owner finds the decision in the audit log and the warned member
reads it in their inbox."""

import pytest

from accounts.models import User
from members.models import Membership

COMMUNITY = "/c/python-beginners/"
REPORT = "Posted the same advert for a paid course in three threads today."
WARNING = "Please keep adverts out of the discussions (rule: no recruiting or advertising)."


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_report_and_moderate(journey, language):
    User.objects.filter(username__in=["member", "moderator", "owner", "linus"]).update(language=language)
    subject = Membership.objects.get(community__slug="python-beginners", user__username="linus")
    profile = f"{COMMUNITY}members/{subject.pk}/"
    trip = journey("moderation")

    reporter = trip.person("member")
    reporter.visit(f"{COMMUNITY}members/", "the member directory")
    reporter.click_link(profile)
    reporter.check("the reported member's profile")
    reporter.click_link(f"{COMMUNITY}report/?target_type=members.membership&target_id={subject.pk}")
    reporter.check("the report form")
    reporter.page.select_option("select[name=rule]", label="No recruiting or advertising")
    reporter.page.fill("textarea[name=reason]", REPORT)
    reporter.submit("reason")
    reporter.check("the report is sent")

    moderator = trip.person("moderator")
    moderator.visit(COMMUNITY, "the moderator on the community's home")
    moderator.click_link(f"{COMMUNITY}manage/")
    moderator.check("the Manage area, with the open report counted")
    moderator.click_link(f"{COMMUNITY}moderation/")
    moderator.check("the moderation queue")
    group = moderator.page.locator("section", has_text=REPORT)
    with moderator.page.expect_navigation():
        group.locator(f"a[href^='{COMMUNITY}moderation/reports/']").click()
    moderator.check("the reports under review")
    moderator.page.check("input[name=action][value=warn]")
    moderator.page.fill("textarea[name=reason]", WARNING)
    moderator.submit("action")
    moderator.check("the decision is applied")

    owner = trip.person("owner")
    owner.visit(COMMUNITY, "the owner on the community's home")
    owner.click_link(f"{COMMUNITY}manage/")
    owner.check("the owner's Manage area")
    owner.click_link(f"{COMMUNITY}audit/")
    owner.check("the audit log")
    assert owner.page.get_by_text(WARNING).count(), "the audit log shows the warning and its reason"

    warned = trip.person("linus")
    warned.visit("/me/notifications/", "the warned member's inbox")
    assert warned.page.get_by_text(WARNING).count(), "the warned member reads the moderator's reason"
    trip.assert_clean()
