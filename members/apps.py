from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = _("Members")

    def ready(self):
        from members import versioning
        from members.notices import register_kinds

        versioning.connect()
        register_kinds()
