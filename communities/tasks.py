from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

from communities.models import Notification


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_notification_email(notification_id: int) -> bool:
    """Email one notification in the recipient's language; False when it no longer exists."""
    notification = (
        Notification.objects.select_related("recipient", "community").filter(pk=notification_id).first()
    )
    if notification is None or not notification.recipient.email:
        return False
    language = notification.recipient.language or notification.community.language
    with translation.override(language):
        context = {
            "notification": notification,
            "site_url": settings.SITE_URL.rstrip("/"),
            "site_name": settings.SITE_NAME,
        }
        body = render_to_string("communities/email/notification.txt", context)
        subject = f"[{notification.community.name}] {notification.title}"
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [notification.recipient.email])
    return True
