from django.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("settings/", views.SettingsView.as_view(), name="settings"),
    path("language/", views.set_language, name="set_language"),
    path("tokens/", views.TokenListView.as_view(), name="tokens"),
    path("tokens/<int:pk>/revoke/", views.TokenRevokeView.as_view(), name="token-revoke"),
]
