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


# --- Behind a proxy ----------------------------------------------------------------------

PROXY = "10.0.0.2"


def log_in_through_proxy(client, password, forwarded_for):
    return client.post(
        LOGIN,
        {"username": "guarded", "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=forwarded_for,
    )


@pytest.fixture
def behind_one_proxy(settings):
    """What PROXY_CLIENT_IP_HEADER=X-Forwarded-For (one proxy) makes of the settings;
    tests/test_settings.py checks that mapping."""
    settings.AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")
    settings.AXES_IPWARE_PROXY_COUNT = 0


def test_behind_a_proxy_two_clients_are_locked_out_separately(client, account, behind_one_proxy):
    for _ in range(5):
        log_in_through_proxy(client, "wrong", forwarded_for="203.0.113.7")
    assert log_in_through_proxy(client, "the-right-password", "203.0.113.7").status_code == 429
    assert log_in_through_proxy(client, "the-right-password", "198.51.100.2").status_code == 302


def test_behind_a_proxy_a_forged_header_does_not_escape_the_lockout(
    client, account, behind_one_proxy
):
    # The proxy appends the address it saw; what the client wrote comes before it.
    for forged in ["192.0.2.1", "192.0.2.2", "192.0.2.3", "192.0.2.4", "192.0.2.5"]:
        log_in_through_proxy(client, "wrong", forwarded_for=f"{forged}, 203.0.113.7")
    locked = log_in_through_proxy(client, "the-right-password", "192.0.2.99, 203.0.113.7")
    assert locked.status_code == 429


def test_without_the_proxy_setting_the_header_is_not_trusted(client, account):
    # Changing X-Forwarded-For on each try would otherwise dodge the lockout.
    for attempt in range(5):
        log_in_through_proxy(client, "wrong", forwarded_for=f"203.0.113.{attempt + 1}")
    assert log_in_through_proxy(client, "the-right-password", "198.51.100.2").status_code == 429
