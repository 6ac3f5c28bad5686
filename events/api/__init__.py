"""The events API."""
