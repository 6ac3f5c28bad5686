from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        from events.competition_notices import register_competition_kinds
        from events.notices import register_attendance_kinds, register_event_kinds
        from events.reportables import register_event_reportables

        register_event_kinds()
        register_attendance_kinds()
        register_competition_kinds()
        register_event_reportables()
