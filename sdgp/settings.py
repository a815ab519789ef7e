"""Settings for SDG Partnerships: one file, safe development defaults, environment switches.

Without DATABASE_URL or REDIS_URL the app runs on an embedded default: an SQLite file, Celery
tasks run inline, mail goes to the console and the cache lives in memory. Production sets
DATABASE_URL, REDIS_URL, SECRET_KEY, ALLOWED_HOSTS and EMAIL_URL (see docs/architecture.md).
"""

from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)

SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set the SECRET_KEY environment variable "
            "(or DEBUG=1 for local development)."
        )
    SECRET_KEY = "django-insecure-development-only-key-change-me-0123456789abcdef"

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
if not ALLOWED_HOSTS:
    if not DEBUG:
        raise ImproperlyConfigured(
            "ALLOWED_HOSTS is not set. Set the ALLOWED_HOSTS environment variable to the "
            "comma-separated host names the site answers on (or DEBUG=1 for local development)."
        )
    ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]", "testserver"]

CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "sdgp.admin_site.AdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.forms",
    "django_htmx",
    "rules.apps.AutodiscoverRulesConfig",
    "simple_history",
    "import_export",
    "sdgp",
    "partnerships",
    "learning",
    "visits",
    "coaching",
    "reports",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "sdgp.middleware.CompressionMiddleware",
    "partnerships.freshness.FreshnessMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "partnerships.access.AccessMiddleware",
    "sdgp.middleware.UserLanguageMiddleware",
    "coaching.timezones.TimeZoneMiddleware",
    "sdgp.middleware.RequestSizeLimitMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "sdgp.middleware.NotFoundPageMiddleware",
]

ROOT_URLCONF = "sdgp.urls"
WSGI_APPLICATION = "sdgp.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.csp",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "sdgp.context_processors.navigation",
                "sdgp.context_processors.drafts",
            ],
        },
    },
    {
        # Plain-text mail (partnerships/mail.py): the same templates, nothing escaped as HTML,
        # so that "D'Hondt & Co" reads as written.
        "NAME": "mail",
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {"autoescape": False},
    },
]

# Database: SQLite file unless DATABASE_URL points at PostgreSQL.
DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
DATABASES["default"].setdefault("ATOMIC_REQUESTS", False)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Our queries are small: PostgreSQL's JIT compiler only adds its own time to them (one
    # query took 1.6 s before the tables had statistics, nearly all of it compiling).
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("options", "-c jit=off")
    # A form's choices of model objects are read with `iterator()`, which on PostgreSQL opens
    # a server-side cursor: four round trips for a list of a few rows. Nothing here reads
    # more rows than fit in memory, so results come in one fetch.
    DATABASES["default"].setdefault("DISABLE_SERVER_SIDE_CURSORS", True)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "partnerships.User"

AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
# An invitation link stays valid for two weeks, and only until the password is set.
PASSWORD_RESET_TIMEOUT = 14 * 24 * 3600
# Failed password checks allowed per account, and per client address, within LOGIN_RATE_WINDOW
# seconds (sdgp/auth.py). Behind TRUSTED_PROXIES proxies that append to X-Forwarded-For, the
# client address is the one the outermost of them saw; with 0 it is the connection's.
LOGIN_RATE_LIMIT = env.int("LOGIN_RATE_LIMIT", default=5)
LOGIN_RATE_LIMIT_PER_ADDRESS = env.int("LOGIN_RATE_LIMIT_PER_ADDRESS", default=50)
LOGIN_RATE_WINDOW = env.int("LOGIN_RATE_WINDOW", default=15 * 60)
TRUSTED_PROXIES = env.int("TRUSTED_PROXIES", default=0)

# Redis: Celery broker and Django cache when REDIS_URL is set; otherwise inline tasks and
# a local-memory cache.
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "sdgp.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "sdgp",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# How long what the busiest pages read from much of the data (a home's needs, the learning-cycle
# dashboard, a partnership's panels...: partnerships/freshness.py) is kept in the cache at most;
# it is read again as soon as the data changes. Only with Redis: each web worker has a
# local-memory cache of its own, which a change in another would not reach.
CACHE_SECONDS = env.int("CACHE_SECONDS", default=300 if REDIS_URL else 0)

CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Reports render on a queue of their own, so that a long report never holds up the mail on the
# default queue ("celery"). Every worker command (Makefile, docker-compose.yml) names its queues.
CELERY_TASK_DEFAULT_QUEUE = "celery"
CELERY_TASK_ROUTES = {"reports.tasks.build_report": {"queue": "reports"}}

# The final report (reports/jobs.py): a render is told to stop after the soft limit and killed
# after the hard one, in seconds; a job still "being built" a minute past the hard limit, or
# still waiting for a worker after REPORT_QUEUED_TIMEOUT, is marked as failed.
REPORT_SOFT_TIME_LIMIT = env.int("REPORT_SOFT_TIME_LIMIT", default=600)
REPORT_TIME_LIMIT = env.int("REPORT_TIME_LIMIT", default=660)
REPORT_QUEUED_TIMEOUT = env.int("REPORT_QUEUED_TIMEOUT", default=3 * 3600)
# How many parts of a report are laid out at once, each in a process forked from the worker's
# (reports/press.py): the cores a report may take. 1 lays them out one after the other.
REPORT_LAYOUT_PROCESSES = env.int("REPORT_LAYOUT_PROCESSES", default=2)

# Mail: Django 6.1's MAILERS. EMAIL_URL such as smtp+tls://user:password@host:587;
# the default prints mail on the console.
_email = env.email_url("EMAIL_URL", default="consolemail://")
if _email["EMAIL_BACKEND"].endswith("smtp.EmailBackend"):
    _mail_options = {
        "host": _email["EMAIL_HOST"],
        "port": _email["EMAIL_PORT"],
        "username": _email["EMAIL_HOST_USER"],
        "password": _email["EMAIL_HOST_PASSWORD"],
        "use_tls": _email.get("EMAIL_USE_TLS", False),
        "use_ssl": _email.get("EMAIL_USE_SSL", False),
        "timeout": 20,
    }
else:
    _mail_options = {}
MAILERS = {"default": {"BACKEND": _email["EMAIL_BACKEND"], "OPTIONS": _mail_options}}
# Where the site is, for links in mails sent without a request (notifications, digests).
SITE_URL = env.str("SITE_URL", default="http://localhost:8000/")
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="SDG Partnerships <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Internationalisation: English, French, Dutch.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French")), ("nl", _("Dutch"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Unambiguous English dates (sdgp/formats/en/formats.py); French and Dutch keep Django's.
FORMAT_MODULE_PATH = ["sdgp.formats"]
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True

# Static and media files: whitenoise serves static files compressed and hashed.
STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Bounds on what one request may send (see docs/security.md, "Uploaded files and bounds").
# The whole body: five attachments of at most 25 MB with a response (sdgp.middleware).
MAX_REQUEST_BYTES = 130 * 1024 * 1024
# Uploaded files above this size are streamed to a temporary file, not kept in memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
# The form fields without the files: a sheet with 100 rows of long texts, URL-encoded, fits.
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024
# The largest form, a tool sheet with 100 rows in its repeating parts, has about 800 fields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
DATA_UPLOAD_MAX_NUMBER_FILES = 20

# Forms render with Django's own templates, in Bootstrap 5 markup (sdgp/forms.py).
FORM_RENDERER = "sdgp.forms.FormRenderer"

# Security: strict by default outside development.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
# Content-Security-Policy: scripts, styles, images and fonts from our own origin only; no inline
# script, no style attribute. The nonce serves the few inline blocks of the Django admin; the
# hash, the <style> block of templates/500.html, which links no file (tests/test_csp.py checks it).
# sdgp/checks.py refuses a policy that allows inline code (`make check-deploy`).
ERROR_PAGE_STYLE_HASH = "'sha256-pNdbS1BPPO6isPgqiQ8cGQk2+aoE2QhZpyD9TRTbyZs='"
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE, ERROR_PAGE_STYLE_HASH],
    "img-src": [CSP.SELF, "data:"],  # Bootstrap draws its form controls with data: images
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    # WeasyPrint narrates each rendering step at INFO, and fontTools each step of cutting the
    # report's font down to its page numbers (reports/folios.py); their warnings still show.
    "loggers": {
        "weasyprint.progress": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
