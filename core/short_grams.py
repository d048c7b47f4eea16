"""Indexes for one- and two-character searches, built on PostgreSQL only.

pg_trgm serves LIKE '%…%' only for a pattern of three characters or more, and the most
common Japanese searches are shorter: 米津, 宮崎, 愛. For those PostgreSQL would read
every row. So each searched text also has a GIN index over its "short grams", every
character and every pair of neighbouring characters it holds: a value of one or two
characters is a substring exactly when it is one of the text's short grams, and an
array's containment (@>) is answered from the index alone.

`text__indexed_contains=value` is `text__contains=value` on every database (and
indexed_icontains is icontains), and on PostgreSQL a short value is looked up through
that index instead. SQLite keeps scanning, its simple fallback (core/trigram.py).
"""

from django.db.migrations.operations.base import Operation
from django.db.models import F, Func, TextField
from django.db.models.functions import Upper
from django.db.models.lookups import Contains, IContains, Lookup

from core.trigram import DropPostgreSQLIndex, PostgreSQLIndex, is_postgresql

# The shortest value pg_trgm's indexes can serve; shorter ones use the short grams.
TRIGRAM_LENGTH = 3
FUNCTION = "liner_short_grams"

# The grams are compared byte by byte (the "C" collation), in the indexes and in the
# lookups: only equality matters, and the database's own collation may be a slower one.
# At 20,000 articles the articles' grams index took 39 s to build under C.UTF-8 and 25 s
# under "C".
COLLATION = "C"

# IMMUTABLE, so that an index may be built on it; STRICT, so NULL text has no grams.
# Built from C functions only, since these indexes cost more to build than any other:
# the characters (string_to_array), the pairs that start at an odd and at an even
# position (regexp_replace marks the end of every second pair with U+0001, which splits
# them apart), no empty string. A pair may repeat: GIN keeps each key once per row, and
# @> asks only whether one is there. An earlier version read the characters in SQL
# (unnest, lead() and DISTINCT) and was four times slower: with it the grams indexes of
# 20,000 articles, their entries and songs took 116 s to build, against 55 s now. A gram
# holding U+0001 itself is lost; nobody searches for one.
# COST says how dear it is to the planner, which would otherwise walk the songs' title
# index and compute the grams of every row, rather than read the index of the grams: 6.8
# s instead of 1 ms for a name no song has, at 100,000 songs.
CREATE_FUNCTION = f"""
CREATE OR REPLACE FUNCTION {FUNCTION}(body text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 5000 AS $$
    SELECT array_remove(
        string_to_array(body, NULL)
        || string_to_array(regexp_replace(body, '(..)', E'\\\\1\\x01', 'g'), E'\\x01')
        || string_to_array(regexp_replace(substr(body, 2), '(..)', E'\\\\1\\x01', 'g'), E'\\x01'),
        ''
    )
$$
"""


class ShortGrams(Func):
    function = FUNCTION
    output_field = TextField()  # a text[]; only ever compared in SQL


class Bytewise(Func):
    """The text under COLLATION. (Collate() may not sit inside an index's expression.)"""

    template = f'(%(expressions)s) COLLATE "{COLLATION}"'
    output_field = TextField()


class ShortGramsLookup(Lookup):
    """The `like` lookup, with a value shorter than TRIGRAM_LENGTH served from the
    short-grams index on PostgreSQL."""

    like = None  # Contains or IContains
    case_blind = False

    def as_sql(self, compiler, connection):
        return compiler.compile(self.like(self.lhs, self.rhs))  # LIKE, which pg_trgm serves

    def as_postgresql(self, compiler, connection):
        if self.rhs_is_direct_value() and len(self.rhs) < TRIGRAM_LENGTH:
            text, text_params = compiler.compile(self.lhs)
            gram = "%s"
            if self.case_blind:
                text, gram = f"UPPER({text})", "UPPER(%s)"
            grams = f'{FUNCTION}(({text}) COLLATE "{COLLATION}") @> ARRAY[{gram}]::text[]'
            # The LIKE stays, as the cheap test: where the planner walks another index
            # (the songs by title, say) it tests each row with LIKE first, and computes
            # the grams only of the rows that match. It is written on (text || ''),
            # which no trigram index matches: for so short a value one would be read
            # whole.
            unindexed = Func(self.lhs, template="(%(expressions)s || '')", output_field=TextField())
            like, like_params = compiler.compile(self.like(unindexed, self.rhs))
            sql, params = f"({grams} AND {like})", (*text_params, self.rhs, *like_params)
        else:
            sql, params = self.as_sql(compiler, connection)
        # The value is written into the statement. Which plan is best depends on it (a
        # rare name reads the index, a common word walks the list's own order), and a
        # prepared statement's generic plan would not know it: psycopg prepares a
        # statement after 5 runs, and PostgreSQL then plans it once for any value,
        # which turned 20 ms searches into 3 s ones. Each value is its own statement.
        inline = connection.ops.compose_sql(sql, params)
        return inline.replace("%", "%%"), ()


@TextField.register_lookup
class IndexedContains(ShortGramsLookup):
    lookup_name = "indexed_contains"
    like = Contains


@TextField.register_lookup
class IndexedIContains(ShortGramsLookup):
    lookup_name = "indexed_icontains"
    like = IContains
    case_blind = True


class CreateShortGramsFunction(Operation):
    """The SQL function the short-gram indexes are built on (PostgreSQL only).

    Songs' migration 0013 creates it, with the body of today's CREATE_FUNCTION."""

    reversible = True

    def state_forwards(self, app_label, state):
        pass

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if is_postgresql(schema_editor):
            schema_editor.execute(CREATE_FUNCTION)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if is_postgresql(schema_editor):
            schema_editor.execute(f"DROP FUNCTION IF EXISTS {FUNCTION}(text)")

    def describe(self):
        return "Create the short-grams function (PostgreSQL only)"


class ReplaceShortGramsFunction(CreateShortGramsFunction):
    """Gives the function today's body, and `previous` back on the way back (PostgreSQL
    only). Both bodies yield the same grams, so the indexes built on it stay true."""

    def __init__(self, previous):
        self.previous = previous

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if is_postgresql(schema_editor):
            schema_editor.execute(self.previous)

    def describe(self):
        return "Replace the short-grams function's body (PostgreSQL only)"


class AddShortGramsIndex(PostgreSQLIndex):
    """A GIN index on the short grams of the text, which serves one- and two-character
    values of indexed_contains. It compares grams bytewise, as the lookups do;
    bytewise=False builds it as the first migrations did, which no lookup reads now."""

    kind = "Short-grams index"

    def __init__(self, model_name, field, name, uppercase=False, bytewise=True):
        super().__init__(model_name, field, name, uppercase)
        self.bytewise = bytewise

    def index(self):
        from django.contrib.postgres.indexes import GinIndex

        text = Upper(F(self.field)) if self.uppercase else F(self.field)
        if self.bytewise:
            text = Bytewise(text)
        return GinIndex(ShortGrams(text), name=self.name)


def rebuilt_bytewise(model_name, field, name, uppercase=False):
    """Operations that drop an index built before grams were compared bytewise, and build
    it again, bytewise (songs 0019, articles 0026)."""
    return [
        DropPostgreSQLIndex(
            AddShortGramsIndex(model_name, field, name=name, uppercase=uppercase, bytewise=False)
        ),
        AddShortGramsIndex(model_name, field, name=name, uppercase=uppercase),
    ]
