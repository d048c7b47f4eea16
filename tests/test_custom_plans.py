"""Queries run with their values written into the statement (core/custom_plans.py)."""

import pytest
from django.db import connection

from core.custom_plans import values_rows
from songs.models import Work
from tests.factories import make_work

pytestmark = pytest.mark.django_db


def test_the_rows_come_back_as_dicts_of_the_values_asked_for():
    make_work("Your Name", "film")
    make_work("100% Orange", "anime")
    rows = values_rows(Work.objects.order_by("kind").values("kind", "slug"))
    assert rows == [{"kind": "anime", "slug": "100-orange"}, {"kind": "film", "slug": "your-name"}]


def test_on_postgresql_no_value_is_bound_so_no_generic_plan_is_made():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite prepares no statement across runs")
    make_work("100% Orange", "anime")
    sent = []

    def record(execute, sql, params, many, context):
        sent.append(params)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        rows = values_rows(Work.objects.filter(title_en__startswith="100%").values("slug"))
    assert rows == [{"slug": "100-orange"}]
    assert sent == [()]
