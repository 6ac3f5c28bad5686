"""Input and output serializers of the personal API (/api/v1/me/, /api/v1/tokens/)."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from accounts.models import ApiToken, User
from communities import validators
from communities.api.base import StrictInputMixin


class MeSerializer(serializers.ModelSerializer):
    avatar = serializers.ImageField(read_only=True, use_url=True)
    # Declared so that the schema allows "" (a new account follows the browser): a read-only model field
    # loses its `blank`, and a generated client would refuse the empty value.
    language = serializers.ChoiceField(
        choices=settings.LANGUAGES,
        allow_blank=True,
        read_only=True,
        help_text=_("Empty follows the browser's Accept-Language."),
    )

    class Meta:
        model = User
        fields = ["id", "username", "email", "display_name", "language", "timezone", "avatar"]
        read_only_fields = fields


class MeUpdateSerializer(StrictInputMixin, serializers.Serializer):
    """What PATCH /me/ may change; any other key (email, avatar, username) is refused, not ignored."""

    display_name = serializers.CharField(
        max_length=User._meta.get_field("display_name").max_length, allow_blank=True, required=False
    )
    language = serializers.ChoiceField(
        choices=settings.LANGUAGES,
        allow_blank=True,
        required=False,
        help_text=_("Empty follows the browser's Accept-Language."),
    )
    timezone = serializers.CharField(
        max_length=User._meta.get_field("timezone").max_length,
        required=False,
        validators=[validators.valid_timezone],
        help_text=_("An IANA time zone name, for example Europe/Paris."),
    )


class TokenSerializer(serializers.ModelSerializer):
    """A token as listed: never the key (it is not stored)."""

    class Meta:
        model = ApiToken
        fields = ["id", "name", "prefix", "created_at", "last_used_at", "revoked_at"]
        read_only_fields = fields


class TokenCreateSerializer(StrictInputMixin, serializers.Serializer):
    name = serializers.CharField(max_length=ApiToken._meta.get_field("name").max_length)


class TokenCreatedSerializer(TokenSerializer):
    """The creation response: the only time the key is returned."""

    key = serializers.CharField(read_only=True)

    class Meta(TokenSerializer.Meta):
        fields = [*TokenSerializer.Meta.fields, "key"]
        read_only_fields = fields
