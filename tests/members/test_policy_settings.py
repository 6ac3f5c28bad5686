"""The member-policy settings: the HTML tab and GET/PATCH /member-policy/, with the same validation."""

import pytest
from django.urls import reverse

from members.models import MemberPolicy
from members.selectors.policy import policy_for
from members.services.trust import THRESHOLD_KEYS
from tests import factories

pytestmark = pytest.mark.django_db

THRESHOLDS = {
    "1": dict.fromkeys(THRESHOLD_KEYS, 1),
    "2": dict.fromkeys(THRESHOLD_KEYS, 1) | {"days_visited": 5},
    "3": dict.fromkeys(THRESHOLD_KEYS, 1) | {"days_visited": 9, "max_flags": 0},
}


def page(community):
    return reverse("members:policy", args=[community.slug])


def api(community):
    return reverse("api:member-policy", kwargs={"community_slug": community.slug})


def form_data(**overrides):
    data = {
        "reapply_cooldown_days": "10",
        "welcome_message": "Hello {name}!",
        "newcomer_guide": "Read the rules.",
        "skill_levels": "novice\npro",
        "trust_lookback_days": "200",
        "trust_demotion_grace_days": "3",
    }
    for level, counts in THRESHOLDS.items():
        data.update({f"level{level}-{key}": str(n) for key, n in counts.items()})
    data.update({"limits0-links": "0", "limits0-images": "", "limits1-links": "4", "limits1-images": "4"})
    data.update({"limits2-links": "", "limits2-images": ""})
    data.update(overrides)
    return data


# --- HTML ---------------------------------------------------------------------------------------------------


def test_owner_sees_the_tab_with_the_current_policy(client_for, community, owner):
    response = client_for(owner).get(page(community))
    assert response.status_code == 200
    assert response.context["tab"] == "members"
    assert response.context["form"]["skill_levels"].value() == "beginner\nintermediate\nadvanced\nexpert"
    assert reverse("members:policy", args=[community.slug]).encode() in response.content


def test_owner_saves_the_whole_policy(client_for, community, owner):
    response = client_for(owner).post(page(community), form_data())
    assert response.status_code == 302
    policy = policy_for(community=community)
    assert policy.skill_levels == ["novice", "pro"]
    assert policy.trust_thresholds == THRESHOLDS
    assert policy.new_member_limits == {
        "0": {"links": 0, "images": None},
        "1": {"links": 4, "images": 4},
        "2": {"links": None, "images": None},
    }
    assert (policy.reapply_cooldown_days, policy.trust_lookback_days, policy.trust_demotion_grace_days) == (
        10,
        200,
        3,
    )


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"skill_levels": "only one"}, "skill_levels"),
        ({"skill_levels": "a\nb\nA"}, "skill_levels"),
        ({"skill_levels": "\n".join(f"l{i}" for i in range(11))}, "skill_levels"),
        ({"trust_lookback_days": "0"}, "trust_lookback_days"),
        ({"trust_demotion_grace_days": "-1"}, "trust_demotion_grace_days"),
    ],
)
def test_bad_input_is_shown_on_the_field_and_nothing_is_saved(client_for, community, owner, overrides, field):
    before = policy_for(community=community).skill_levels
    response = client_for(owner).post(page(community), form_data(**overrides))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert policy_for(community=community).skill_levels == before


def test_a_level_asking_less_than_the_one_below_is_refused(client_for, community, owner):
    response = client_for(owner).post(page(community), form_data(**{"level3-days_visited": "2"}))
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert policy_for(community=community).trust_thresholds["3"]["days_visited"] == 50


def test_a_negative_threshold_is_a_field_error_of_its_level(client_for, community, owner):
    response = client_for(owner).post(page(community), form_data(**{"level2-posts": "-3"}))
    levels = dict(response.context["threshold_forms"])
    assert "posts" in levels["2"].errors


@pytest.mark.parametrize("role", ["moderator", "expert", "member"])
def test_other_roles_are_refused(client_for, community, role):
    user = factories.member(community=community, role=role).user
    assert client_for(user).get(page(community)).status_code == 403
    assert client_for(user).post(page(community), form_data()).status_code == 403


