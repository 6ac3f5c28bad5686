from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Seed data for demos and benchmarks. It may import every app; no app imports it."""

    name = "demo"
    verbose_name = "Demo data"
