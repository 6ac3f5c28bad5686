"""HTML routes of content (namespace "content"), one module per sub-domain, all under c/<slug>/."""

from content.urls import critiques, questions, search, sessions

app_name = "content"

urlpatterns = [
    *questions.urlpatterns,
    *sessions.urlpatterns,
    *critiques.urlpatterns,
    *search.urlpatterns,
]
