"""When the rules change, existing members accept the new version on their next visit (site and API).

Until then the writes that take part (posting, reporting, the profile...) answer
`rules_acceptance_required`; running the community and leaving do not wait for it.
"""

import pytest
from django.urls import reverse

from analytics.models import ActivityEvent
from communities import services as community_services
from communities.errors import RulesAcceptanceRequired
from members.models import Membership, RuleAcceptance
from members.services import onboarding
from members.services.membership import rules_version_accept
from tests import factories
from tests.api.helpers import assert_error

pytestmark = pytest.mark.django_db


@pytest.fixture
def changed(community, owner):
    """A member who joined under version 1; the rules then changed (version 2)."""
    community_services.rule_create(actor=owner, community=community, category="conduct", title="Be kind")
    member = factories.member(community=community)
    community_services.rule_create(actor=owner, community=community, category="conduct", title="Credit")
    community.refresh_from_db()
    member.refresh_from_db()
    return member


def test_publishing_a_version_asks_existing_members_to_accept_it(community, changed):
    assert community.rules_version == 2
    assert (changed.rules_accepted, changed.rules_pending) == (1, 2)
    newcomer = factories.member(community=community)
    assert newcomer.rules_pending is None  # joined under the current rules


def test_participation_waits_for_the_acceptance(community, changed):
    with pytest.raises(RulesAcceptanceRequired):
        onboarding.introduction_post(actor=changed.user, community=community, text="Hello")
    membership = rules_version_accept(actor=changed.user, community=community, accepted_rules_version=2)
    assert (membership.rules_accepted, membership.rules_pending) == (2, None)
    assert RuleAcceptance.objects.filter(membership=changed, rules_version__number=2).exists()
    assert ActivityEvent.objects.filter(verb="rules.accepted", actor=changed.user).count() == 1
    onboarding.introduction_post(actor=changed.user, community=community, text="Hello")


def test_accepting_a_stale_or_unknown_version_is_refused(community, changed):
    from members import errors

    for number in (1, 3):
        with pytest.raises(errors.RulesNotAccepted):
            rules_version_accept(actor=changed.user, community=community, accepted_rules_version=number)
    assert Membership.objects.get(pk=changed.pk).rules_accepted == 1


def test_operators_still_run_the_community_before_accepting(community, owner):
    """Only taking part waits: a moderator who has not accepted the new version still moderates."""
    from members.services import moderation

    moderator = factories.member(community=community, role="moderator")
    subject = factories.member(community=community)
    community_services.rule_create(actor=owner, community=community, category="conduct", title="Be kind")
    moderator.refresh_from_db()
    assert moderator.rules_pending == 1
    moderation.member_warn(actor=moderator.user, community=community, membership=subject, reason="x")


def test_the_publisher_has_accepted_what_they_published(community, owner, changed):
    publisher = Membership.objects.get(community=community, user=owner)
    assert (publisher.rules_accepted, publisher.rules_pending) == (2, None)
    assert RuleAcceptance.objects.filter(membership=publisher).count() == 2


def test_site_shows_the_banner_with_the_form_and_accepting_clears_it(client_for, community, changed):
    client = client_for(changed.user)
    home = reverse("communities:home", args=[community.slug])
    page = client.get(home).content.decode()
    accept = reverse("members:rules-accept", args=[community.slug])
    assert f'action="{accept}"' in page and 'name="accepted_rules_version" value="2"' in page
    refused = client.post(reverse("members:welcome", args=[community.slug]), {"text": "Hello"})
    assert refused.context["form"].non_field_errors() == [str(RulesAcceptanceRequired.message)]
    assert client.post(accept, {"accepted_rules_version": "2"}).status_code == 302
    assert accept not in client.get(home).content.decode()
    assert (
        client.post(reverse("members:welcome", args=[community.slug]), {"text": "Hello"}).status_code == 302
    )


def test_site_accept_form_with_a_bad_number_changes_nothing(client_for, community, changed):
    client = client_for(changed.user)
    accept = reverse("members:rules-accept", args=[community.slug])
    for value in ("", "x", "1"):
        response = client.post(accept, {"accepted_rules_version": value}, follow=True)
        assert response.status_code == 200
    assert Membership.objects.get(pk=changed.pk).rules_accepted == 1
    outsider = factories.UserFactory()
    assert client_for(outsider).post(accept, {"accepted_rules_version": "2"}).status_code == 403


def test_api_shows_the_pending_version_and_accepts_it(api_client_for, community, changed):
    client = api_client_for(changed.user)
    membership_url = reverse("api:membership", args=[community.slug])
    assert client.get(membership_url).json()["pending_rules_version"] == 2
    intro = reverse("api:onboarding-introductions", args=[community.slug])
    assert_error(client.post(intro, {"text": "Hi"}), 403, "rules_acceptance_required")
    accept = reverse("api:membership-accept-rules", args=[community.slug])
    assert_error(client.post(accept, {"accepted_rules_version": 1}), 400, "rules_not_accepted")
    assert client.post(accept, {}).status_code == 400
    body = client.post(accept, {"accepted_rules_version": 2}).json()
    assert (body["pending_rules_version"], body["accepted_rules_version"]) == (None, 2)
    assert client.post(intro, {"text": "Hi"}).status_code == 201


def test_leaving_does_not_wait_for_the_acceptance(api_client_for, community, changed):
    response = api_client_for(changed.user).delete(reverse("api:membership", args=[community.slug]))
    assert response.status_code == 204
