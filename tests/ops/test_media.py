from django.conf import settings
from django.urls import resolve
from django.views.static import serve


def test_uploads_are_routed_with_debug_off():
    assert settings.SERVE_MEDIA and not settings.DEBUG
    match = resolve(f"{settings.MEDIA_URL}communities/logos/logo.png")
    assert match.func is serve
    assert match.kwargs["path"] == "communities/logos/logo.png"


def test_media_files_are_served(client):
    document_root = resolve(f"{settings.MEDIA_URL}x").kwargs["document_root"]
    target = document_root / "ops-test" / "hello.txt"
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        target.write_text("hello")
        response = client.get(f"{settings.MEDIA_URL}ops-test/hello.txt")
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == b"hello"
        assert client.get(f"{settings.MEDIA_URL}ops-test/missing.txt").status_code == 404
    finally:
        target.unlink(missing_ok=True)
        target.parent.rmdir()
