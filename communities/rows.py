"""Rows that every request reads, with their SQL composed once per process.

Every page and API call of a member first loads the caller's membership with its community
(communities.tenancy), and every API call with a token loads the token with its account
(accounts.authentication). Django's ORM composes each of those queries anew on every request: about
50 columns of two tables, quoted, aliased and ordered, which cost more CPU than the database spends
answering. `JoinedLookup` composes the SELECT once from the models' metadata and builds the instances the
way the ORM does (`Model.from_db`, with the backend's and the fields' converters, so JSON, dates and
booleans come out as the ORM gives them on PostgreSQL and SQLite alike).
"""

from functools import cached_property

from django.db import connection, models


class JoinedLookup:
    """`SELECT child.*, parent.* FROM child JOIN parent ON parent.pk = child.<relation>_id WHERE <where>
    LIMIT 1`: a child row with its parent (the child's foreign key `relation` filled in), or None.

    `where` is SQL over the aliases `child` and `parent` with `%s` placeholders, e.g.
    `"parent.slug = %s AND child.user_id = %s"`.
    """

    def __init__(self, child: type[models.Model], relation: str, where: str):
        self.child, self.where = child, where
        self.field = child._meta.get_field(relation)
        self.parent = self.field.related_model

    @cached_property
    def _plan(self):
        quote = connection.ops.quote_name

        def columns(model, alias):
            fields = model._meta.concrete_fields
            return [f"{alias}.{quote(field.column)}" for field in fields], fields

        child_columns, child_fields = columns(self.child, "child")
        parent_columns, parent_fields = columns(self.parent, "parent")
        # Identifiers from the models' metadata, quoted; `where` is a constant of the calling module; values
        # travel as parameters.
        sql = (
            f"SELECT {', '.join(child_columns + parent_columns)}"  # noqa: S608
            f" FROM {quote(self.child._meta.db_table)} child"
            f" JOIN {quote(self.parent._meta.db_table)} parent"
            f" ON parent.{quote(self.parent._meta.pk.column)} = child.{quote(self.field.column)}"
            f" WHERE {self.where} LIMIT 1"
        )
        return sql, _loader(self.child, child_fields), _loader(self.parent, parent_fields), len(child_fields)

    def first(self, *params):
        sql, load_child, load_parent, split = self._plan
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            row = cursor.fetchone()
        if row is None:
            return None
        child = load_child(row[:split])
        self.field.set_cached_value(child, load_parent(row[split:]))
        return child


def _loader(model, fields):
    """A function from a row's values to an instance, converting each value as the ORM's compiler would."""
    names = [field.attname for field in fields]
    converters = []
    for index, field in enumerate(fields):
        column = field.get_col(model._meta.db_table)
        found = connection.ops.get_db_converters(column) + column.get_db_converters(connection)
        if found:
            converters.append((index, column, found))

    def load(values):
        values = list(values)
        for index, column, found in converters:
            for convert in found:
                values[index] = convert(values[index], column, connection)
        return model.from_db(connection.alias, names, values)

    return load
