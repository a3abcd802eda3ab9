"""After LOGIN_MAX_FAILURES wrong passwords for one name from one address, that pair is refused
for a while, with a Vietnamese message, even with the right password; others still log in."""
from typing import Any

PASSWORD = "mat-khau-thu-nghiem-2025"  # tests/conftest.py's


def _login(client: Any, username: str, password: str) -> Any:
    return client.post("/dang-nhap/", {"username": username, "password": password})


def test_repeated_wrong_passwords_lock_that_name_for_a_while(client: Any, member_user: Any, secretary_user: Any, settings: Any) -> None:
    settings.LOGIN_MAX_FAILURES = 3
    for _ in range(3):
        assert _login(client, "dangvien1", "sai-mat-khau").status_code == 200
    refused = _login(client, "dangvien1", PASSWORD)
    assert refused.status_code == 200 and "Đăng nhập sai quá nhiều lần" in refused.content.decode()
    assert "_auth_user_id" not in client.session
    assert _login(client, "bithu1", PASSWORD).status_code == 302


def test_a_successful_login_clears_the_count(client: Any, member_user: Any, settings: Any) -> None:
    settings.LOGIN_MAX_FAILURES = 3
    for _ in range(2):
        _login(client, "dangvien1", "sai-mat-khau")
    assert _login(client, "dangvien1", PASSWORD).status_code == 302
    client.logout()
    for _ in range(2):
        _login(client, "dangvien1", "sai-mat-khau")
    assert _login(client, "dangvien1", PASSWORD).status_code == 302


def test_the_count_is_shared_by_every_server_process(client: Any, member_user: Any, settings: Any) -> None:
    """Kept in the file-based "shared" cache: emptying one process's own memory cache (another
    gunicorn worker has a different one) does not give the guesser new tries."""
    from django.core.cache import caches

    settings.LOGIN_MAX_FAILURES = 2
    for _ in range(2):
        _login(client, "dangvien1", "sai-mat-khau")
    caches["default"].clear()
    assert "Đăng nhập sai quá nhiều lần" in _login(client, "dangvien1", PASSWORD).content.decode()
    caches["shared"].clear()
    assert _login(client, "dangvien1", PASSWORD).status_code == 302


def test_the_admin_login_page_is_throttled_alike(client: Any, django_user_model: Any, settings: Any) -> None:
    django_user_model.objects.create_superuser("quantri", "q@example.org", PASSWORD)
    settings.LOGIN_MAX_FAILURES = 2
    for _ in range(2):
        client.post("/quan-tri/login/", {"username": "quantri", "password": "sai-mat-khau"})
    refused = client.post("/quan-tri/login/", {"username": "quantri", "password": PASSWORD})
    assert refused.status_code == 200 and "Đăng nhập sai quá nhiều lần" in refused.content.decode()
    assert "_auth_user_id" not in client.session


def test_passwords_are_hashed_with_argon2(make_user: Any, branch: Any, settings: Any) -> None:
    """With the site's own hashers: the suite hashes with a fast one (tests/conftest.py)."""
    from daihoi import settings as site

    settings.PASSWORD_HASHERS = site.PASSWORD_HASHERS
    user = make_user("dangvien1", "member", branch=branch)
    assert user.password.startswith("argon2$")
    assert user.check_password(PASSWORD)
