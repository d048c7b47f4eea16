"""Log-in lockout (django-axes): guessing an editor's password stops after five tries."""

import pytest

from tests.factories import make_staff_user

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/?next=/admin/"


def log_in(client, password, address="203.0.113.7"):
    return client.post(LOGIN, {"username": "guarded", "password": password}, REMOTE_ADDR=address)


@pytest.fixture
def account():
    return make_staff_user("guarded", "Editor", password="the-right-password")


def test_five_wrong_passwords_lock_the_account_out_even_for_the_right_one(client, account):
    for _ in range(4):
        assert log_in(client, "wrong").status_code == 200  # the form again, with its error
    assert log_in(client, "wrong").status_code == 429
    locked = log_in(client, "the-right-password")
    assert locked.status_code == 429
    assert "Account locked" in locked.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_right_password_before_the_limit_resets_the_count(client, account):
    for _ in range(4):
        log_in(client, "wrong")
    assert log_in(client, "the-right-password").status_code == 302
    client.logout()
    for _ in range(4):
        assert log_in(client, "wrong").status_code == 200
    assert log_in(client, "the-right-password").status_code == 302


def test_a_lockout_from_one_address_does_not_lock_out_another(client, account):
    for _ in range(5):
        log_in(client, "wrong", address="203.0.113.7")
    assert log_in(client, "the-right-password", address="203.0.113.7").status_code == 429
    assert log_in(client, "the-right-password", address="198.51.100.2").status_code == 302
