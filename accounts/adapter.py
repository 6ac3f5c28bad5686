"""allauth adapter: account emails are rendered in the request and sent by a Celery task."""

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings

from accounts.tasks import send_email


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
        message = self.render_mail(template_prefix, email, context)
        html = next(
            (
                content
                for content, mimetype in getattr(message, "alternatives", [])
                if mimetype == "text/html"
            ),
            "",
        )
        send_email.delay_on_commit(
            subject=message.subject,
            body=message.body,
            to=list(message.to),
            from_email=message.from_email or settings.DEFAULT_FROM_EMAIL,
            html=html,
        )
