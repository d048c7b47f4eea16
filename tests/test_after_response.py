import logging

import pytest
from django.core.signals import request_finished, request_started

from core.after_response import after_response

# Django closes stale database connections on these signals.
pytestmark = pytest.mark.django_db


def test_work_outside_a_request_runs_at_once():
    ran = []
    after_response("work", lambda: ran.append("work"))
    assert ran == ["work"]


def test_work_queued_in_a_request_runs_once_when_the_response_is_sent():
    ran = []
    request_started.send(sender=None)
    after_response("work", lambda: ran.append("first"))
    after_response("work", lambda: ran.append("queued twice"))
    after_response("other", lambda: ran.append("other"))
    assert ran == []
    request_finished.send(sender=None)
    assert ran == ["first", "other"]
    request_finished.send(sender=None)  # a second close of the same response
    assert ran == ["first", "other"]


def test_failing_work_is_logged_and_never_reaches_the_reader(caplog):
    ran = []
    request_started.send(sender=None)
    after_response("broken", lambda: 1 / 0)
    after_response("after it", lambda: ran.append("after it"))
    with caplog.at_level(logging.ERROR, logger="core.after_response"):
        request_finished.send(sender=None)
    assert "broken" in caplog.text and "ZeroDivisionError" in caplog.text
    assert ran == ["after it"]
