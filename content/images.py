"""Images uploaded from the post editor: checked from the header (communities.images.check_image), then
decoded, turned upright, shrunk to fit MAX_SIDE and written again without metadata."""

import io
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

from communities.images import OUTPUT, check_image

MAX_SIDE = 1600  # pixels on the longer side: wide enough for a column of text on any screen


def post_image_file(file) -> SimpleUploadedFile:
    """The upload as a checked, resized, re-encoded image file (ValidationError when it is not one)."""
    check_image(file)
    file.seek(0)
    try:
        with Image.open(file) as source:
            out_format, extension, options = OUTPUT[source.format]
            image = ImageOps.exif_transpose(source)
            has_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
            image = image.convert("RGB" if out_format == "JPEG" or not has_alpha else "RGBA")
            image.thumbnail((MAX_SIDE, MAX_SIDE))
            image.info = {}
            buffer = io.BytesIO()
            image.save(buffer, out_format, **options)
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as exc:
        raise ValidationError(
            _("Upload a valid image. The file is not an image or is damaged."), code="invalid_image"
        ) from exc
    stem = Path(getattr(file, "name", "") or "image").stem[:80] or "image"
    return SimpleUploadedFile(f"{stem}.{extension}", buffer.getvalue(), content_type=Image.MIME[out_format])
