"""Django's PostgreSQL backend, told that a tenant table's database key is not Django's primary key.

PostgreSQL lets a query group by a table's primary key alone and still select its other columns, and
Django uses that: `annotate(n=Count(...))` groups by `id`. A tenant table's key in the database is
`(id, community_id)` (communities.schema), so `GROUP BY id` no longer determines the row and PostgreSQL
(Citus too) refuses the query; for those tables Django groups by every selected column instead.
"""

from django.db.backends.postgresql import base, features

from communities.schema import TenantPrimaryKey


class DatabaseFeatures(features.DatabaseFeatures):
    def allows_group_by_selected_pks_on_model(self, model):
        has_tenant_key = any(isinstance(c, TenantPrimaryKey) for c in model._meta.constraints)
        return not has_tenant_key and super().allows_group_by_selected_pks_on_model(model)


class DatabaseWrapper(base.DatabaseWrapper):
    features_class = DatabaseFeatures
