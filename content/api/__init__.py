"""The content API."""
