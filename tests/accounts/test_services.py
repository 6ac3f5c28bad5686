import pytest
from django.core.exceptions import ValidationError

from accounts import services
from tests import factories


@pytest.mark.django_db
def test_profile_update_validates_before_saving():
    user = factories.UserFactory()
    with pytest.raises(ValidationError) as raised:
        services.profile_update(user=user, changes={"display_name": "Ada", "timezone": "Nowhere/Atlantis"})
    assert raised.value.error_dict["timezone"][0].code == "invalid_timezone"
    user.refresh_from_db()
    assert (user.display_name, user.timezone) == ("", "UTC")


@pytest.mark.django_db
def test_profile_update_only_touches_profile_fields():
    user = factories.UserFactory()
    with pytest.raises(ValueError, match="is_staff"):
        services.profile_update(user=user, changes={"is_staff": True})


@pytest.mark.django_db
def test_language_set():
    user = factories.UserFactory()
    services.language_set(user=user, language="zh-hans")
    user.refresh_from_db()
    assert user.language == "zh-hans"
