"""Sign-up with mandatory email verification, login, logout, password change and reset (allauth)."""

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from accounts.models import User
from tests.accounts.helpers import PASSWORD, link_in

NEW_PASSWORD = "another-long-secret-42"


def signup(client, username="ada"):
    return client.post(
        reverse("account_signup"),
        {
            "username": username,
            "email": f"{username}@example.com",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )


def logged_in_user_id(client):
    return client.session.get("_auth_user_id")


@pytest.mark.django_db
def test_signup_sends_the_verification_email_through_the_task_after_commit(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        response = signup(client)
        assert mail.outbox == []  # nothing is sent inside the request's transaction
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    for callback in callbacks:
        callback()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["ada@example.com"]
    assert "/accounts/confirm-email/" in mail.outbox[0].body
    assert not EmailAddress.objects.get(email="ada@example.com").verified


@pytest.mark.django_db
def test_unverified_account_cannot_log_in(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        signup(client)
    client.logout()
    response = client.post(reverse("account_login"), {"login": "ada", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert logged_in_user_id(client) is None


@pytest.mark.django_db
def test_confirming_the_email_verifies_it_and_logs_in(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        signup(client)
    confirm_url = link_in(mail.outbox[0], "/accounts/confirm-email/")
    page = client.get(confirm_url)
    assert page.status_code == 200
    assert b'class="form card"' in page.content  # rendered by our allauth elements, in the site layout

    response = client.post(confirm_url)

    assert response.status_code == 302
    assert EmailAddress.objects.get(email="ada@example.com").verified
    assert logged_in_user_id(client) == str(User.objects.get(username="ada").pk)


@pytest.mark.django_db
@pytest.mark.parametrize("login", ["username", "email"])
def test_verified_user_logs_in_with_username_or_email(client, user, login):
    response = client.post(reverse("account_login"), {"login": getattr(user, login), "password": PASSWORD})
    assert response.status_code == 302
    assert logged_in_user_id(client) == str(user.pk)


@pytest.mark.django_db
def test_wrong_password_re_renders_the_login_form(client, user):
    response = client.post(reverse("account_login"), {"login": user.username, "password": "wrong"})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert logged_in_user_id(client) is None


@pytest.mark.django_db
def test_logout_ends_the_session(user_client):
    response = user_client.post(reverse("account_logout"))
    assert response.status_code == 302
    assert logged_in_user_id(user_client) is None


@pytest.mark.django_db
def test_password_change(user_client, user):
    response = user_client.post(
        reverse("account_change_password"),
        {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)


@pytest.mark.django_db
def test_password_change_refuses_a_wrong_current_password(user_client, user):
    response = user_client.post(
        reverse("account_change_password"),
        {"oldpassword": "not-it", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 200
    assert "oldpassword" in response.context["form"].errors
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


@pytest.mark.django_db
def test_password_reset_by_email(client, user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("account_reset_password"), {"email": user.email})
    assert response.status_code == 302
    assert response["Location"] == reverse("account_reset_password_done")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [user.email]

    reset_url = link_in(mail.outbox[0], "/accounts/password/reset/key/")
    form_url = client.get(reset_url)["Location"]  # allauth moves the key out of the URL
    response = client.post(form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == reverse("account_reset_password_from_key_done")
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url_name",
    ["account_login", "account_signup", "account_reset_password", "account_reset_password_done"],
)
def test_entrance_pages_use_the_site_layout(client, url_name):
    response = client.get(reverse(url_name))
    assert response.status_code == 200
    assert b'class="site-header"' in response.content
    assert b'class="page-header"' in response.content


@pytest.mark.django_db
@pytest.mark.parametrize("url_name", ["account_email", "account_change_password", "account_logout"])
def test_account_management_pages_show_the_account_tabs(user_client, url_name):
    response = user_client.get(reverse(url_name))
    assert response.status_code == 200
    assert b'class="tabs"' in response.content
    assert b'aria-current="page"' in response.content or url_name == "account_logout"


@pytest.mark.django_db
@pytest.mark.parametrize("final_login", ["username", "email"])
def test_failed_logins_by_username_and_by_email_count_as_one_account(client, user, final_login):
    """Five failures lock the account (ACCOUNT_RATE_LIMITS, 5/5m per key) however the login names it."""
    for login in [user.username, user.username.upper(), user.email, user.email.upper(), user.username]:
        client.post(reverse("account_login"), {"login": login, "password": "wrong"})
    response = client.post(
        reverse("account_login"), {"login": getattr(user, final_login), "password": PASSWORD}
    )
    assert response.status_code == 200
    assert logged_in_user_id(client) is None
    assert response.context["form"].non_field_errors()


@pytest.mark.django_db
def test_failures_against_one_account_do_not_lock_another(client, user):
    other = User.objects.create_user(username="grace", email="grace@example.com", password=PASSWORD)
    EmailAddress.objects.create(user=other, email=other.email, primary=True, verified=True)
    for _attempt in range(5):
        client.post(reverse("account_login"), {"login": user.email, "password": "wrong"})
    response = client.post(reverse("account_login"), {"login": other.username, "password": PASSWORD})
    assert response.status_code == 302
    assert logged_in_user_id(client) == str(other.pk)


@pytest.mark.django_db
def test_account_emails_name_the_site_from_settings(client, settings, django_capture_on_commit_callbacks):
    """Not "Hello from !": the name and address come from SITE_NAME and SITE_URL, in the reader's language."""
    settings.SITE_NAME = "Atelier"
    settings.SITE_URL = "https://atelier.example.org/"
    with django_capture_on_commit_callbacks(execute=True):
        signup(client)
    (message,) = mail.outbox
    assert "Hello from Atelier!" in message.body
    assert "Thank you for using Atelier!" in message.body and "atelier.example.org" in message.body
    assert "from !" not in message.body
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("account_reset_password"), {"email": "ada@example.com"}, HTTP_ACCEPT_LANGUAGE="zh-hans"
        )
    (reset,) = mail.outbox
    assert "Atelier" in reset.body and "from !" not in reset.body
