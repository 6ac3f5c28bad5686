"""The audit log is append-only in the database too, on PostgreSQL (decision 0010); nothing on SQLite.

A row trigger refuses UPDATE and DELETE on members_auditlogentry, whoever the client, except:
- an UPDATE that only clears `actor_id` / `subject_id`: Django's SET_NULL when an account or a
  membership is deleted (the entry keeps `subject_label`);
- a DELETE of the entries of the community named by the transaction-local setting
  `guildhall.deleting_community`, which `communities.services.community_delete` sets just before it
  deletes that community (and everything it owns) in the same transaction.
"""

from django.db import migrations

FORWARD = """
CREATE OR REPLACE FUNCTION members_auditlogentry_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE'
        AND OLD.community_id::text = current_setting('guildhall.deleting_community', true) THEN
        RETURN OLD;
    END IF;
    IF TG_OP = 'UPDATE'
        AND (NEW.actor_id IS NULL OR NEW.actor_id = OLD.actor_id)
        AND (NEW.subject_id IS NULL OR NEW.subject_id = OLD.subject_id)
        AND to_jsonb(NEW) - 'actor_id' - 'subject_id' = to_jsonb(OLD) - 'actor_id' - 'subject_id' THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'the audit log is append-only: % of entry % refused', TG_OP, OLD.id
        USING ERRCODE = 'feature_not_supported';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER members_auditlogentry_append_only
    BEFORE UPDATE OR DELETE ON members_auditlogentry
    FOR EACH ROW EXECUTE FUNCTION members_auditlogentry_append_only();
"""

BACKWARD = """
DROP TRIGGER IF EXISTS members_auditlogentry_append_only ON members_auditlogentry;
DROP FUNCTION IF EXISTS members_auditlogentry_append_only();
"""


def run_on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            with schema_editor.connection.cursor() as cursor:
                cursor.execute(sql)  # no parameters: the function's own % placeholders stay as they are

    return run


class Migration(migrations.Migration):
    dependencies = [("members", "0005_membership_sort_name")]

    operations = [migrations.RunPython(run_on_postgresql(FORWARD), run_on_postgresql(BACKWARD))]
