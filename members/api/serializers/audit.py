from rest_framework import serializers

from members.models import AuditLogEntry


class AuditLogEntryOutputSerializer(serializers.ModelSerializer):
    actor = serializers.CharField(source="actor.username", read_only=True, default=None)
    subject_id = serializers.IntegerField(read_only=True, allow_null=True)

    class Meta:
        model = AuditLogEntry
        fields = ["id", "created_at", "action", "actor", "subject_id", "subject_label", "reason", "data"]
        read_only_fields = fields
