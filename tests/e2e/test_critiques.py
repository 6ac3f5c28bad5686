"""Journey: a member asks for critique of a new work (with an image), an expert finds it in the reviewers'
queue and critiques it with the community's rubric, the author marks the critique helpful, and the credits
move: spent by the author, earned by the critic, who gains reputation."""

import io

import pytest
from PIL import Image

from accounts.models import User
from content.models import CreditAccount, Critique, RubricCriterion, Work

COMMUNITY = "/c/street-photography/"
TITLE = "Crossing at rush hour"


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (320, 240), "#457b9d").save(buffer, "PNG")
    return buffer.getvalue()


def balance(username: str) -> CreditAccount:
    return CreditAccount.objects.get(
        community__slug="street-photography", membership__user__username=username
    )


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_critique_a_work(journey, language):
    User.objects.filter(username__in=["member", "expert"]).update(language=language)
    before_author, before_critic = balance("member").balance, balance("expert")
    trip = journey("critiques")

    author = trip.person("member")
    author.visit(COMMUNITY, "the community's home")
    author.click_link(f"{COMMUNITY}critiques/")
    author.check("the critique exchange")
    author.click_link(f"{COMMUNITY}critiques/new/")
    author.check("the form asking for critique")
    author.page.fill("input[name=title]", TITLE)
    author.page.fill("textarea[name=description]", "Long exposure, 1/8 s. Does the **blur** read as motion?")
    author.page.set_input_files(
        "input[name=images]", files=[{"name": "crossing.png", "mimeType": "image/png", "buffer": png_bytes()}]
    )
    author.submit("title")
    author.check("the posted work")
    work = Work.objects.get(title=TITLE)
    assert work.images.count() == 1
    work_page = f"{COMMUNITY}critiques/{work.pk}/"

    critic = trip.person("expert")
    critic.visit(f"{COMMUNITY}critiques/?show=waiting", "the reviewers' queue")
    critic.click_link(work_page)
    critic.check("the work, with the rubric form")
    for criterion in RubricCriterion.objects.filter(community=work.community, active=True):
        critic.page.check(f"input[name=score_{criterion.pk}][value='4']")
        critic.page.fill(f"textarea[name=comment_{criterion.pk}]", f"{criterion.name}: good")
    critic.page.fill("textarea[name=overall]", "The blur works; keep one face sharp to anchor it.")
    critic.submit("overall")
    critic.check("the critique is posted")
    critique = Critique.objects.get(work=work)
    assert critique.scores.count() == 3

    author.visit(work_page, "the author reads the critique")
    helpful = f"{work_page}critiques/{critique.pk}/helpful/"
    with author.page.expect_navigation():
        author.page.locator(f"form[action='{helpful}'] button[type=submit]").click()
    author.check("the critique is marked helpful")
    author.click_link(f"{COMMUNITY}critiques/")
    author.check("back to the critique exchange")
    author.click_link(f"{COMMUNITY}critiques/credits/")
    author.check("the author's credits and ledger")

    critique.refresh_from_db()
    assert critique.helpful
    assert balance("member").balance == before_author - 2
    after = balance("expert")
    assert (after.balance, after.helpful_received) == (
        before_critic.balance + 1,
        before_critic.helpful_received + 1,
    )
    trip.assert_clean()
