from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    name = "learning"
    verbose_name = _("Learning")

    def ready(self):
        from learning.resource_notices import register_resource_kinds
        from learning.resource_reportables import register_resource_reportables

        register_resource_kinds()
        register_resource_reportables()
