from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContentConfig(AppConfig):
    name = "content"
    verbose_name = _("Content")

    def ready(self):
        from content import versioning
        from content.notices import (
            register_conversation_kinds,
            register_critique_kinds,
            register_discussion_kinds,
            register_following_kinds,
            register_post_kinds,
            register_question_kinds,
            register_session_kinds,
        )
        from content.reportables import (
            register_conversation_reportables,
            register_critique_reportables,
            register_discussion_reportables,
            register_post_reportables,
            register_question_reportables,
            register_session_reportables,
        )
        from content.services.search_kinds import register_search_kinds

        register_post_kinds()
        register_post_reportables()
        register_question_kinds()
        register_question_reportables()
        register_session_kinds()
        register_session_reportables()
        register_critique_kinds()
        register_critique_reportables()
        register_discussion_kinds()
        register_discussion_reportables()
        register_following_kinds()
        register_conversation_kinds()
        register_conversation_reportables()
        register_search_kinds()
        versioning.connect()
