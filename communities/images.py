"""Uploaded images (community logo and cover, user avatar): checked from the header, then re-encoded.

One processor for every path an image arrives by (HTML forms, the API, the admin):
1. `check_image` reads the byte size and the header only (`Image.open` does not decode the pixels) and
   refuses other formats than PNG, JPEG, GIF and WebP, and more pixels than MAX_IMAGE_PIXELS: a small
   file can declare 13,000 x 13,000 pixels and take gigabytes to decode.
2. `reencoded` then decodes it and writes a fresh file: EXIF orientation applied, metadata (EXIF with
   GPS positions, comments, colour profiles) dropped, JPEG kept as JPEG and WebP as WebP, PNG and GIF
   written as PNG (an animated GIF keeps its first frame).
Pillow's own MAX_IMAGE_PIXELS is set to the same limit (CommunitiesConfig.ready), so any other code that
opens an image refuses a far larger one too.
"""

import io
import warnings
from pathlib import Path

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError
from rest_framework import serializers

ALLOWED_IMAGE_FORMATS = {"PNG", "JPEG", "GIF", "WEBP"}
# Format read -> (format written, file extension, save options).
OUTPUT = {
    "JPEG": ("JPEG", "jpg", {"quality": 88, "optimize": True}),
    "WEBP": ("WEBP", "webp", {"quality": 88}),
    "PNG": ("PNG", "png", {}),
    "GIF": ("PNG", "png", {}),
}


def _too_many_pixels() -> ValidationError:
    limit = settings.MAX_IMAGE_PIXELS
    return ValidationError(
        _("The image has too many pixels: at most %(limit)s million (for example %(side)s x %(side)s)."),
        code="image_too_many_pixels",
        params={"limit": round(limit / 1_000_000, 1), "side": int(limit**0.5)},
    )


def check_image(file) -> None:
    """Refuse a file over MAX_IMAGE_UPLOAD_BYTES, not a PNG, JPEG, GIF or WebP, or over MAX_IMAGE_PIXELS.

    Reads the header only; the file position is left at the start.
    """
    if file.size > settings.MAX_IMAGE_UPLOAD_BYTES:
        raise ValidationError(
            _("The image is too large (%(size)s KB); the limit is %(limit)s KB."),
            code="file_too_large",
            params={"size": file.size // 1024, "limit": settings.MAX_IMAGE_UPLOAD_BYTES // 1024},
        )
    file.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # refused just below
            with Image.open(file) as image:
                image_format, (width, height) = image.format, image.size
    except Image.DecompressionBombError as exc:  # past twice Pillow's limit: refused before any size
        raise _too_many_pixels() from exc
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as exc:
        raise ValidationError(
            _("Upload a valid image. The file is not an image or is damaged."), code="invalid_image"
        ) from exc
    finally:
        file.seek(0)
    if image_format not in ALLOWED_IMAGE_FORMATS:
        raise ValidationError(_("Upload a PNG, JPEG, GIF or WebP image."), code="invalid_image_format")
    if width * height > settings.MAX_IMAGE_PIXELS:
        raise _too_many_pixels()


def reencoded(file) -> SimpleUploadedFile:
    """A new upload holding the image decoded and written again without its metadata.

    Call `check_image` first: this decodes every pixel.
    """
    file.seek(0)
    try:
        with Image.open(file) as source:
            out_format, extension, options = OUTPUT[source.format]
            image = ImageOps.exif_transpose(source)
            has_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
            image = image.convert("RGB" if out_format == "JPEG" or not has_alpha else "RGBA")
            image.info = {}
            buffer = io.BytesIO()
            image.save(buffer, out_format, **options)
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as exc:
        raise ValidationError(
            _("Upload a valid image. The file is not an image or is damaged."), code="invalid_image"
        ) from exc
    stem = Path(file.name or "image").stem[:80] or "image"
    return SimpleUploadedFile(f"{stem}.{extension}", buffer.getvalue(), content_type=Image.MIME[out_format])


class ImageUploadField(forms.ImageField):
    """The form field of every image upload: checked from the header, verified, then re-encoded."""

    def to_python(self, data):
        if data in self.empty_values or not hasattr(data, "size"):
            return super().to_python(data)
        check_image(data)
        return reencoded(super().to_python(data))


class ImageUploadSerializerField(serializers.ImageField):
    """The API's image field: the same checks and re-encoding as the forms (ImageUploadField)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("_DjangoImageField", ImageUploadField)
        super().__init__(*args, **kwargs)


# ModelAdmin.formfield_overrides: the admin's image uploads take the same path.
IMAGE_UPLOADS = {models.ImageField: {"form_class": ImageUploadField}}
