"""Queries planned for their own values every time they run.

psycopg prepares a statement after 5 runs, and PostgreSQL then plans it once for any
values: a generic plan. For most of a page's queries that is the point (the related
ranking spends longer planning than running). For a few the best plan depends on the
values, and the generic one is far worse: the sitemap index's EXISTS probes for the
kinds of tie-in read 100,000 songs in 400 ms under it, where a plan for the values
stops at the first song of each kind in 3 ms. Such a query is run with its values
written into the statement: whatever plan PostgreSQL makes for it, prepared or not, is
made for those values.
"""

from django.db import connection


def values_rows(queryset):
    """The rows of a `values()` queryset, as dicts, from a statement planned for its values.
    Columns come back as stored: a translated field by its language columns, which
    modeltranslation's values() would have merged."""
    sql, params = queryset.query.sql_with_params()
    if connection.vendor == "postgresql":
        # Quoted by psycopg; a % in a value must not read as a placeholder.
        sql, params = connection.ops.compose_sql(sql, params).replace("%", "%%"), ()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
