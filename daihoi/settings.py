"""Django settings, all read strictly from the environment (see daihoi.lib.env).

Defaults make a laptop in a congress hall work with no configuration: SQLite in ./data, a secret
key generated once and kept in the data folder, Vietnamese first.
"""
import secrets
from importlib.util import find_spec
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from daihoi.lib.env import env_bool, env_choice, env_int, env_list, env_str, env_url

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(env_str("DAIHOI_DATA_DIR", str(Path.cwd() / "data"))).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)
(DATA_DIR / "static").mkdir(exist_ok=True)


def _secret_key() -> str:
    """SECRET_KEY from the environment, else one generated once and kept beside the database."""
    configured = env_str("SECRET_KEY", "")
    if configured:
        return configured
    key_file = DATA_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "daihoi.accounts",
    "daihoi.organizations",
    "daihoi.plans",
    "daihoi.congresses",
    "daihoi.elections",
    "daihoi.documents",
    "daihoi.news",
    "daihoi.audit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "daihoi.lib.security.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "daihoi.audit.tracking.AuditUserMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "daihoi.urls"
WSGI_APPLICATION = "daihoi.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{DATA_DIR / 'daihoi.sqlite3'}"),
        # Persistent connections: a new PostgreSQL connection costs a process fork and an
        # authentication, more than a whole check-in; health checks drop a connection that died.
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the projector read while a counting station writes.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }

AUTH_USER_MODEL = "accounts.User"
# Django's ModelBackend reading the logged-in user with one plain query (daihoi/accounts/backends.py).
AUTHENTICATION_BACKENDS = ["daihoi.accounts.backends.ModelBackend"]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = env_str("TIME_ZONE", "Asia/Ho_Chi_Minh")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = DATA_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True

CACHES = {
    # In each process's memory, as before: cached fragments, the ward name, counters.
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "default"},
    # The news portal's whole pages for anonymous readers (daihoi/news/pages.py), apart so that a
    # flood of odd addresses can only push out other kept pages.
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages",
              "OPTIONS": {"MAX_ENTRIES": 500}},
    # Small state every gunicorn worker must see alike (the news pages' version): files in the
    # data folder, no server to run on an offline laptop.
    "shared": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": DATA_DIR / "cache"},
    # Logged-in sessions (SESSION_ENGINE below), apart so that they never push the shared state out.
    "sessions": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": DATA_DIR / "sessions",
                 "OPTIONS": {"MAX_ENTRIES": 20_000}},
}
# Every request of a logged-in user reads the session: from the files above rather than a database
# query (a tenth of the cost of a check-in at the door, issue 5). The database keeps every session
# too, so a login survives a restart or a lost cache file; the files are shared by all gunicorn
# workers, so a logout (which deletes both) ends the session in every worker at once.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_CACHE_ALIAS = "sessions"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
# Largest member spreadsheet accepted; a city-scale roll fits well below it.
MEMBER_IMPORT_MAX_BYTES = env_int("MEMBER_IMPORT_MAX_BYTES", 40 * 1024 * 1024)
# True: only a publisher (permission news.publish_article) may put an article on the public site.
NEWS_REQUIRE_PUBLISHER_APPROVAL = env_bool("NEWS_REQUIRE_PUBLISHER_APPROVAL", False)
# Ballot scanning (issue 9): who reads the queued pages. "thread": a thread of the web process
# (the offline laptop); "rq": RQ workers (`daihoi scanworker`) fed through Redis at
# DAIHOI_REDIS_URL; "inline": within the request (tests, tiny batches). The database queue stays
# the source of truth in every mode, so a restart (of the server or of Redis) loses no page.
DAIHOI_REDIS_URL = env_url("DAIHOI_REDIS_URL", ("redis", "rediss", "unix"))
DAIHOI_SCAN_WORKER = env_choice("DAIHOI_SCAN_WORKER", "rq" if DAIHOI_REDIS_URL else "thread", ("thread", "rq", "inline"))
if DAIHOI_SCAN_WORKER == "rq" and not DAIHOI_REDIS_URL:
    raise ImproperlyConfigured("DAIHOI_SCAN_WORKER='rq' needs DAIHOI_REDIS_URL (e.g. redis://127.0.0.1:6379/0)")
if DAIHOI_SCAN_WORKER == "rq" and not (find_spec("rq") and find_spec("redis")):
    raise ImproperlyConfigured("DAIHOI_SCAN_WORKER='rq' needs the rq and redis packages: pip install 'daihoi[redis]'")

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
# Behind HTTPS (SECURE_COOKIES=true): redirect plain HTTP and ask browsers to remember (HSTS).
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", SESSION_COOKIE_SECURE)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000 if SESSION_COOKIE_SECURE else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", SESSION_COOKIE_SECURE)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_HTTPS_PROXY", False) else None
LOGIN_MAX_FAILURES = env_int("LOGIN_MAX_FAILURES", 5)
LOGIN_FAILURE_WINDOW = env_int("LOGIN_FAILURE_WINDOW", 15 * 60)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}
