"""What the content HTML tests share: a logged-in browser client and the content namespace's URLs."""

from django.test import Client
from django.urls import reverse


def client_for(user=None) -> Client:
    """A browser client logged in as `user` (anonymous when None)."""
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def url(name, community, *args) -> str:
    """The content page `name` of `community`, with the URL's further arguments in order."""
    return reverse(f"content:{name}", args=[community.slug, *args])
