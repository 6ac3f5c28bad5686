"""HTML routes of content (namespace "content"), one module per sub-domain, all under c/<slug>/."""

from content.urls import critiques, questions, sessions

app_name = "content"

urlpatterns = [
    *questions.urlpatterns,
    *sessions.urlpatterns,
    *critiques.urlpatterns,
]
