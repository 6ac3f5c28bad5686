"""HTML routes of content (namespace "content"), one module per sub-domain, all under c/<slug>/."""

app_name = "content"

urlpatterns = []
