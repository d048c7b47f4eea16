"""Trigram indexes for substring search, built on PostgreSQL only.

Search matches with LIKE '%…%' (articles/search.py), which no B-tree can serve and
pg_trgm's GIN indexes can. SQLite has neither and scans; that is its simple fallback.
These operations leave the migration state alone, so the models never carry an index
that SQLite would be asked to build, and django.contrib.postgres (which needs psycopg)
is imported only when PostgreSQL runs them.
"""

from django.db.migrations.operations.base import Operation
from django.db.models import F, OrderBy
from django.db.models.functions import Collate, Upper
from django.db.models.indexes import IndexExpression


def is_postgresql(schema_editor):
    return schema_editor.connection.vendor == "postgresql"


class CreateTrigramExtension(Operation):
    """CREATE EXTENSION pg_trgm on PostgreSQL; nothing elsewhere, and kept on the way back."""

    reversible = True

    def state_forwards(self, app_label, state):
        pass

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if is_postgresql(schema_editor):
            from django.contrib.postgres.operations import TrigramExtension

            TrigramExtension().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        pass  # other databases' objects may use it; an unused extension costs nothing

    def describe(self):
        return "Create the pg_trgm extension (PostgreSQL only)"


class PostgreSQLIndex(Operation):
    """An index on `field` (on UPPER(field) for a case-blind search) of `model_name`,
    built on PostgreSQL only: subclasses say which index, in index()."""

    reversible = True
    kind = "Index"

    def __init__(self, model_name, field, name, uppercase=False):
        self.model_name = model_name
        self.field = field
        self.name = name
        self.uppercase = uppercase

    def index(self):
        raise NotImplementedError

    def state_forwards(self, app_label, state):
        pass

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if is_postgresql(schema_editor):
            model = to_state.apps.get_model(app_label, self.model_name)
            schema_editor.add_index(model, self.index())

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if is_postgresql(schema_editor):
            model = from_state.apps.get_model(app_label, self.model_name)
            schema_editor.remove_index(model, self.index())

    def describe(self):
        return f"{self.kind} {self.name} on {self.model_name}.{self.field} (PostgreSQL only)"

    @property
    def migration_name_fragment(self):
        return self.name


class AddTrigramIndex(PostgreSQLIndex):
    """A GIN trigram index, which serves LIKE '%…%' for three characters or more."""

    kind = "Trigram index"

    def index(self):
        from django.contrib.postgres.indexes import GinIndex, OpClass

        if self.uppercase:
            # What django.contrib.postgres's ready() does, for an app not installed: let
            # OpClass wrap an expression, so that it renders as (UPPER(…)) gin_trgm_ops.
            IndexExpression.register_wrappers(OrderBy, OpClass, Collate)
            return GinIndex(OpClass(Upper(F(self.field)), name="gin_trgm_ops"), name=self.name)
        return GinIndex(fields=[self.field], opclasses=["gin_trgm_ops"], name=self.name)


class DropPostgreSQLIndex(Operation):
    """Drops the index one of the operations above built, and builds it again on the way
    back."""

    reversible = True

    def __init__(self, added):
        self.added = added

    def state_forwards(self, app_label, state):
        pass

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        self.added.database_backwards(app_label, schema_editor, to_state, from_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        self.added.database_forwards(app_label, schema_editor, to_state, from_state)

    def describe(self):
        return f"Drop {self.added.describe()}"