def test_admin_may_edit_and_anonymous_goes_to_login(client_for, community):
    admin = factories.member(community=community, role="admin").user
    assert client_for(admin).post(page(community), form_data()).status_code == 302
    assert client_for().get(page(community)).status_code == 302


def test_private_community_is_404_for_outsiders(client_for):
    community = factories.CommunityFactory(visibility="private")
    assert client_for(factories.UserFactory()).get(page(community)).status_code == 404


# --- API ----------------------------------------------------------------------------------------------------


def test_api_reads_the_policy(api_client_for, community, owner):
    response = api_client_for(owner).get(api(community))
    assert response.status_code == 200
    assert response.json()["skill_levels"] == ["beginner", "intermediate", "advanced", "expert"]
    assert set(response.json()["trust_thresholds"]) == {"1", "2", "3"}


def test_api_patches_some_fields(api_client_for, community, owner):
    response = api_client_for(owner).patch(
        api(community), {"trust_lookback_days": 365, "trust_thresholds": THRESHOLDS}, format="json"
    )
    assert response.status_code == 200, response.json()
    policy = policy_for(community=community)
    assert policy.trust_lookback_days == 365 and policy.trust_thresholds == THRESHOLDS
    assert policy.reapply_cooldown_days == 30  # untouched


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"trust_thresholds": {"1": THRESHOLDS["1"]}}, "trust_thresholds"),
        ({"trust_thresholds": {**THRESHOLDS, "2": {**THRESHOLDS["2"], "karma": 3}}}, "trust_thresholds"),
        ({"trust_thresholds": {**THRESHOLDS, "2": {**THRESHOLDS["2"], "posts": "3"}}}, "trust_thresholds"),
        ({"trust_thresholds": {**THRESHOLDS, "2": {**THRESHOLDS["2"], "posts": True}}}, "trust_thresholds"),
        ({"new_member_limits": {"3": {"links": 1, "images": 1}}}, "new_member_limits"),
        ({"new_member_limits": {"0": {"links": -1, "images": 1}}}, "new_member_limits"),
        ({"new_member_limits": {"0": {"links": 1}}}, "new_member_limits"),
        ({"skill_levels": ["solo"]}, "skill_levels"),
        ({"skill_levels": ["a", "a"]}, "skill_levels"),
        ({"skill_levels": "a,b"}, "skill_levels"),
        ({"trust_lookback_days": 0}, "trust_lookback_days"),
        ({"reapply_cooldown_days": "soon"}, "reapply_cooldown_days"),
        ({"warning_ladder": []}, "warning_ladder"),
    ],
)
def test_api_bad_input_is_400_with_the_field_and_nothing_saved(api_client_for, community, owner, body, field):
    before = MemberPolicy.objects.filter(community=community).values().first()
    response = api_client_for(owner).patch(
        api(community), {**body, "trust_demotion_grace_days": 1}, format="json"
    )
    assert response.status_code == 400
    assert field in response.json()["fields"]
    assert MemberPolicy.objects.filter(community=community).values().first() == before


@pytest.mark.parametrize("role", ["moderator", "expert", "member"])
def test_api_other_roles_are_refused(api_client_for, community, role):
    user = factories.member(community=community, role=role).user
    assert api_client_for(user).get(api(community)).status_code == 403
    assert (
        api_client_for(user).patch(api(community), {"trust_lookback_days": 5}, format="json").status_code
        == 403
    )


def test_api_another_communitys_owner_and_banned_members_are_refused(api_client_for, community):
    other_owner = factories.member(community=factories.CommunityFactory(), role="owner").user
    banned = factories.member(community=community, role="admin", status="banned").user
    for user in (other_owner, banned, None):
        assert api_client_for(user).patch(
            api(community), {"trust_lookback_days": 5}, format="json"
        ).status_code in (
            401,
            403,
        )
    assert policy_for(community=community).trust_lookback_days == 100
