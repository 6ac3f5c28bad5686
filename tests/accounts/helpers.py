"""Helpers of the accounts tests."""

import io
import re

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

PASSWORD = "pass-word-123"  # the password tests.factories.UserFactory sets


def png_upload(name="avatar.png", size=(8, 8), image_format="PNG"):
    buffer = io.BytesIO()
    Image.new("RGB", size, "#2f6f4f").save(buffer, image_format)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def link_in(message, pattern: str) -> str:
    """The first URL in an email body whose path contains `pattern`."""
    match = re.search(rf"https?://[^\s]+{pattern}[^\s]*", message.body)
    assert match, message.body
    return match.group(0)


def error_codes(form, field: str) -> list[str]:
    return [error.code for error in form.errors.as_data().get(field, [])]
