"""The critique exchange's pages: posting a work with images, critiquing with the rubric, helpful marks,
credits, the operators' page; bad input shown on the forms; XSS inert; constant queries on lists."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from content.models import CreditAccount, Critique, RubricCriterion, Work
from content.services import critiques as services
from tests import factories
from tests.content.critique_helpers import give_credits, png, post_work, scores_for, setup

pytestmark = pytest.mark.django_db
XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>[link](javascript:alert(1))'


def url(name, community, **kwargs):
    return reverse(f"content:{name}", kwargs={"slug": community.slug, **kwargs})


def signed_in(client, user):
    client.force_login(user)
    return client


def test_a_member_posts_a_work_with_images_and_links(client):
    community, _owner, author, _critic, _criteria = setup()
    give_credits(author, 2)
    response = signed_in(client, author.user).post(
        url("work-create", community),
        {
            "title": "Rain",
            "description": "Wet *streets*",
            "links": "https://example.com/a\n",
            "images": [png(), png("b.png")],
        },
    )
    work = Work.objects.get()
    assert response.status_code == 302 and response["Location"] == url(
        "work-detail", community, work_id=work.pk
    )
    assert work.images.count() == 2 and work.links == ["https://example.com/a"]
    page = client.get(url("work-detail", community, work_id=work.pk)).content.decode()
    assert "<em>streets</em>" in page and work.images.first().image.url in page
    assert CreditAccount.objects.get(membership=author).balance == 0


@pytest.mark.parametrize(
    "upload",
    [
        SimpleUploadedFile("evil.png", b"<?php echo 1; ?>", content_type="image/png"),
        SimpleUploadedFile("doc.pdf", b"%PDF-1.4 not an image", content_type="application/pdf"),
    ],
)
def test_a_file_that_is_not_an_image_is_a_form_error(client, upload):
    community, _owner, author, _critic, _criteria = setup()
    give_credits(author, 5)
    response = signed_in(client, author.user).post(
        url("work-create", community), {"title": "x", "images": [upload]}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["images"]
    assert not Work.objects.exists()


def test_without_enough_credits_the_form_says_so(client):
    community, _owner, author, _critic, _criteria = setup()
    response = signed_in(client, author.user).post(
        url("work-create", community), {"title": "x", "links": "https://example.com"}
    )
    assert response.status_code == 200
    assert "enough review credits" in response.content.decode()
    assert not Work.objects.exists()


def test_a_critic_scores_every_criterion_and_earns_credits(client):
    community, _owner, author, critic, criteria = setup()
    work = post_work(community, author)
    data = {"overall": "Lovely **light**"}
    for criterion in criteria:
        data[f"score_{criterion.pk}"] = "5"
        data[f"comment_{criterion.pk}"] = f"{criterion.name} is fine"
    response = signed_in(client, critic.user).post(url("work-detail", community, work_id=work.pk), data)
    assert response.status_code == 302
    critique = Critique.objects.get()
    assert critique.scores.count() == 3
    assert CreditAccount.objects.get(membership=critic).balance == 1
    page = client.get(url("work-detail", community, work_id=work.pk)).content.decode()
    assert "<strong>light</strong>" in page and "Light is fine" in page
    assert 'name="overall"' not in page  # once per critic: no second form


def test_a_critique_missing_a_score_is_a_form_error(client):
    community, _owner, author, critic, criteria = setup()
    work = post_work(community, author)
    response = signed_in(client, critic.user).post(
        url("work-detail", community, work_id=work.pk), {"overall": "x", f"score_{criteria[0].pk}": "9"}
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert f"score_{criteria[0].pk}" in form.errors and f"score_{criteria[1].pk}" in form.errors
    assert not Critique.objects.exists()


def test_the_author_sees_no_critique_form_and_marks_helpful(client):
    community, _owner, author, critic, criteria = setup()
    work = post_work(community, author)
    critique = services.critique_give(
        actor=critic.user, community=community, work=work, overall="Good", scores=scores_for(criteria)
    )
    signed_in(client, author.user)
    page = client.get(url("work-detail", community, work_id=work.pk)).content.decode()
    assert 'name="overall"' not in page
    helpful = url("critique-helpful", community, work_id=work.pk, critique_id=critique.pk)
    assert helpful in page
    assert client.post(helpful).status_code == 302
    assert CreditAccount.objects.get(membership=critic).helpful_received == 1
    client.post(helpful)  # twice: a flash message, not a 500
    assert CreditAccount.objects.get(membership=critic).helpful_received == 1


def test_posting_to_ones_own_work_is_refused_on_the_form(client):
    community, _owner, author, _critic, criteria = setup()
    work = post_work(community, author)
    data = {"overall": "me", **{f"score_{c.pk}": "5" for c in criteria}}
    response = signed_in(client, author.user).post(url("work-detail", community, work_id=work.pk), data)
    assert response.status_code == 200 and not Critique.objects.exists()


def test_xss_in_a_work_and_a_critique_is_inert(client):
    community, _owner, author, critic, criteria = setup()
    work = post_work(community, author, title=XSS, description=XSS)
    services.critique_give(
        actor=critic.user, community=community, work=work, overall=XSS, scores=scores_for(criteria)
    )
    signed_in(client, author.user)
    for page in (url("work-detail", community, work_id=work.pk), url("works", community)):
        body = client.get(page).content.decode()
        assert "<script>alert" not in body and "<img src=x" not in body
        assert 'href="javascript:' not in body


def test_works_are_for_members_only(client):
    community, _owner, author, _critic, _criteria = setup()
    work = post_work(community, author)
    response = client.get(url("work-detail", community, work_id=work.pk))
    assert response.status_code == 302  # to the login page
    outsider = factories.member().user
    assert signed_in(client, outsider).get(url("works", community)).status_code == 403


def test_the_queue_tab_shows_waiting_works_oldest_first(client):
    community, _owner, author, critic, _criteria = setup()
    first = post_work(community, author, title="First waiting")
    second = post_work(community, critic, title="Second waiting")
    page = signed_in(client, factories.member(community=community).user).get(
        url("works", community) + "?show=waiting"
    )
    body = page.content.decode()
    assert body.index(first.title) < body.index(second.title)


def test_operators_define_the_rubric_prices_and_grant_credits(client):
    community, owner, author, _critic, criteria = setup()
    signed_in(client, owner)
    assert client.get(url("critique-manage", community)).status_code == 200
    assert (
        client.post(url("criterion-create", community), {"name": "Colour", "guidance": "Harmony"}).status_code
        == 302
    )
    assert RubricCriterion.objects.filter(community=community, name="Colour").exists()
    response = client.post(
        url("criterion-edit", community, criterion_id=criteria[0].pk),
        {"name": "Framing", "guidance": "", "position": 9, "active": ""},
    )
    assert response.status_code == 302
    criteria[0].refresh_from_db()
    assert (criteria[0].name, criteria[0].active) == ("Framing", False)
    assert (
        client.post(
            url("critique-settings", community), {"request_cost": 3, "critique_reward": 2}
        ).status_code
        == 302
    )
    assert (
        client.post(
            url("credits-grant", community),
            {"username": author.user.username, "amount": 4, "reason": "Welcome"},
        ).status_code
        == 302
    )
    assert CreditAccount.objects.get(membership=author).balance == 4
    ledger = client.get(url("member-ledger", community, membership_id=author.pk)).content.decode()
    assert "Welcome" in ledger
    bad = client.post(url("credits-grant", community), {"username": "nobody", "amount": 0, "reason": ""})
    assert bad.status_code == 200 and {"username", "reason"} <= set(bad.context["grant_form"].errors)
    bad = client.post(url("critique-settings", community), {"request_cost": 1000, "critique_reward": -1})
    assert bad.status_code == 200 and bad.context["settings_form"].errors


def test_members_cannot_reach_the_operators_page(client):
    community, _owner, author, _critic, _criteria = setup()
    assert signed_in(client, author.user).get(url("critique-manage", community)).status_code == 403


def test_my_credits_page_shows_the_ledger(client):
    community, owner, author, _critic, _criteria = setup()
    services.credits_grant(
        actor=owner, community=community, membership=author, amount=3, reason="Thanks for the meetup"
    )
    body = signed_in(client, author.user).get(url("credits", community)).content.decode()
    assert "Thanks for the meetup" in body


def test_pages_render_in_chinese(client):
    community, _owner, author, _critic, _criteria = setup()
    post_work(community, author)
    author.user.language = "zh-hans"
    author.user.save()
    body = signed_in(client, author.user).get(url("works", community)).content.decode()
    assert "点评" in body


def _works(community, n):
    for i in range(n):
        post_work(community, factories.member(community=community), title=f"Work {i}", images=[png()])


# Queries of a page, whatever the number of works: the session and account, the community and
# membership, the unread count, the member's credits and the prices, the page's count, the works with
# their authors, their images.
PAGE_QUERIES = {"all": 9, "waiting": 9, "mine": 9}


@pytest.mark.parametrize("tab", ["all", "waiting", "mine"])
@pytest.mark.parametrize("works", [2, 8])
def test_the_work_list_has_constant_queries(client, django_assert_num_queries, tab, works):
    community, _owner, author, _critic, _criteria = setup()
    _works(community, works)
    post_work(community, author, title="Mine")
    signed_in(client, author.user)
    with django_assert_num_queries(PAGE_QUERIES[tab]):
        assert client.get(url("works", community) + f"?show={tab}").status_code == 200


@pytest.mark.parametrize("critiques", [1, 6])
def test_a_work_page_has_constant_queries(client, django_assert_num_queries, critiques):
    community, _owner, author, _critic, criteria = setup()
    work = post_work(community, author, images=[png(), png()])
    for _ in range(critiques):
        critic = factories.member(community=community)
        services.critique_give(
            actor=critic.user, community=community, work=work, overall="x", scores=scores_for(criteria)
        )
    signed_in(client, author.user)
    with django_assert_num_queries(9):
        assert client.get(url("work-detail", community, work_id=work.pk)).status_code == 200
