"""Small helpers shared by the API and security tests."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image

from analytics.models import ActivityEvent
from communities.models import Community, Rule, RulesVersion
from members.models import Membership, RuleAcceptance


def png_upload(name: str = "logo.png", size: tuple[int, int] = (8, 8)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, "#2f6f4f").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def assert_error(response, status: int, code: str) -> dict:
    """The response is the project's error body with `code` and HTTP `status`."""
    assert response.status_code == status, response.content
    body = response.json()
    assert set(body) == {"code", "detail", "fields"}
    assert body["code"] == code, body
    return body


def query_count(call) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = call()
    assert response.status_code == 200, response.content
    return len(captured)


def row_counts() -> dict[str, int]:
    """Rows of the tables a community write may touch; compare before/after a refused request.

    The day's "community.visited" event, written by `communities.visits.MemberVisitMiddleware` after
    a member's first read of the day, is not a write of the request itself and is left out.
    """
    counts = {
        model.__name__: model.objects.count()
        for model in (Community, Membership, Rule, RulesVersion, RuleAcceptance)
    }
    counts["ActivityEvent"] = ActivityEvent.objects.exclude(verb="community.visited").count()
    return counts
