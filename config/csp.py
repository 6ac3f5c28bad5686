"""The Content-Security-Policy header, with a fresh nonce for each response.

Django 5.2 has no CSP support of its own (6.0 adds one); this middleware is the small part we need.
Scripts and styles load from this site only; an inline `<script>` or `<style>` runs only when it carries
the response's nonce (`nonce="{{ request.csp_nonce }}"` in a template). The directives are the setting
CONTENT_SECURITY_POLICY, where "{nonce}" stands for the nonce; CSP_REPORT_ONLY sends the policy as
Content-Security-Policy-Report-Only to try a change without breaking pages (docs/deploy.md). With DEBUG
on, error responses go without it: Django's technical 404 and 500 pages style themselves inline.
"""

import secrets

from django.conf import settings


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.csp_nonce = secrets.token_urlsafe(16)
        response = self.get_response(request)
        header = (
            "Content-Security-Policy-Report-Only" if settings.CSP_REPORT_ONLY else "Content-Security-Policy"
        )
        debug_page = settings.DEBUG and response.status_code >= 400
        if settings.CONTENT_SECURITY_POLICY and header not in response and not debug_page:
            response[header] = policy_header(request.csp_nonce)
        return response


def policy_header(nonce: str) -> str:
    """The policy of the setting as a header value, "{nonce}" replaced by `nonce`."""
    return "; ".join(
        " ".join([directive, *(source.replace("{nonce}", nonce) for source in sources)])
        for directive, sources in settings.CONTENT_SECURITY_POLICY.items()
    )
