"""Logo, cover and avatar uploads: a pixel limit read from the header, then re-encoded without metadata.

The same processor (communities/images.py) serves the HTML forms, the API and the admin.
"""

import io
import struct
import zlib

import pytest
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from PIL.PngImagePlugin import PngInfo

from communities.models import Community
from tests import factories

EXIF_MAKE = 0x010F


def header_only_png(width: int, height: int) -> SimpleUploadedFile:
    """A valid PNG header declaring `width` x `height` with a few bytes of pixels: tiny to upload, huge
    to decode. Pillow's verify() passes (the chunks and checksums are right), so only a pixel limit read
    from the header refuses it."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    body = chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")
    return SimpleUploadedFile("bomb.png", b"\x89PNG\r\n\x1a\n" + body, content_type="image/png")


def jpeg_with_exif() -> SimpleUploadedFile:
    exif = Image.Exif()
    exif[EXIF_MAKE] = "Spy camera"
    buffer = io.BytesIO()
    Image.new("RGB", (16, 16), "#2f6f4f").save(buffer, "JPEG", exif=exif.tobytes(), comment=b"secret")
    return SimpleUploadedFile("photo.jpeg", buffer.getvalue(), content_type="image/jpeg")


def image(size=(16, 16), image_format="PNG", name="logo.png", **options) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    mode = "P" if image_format == "GIF" else "RGBA"
    Image.new(mode, size).save(buffer, image_format, **options)
    return SimpleUploadedFile(name, buffer.getvalue())


def stored(field_file) -> Image.Image:
    field_file.open("rb")
    try:
        picture = Image.open(io.BytesIO(field_file.read()))
        picture.load()
        return picture
    finally:
        field_file.close()


@pytest.fixture
def owner_client(client, community, owner):
    client.force_login(owner)
    return client


def test_pillow_refuses_what_the_setting_refuses():
    assert Image.MAX_IMAGE_PIXELS == django_settings.MAX_IMAGE_PIXELS


def test_13000_square_png_logo_is_refused_on_the_site(owner_client, community):
    response = owner_client.post(
        reverse("communities:settings-branding", args=[community.slug]),
        {"accent_color": "#2f6f4f", "logo": header_only_png(13_000, 13_000)},
    )
    assert response.status_code == 200
    assert response.context["form"].has_error("logo", "image_too_many_pixels")
    community.refresh_from_db()
    assert not community.logo


@pytest.mark.parametrize("size", [(4097, 4096), (13_000, 13_000)])
def test_oversized_cover_is_refused_by_the_api(api_client_for, community, owner, size):
    response = api_client_for(owner).patch(
        reverse("api:community-detail", kwargs={"community_slug": community.slug}),
        {"cover_image": header_only_png(*size)},
        format="multipart",
    )
    assert response.status_code == 400, response.content
    assert response.json()["code"] == "image_too_many_pixels"
    community.refresh_from_db()
    assert not community.cover_image


def test_oversized_avatar_is_refused(client, db):
    user = factories.UserFactory()
    client.force_login(user)
    response = client.post(
        reverse("accounts:settings"), {"timezone": "UTC", "avatar": header_only_png(5000, 5000)}
    )
    assert response.status_code == 200
    assert response.context["form"].has_error("avatar", "image_too_many_pixels")
    user.refresh_from_db()
    assert not user.avatar


def test_pixel_limit_follows_the_setting(api_client_for, community, owner, settings):
    settings.MAX_IMAGE_PIXELS = 100
    response = api_client_for(owner).patch(
        reverse("api:community-detail", kwargs={"community_slug": community.slug}),
        {"logo": image(size=(11, 10))},
        format="multipart",
    )
    assert response.json()["code"] == "image_too_many_pixels"


def test_the_admin_refuses_an_oversized_logo(client, community, db):
    admin = factories.UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)
    url = reverse("admin:communities_community_change", args=[community.pk])
    form = client.get(url).context["adminform"].form
    images = {"logo", "cover_image"}
    data = {name: value for name, value in form.initial.items() if value is not None and name not in images}
    response = client.post(url, {**data, "logo": header_only_png(13_000, 13_000)})
    assert response.status_code == 200
    assert "logo" in response.context["adminform"].form.errors
    community.refresh_from_db()
    assert not community.logo


def test_uploaded_jpeg_is_re_encoded_without_its_metadata(api_client_for, community, owner):
    response = api_client_for(owner).patch(
        reverse("api:community-detail", kwargs={"community_slug": community.slug}),
        {"logo": jpeg_with_exif()},
        format="multipart",
    )
    assert response.status_code == 200, response.content
    community.refresh_from_db()
    picture = stored(community.logo)
    assert picture.format == "JPEG" and picture.size == (16, 16)
    assert not picture.getexif() and "comment" not in picture.info and "exif" not in picture.info


def test_png_text_chunks_are_dropped_and_a_gif_becomes_a_png(owner_client, community):
    text = PngInfo()
    text.add_text("Author", "someone@example.com")
    owner_client.post(
        reverse("communities:settings-branding", args=[community.slug]),
        {
            "accent_color": "#2f6f4f",
            "logo": image(pnginfo=text),
            "cover_image": image(image_format="GIF", name="cover.gif"),
        },
    )
    community = Community.objects.get(pk=community.pk)
    logo, cover = stored(community.logo), stored(community.cover_image)
    assert logo.format == "PNG" and "Author" not in logo.info
    assert cover.format == "PNG" and community.cover_image.name.endswith(".png")
