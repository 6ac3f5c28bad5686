"""Guildhall settings, driven by environment variables.

With no `DATABASE_URL` / `REDIS_URL` the platform runs embedded: SQLite, a local-memory cache and Celery
tasks executed eagerly, so a fresh clone needs nothing installed. Defaults are the safe production ones
(DEBUG off, secure cookies when DEBUG is off); `make run` turns DEBUG on explicitly.
"""

from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
DEFAULT_SECRET_KEY = "insecure-development-key-set-SECRET_KEY-in-production"

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env("SECRET_KEY", default=DEFAULT_SECRET_KEY)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000")
# The site as emails name it ("Hello from Guildhall!"); its address is SITE_URL.
SITE_NAME = env("SITE_NAME", default="Guildhall")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "allauth",
    "allauth.account",
    "accounts",
    "communities",
    "members",
    "content",
    "events",
    "learning",
    "analytics",
    "partnerships",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "config.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "accounts.middleware.UserPreferencesMiddleware",
    "communities.visits.MemberVisitMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Renders a DomainError that escapes an HTML view: 404 / 403 pages, else a flash message and back.
    "communities.middleware.DomainErrorMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "django.template.context_processors.tz",
                "communities.inbox.unread_notifications",
            ],
            "builtins": ["communities.templatetags.guildhall"],
        },
    }
]

# --- Data -----------------------------------------------------------------------------------------------
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Django's backend, minus grouping by `id` alone on tenant tables, whose database key is
    # (id, community_id) for Citus (decision 0016).
    DATABASES["default"]["ENGINE"] = "communities.backends.postgresql"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "config.cache.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
# Pages kept in the cache under a version that writes replace (communities/fragments.py, decision 0018)
# need a cache shared by every process: on by default with Redis only.
FRAGMENT_CACHE_VERSIONED = env.bool("FRAGMENT_CACHE_VERSIONED", default=bool(REDIS_URL))

# --- Celery ---------------------------------------------------------------------------------------------
CELERY_BROKER_URL = REDIS_URL or "memory://localhost/"
# Results are kept only with Redis (tests read them back); tasks are fire-and-forget otherwise.
CELERY_RESULT_BACKEND = REDIS_URL or None
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=not REDIS_URL)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = "UTC"
CELERY_BEAT_SCHEDULE = {
    "remind-expert-sessions": {
        "task": "content.tasks.sessions.remind_expert_sessions",
        "schedule": 15 * 60,
    },
    "remind-events": {
        "task": "events.tasks.attendance.remind_events",
        "schedule": 15 * 60,
    },
    "invite-event-feedback": {
        "task": "events.tasks.attendance.invite_events_feedback",
        "schedule": 15 * 60,
    },
    "send-follow-digests": {
        "task": "content.tasks.follows.send_follow_digests",
        "schedule": 5 * 60,
    },
    "publish-scheduled-posts": {
        "task": "content.tasks.posts.publish_scheduled_posts",
        "schedule": 60,
    },
    "refresh-community-activity": {
        "task": "analytics.tasks.refresh_community_activity",
        "schedule": 15 * 60,
    },
    "evaluate-trust-levels": {
        "task": "members.tasks.evaluate_all_trust_levels",
        "schedule": 60 * 60,
    },
    "refresh-directory-sort-names": {
        "task": "members.tasks.refresh_sort_names",
        "schedule": 60 * 60,
    },
    "reconcile-member-counts": {
        "task": "members.tasks.reconcile_member_counts",
        "schedule": 60 * 60,
    },
    "check-resource-links": {
        "task": "learning.tasks.resources.check_resource_links",
        "schedule": 60 * 60,
    },
}

# --- Accounts -------------------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "communities:directory"
ACCOUNT_LOGIN_METHODS = {"email", "username"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "username*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = env("ACCOUNT_EMAIL_VERIFICATION", default="mandatory")
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_EMAIL_SUBJECT_PREFIX = f"[{SITE_NAME}] "
ACCOUNT_RATE_LIMITS = {"login_failed": "10/m/ip,5/5m/key", "signup": "20/h/ip"}
# Only staff may create communities when this is on.
COMMUNITY_CREATION_STAFF_ONLY = env.bool("COMMUNITY_CREATION_STAFF_ONLY", default=False)

vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Guildhall <noreply@guildhall.local>")

# --- Internationalisation -------------------------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("zh-hans", _("Simplified Chinese"))]
# Ours first (makemessages writes there); then our overrides of Django's and allauth's own catalogues
# (docs/i18n.md): both take precedence over the catalogues the packages bring.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_vendor"]
USE_I18N = True
TIME_ZONE = "UTC"
USE_TZ = True

# --- Static and media -----------------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(BASE_DIR / "media")))
# Serve uploads from Django itself; turn off when a web server or object storage serves MEDIA_ROOT.
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=True)
# Images of communities' content (posts, works for critique): never under MEDIA_ROOT, served by Django
# to those who may see the community (content/storage.py).
COMMUNITY_FILES_ROOT = Path(env("COMMUNITY_FILES_ROOT", default=str(BASE_DIR / "community-files")))
WHITENOISE_USE_FINDERS = True
# Files browsers ask for at the site root (/favicon.ico), served by WhiteNoise with their content type.
WHITENOISE_ROOT = BASE_DIR / "static" / "root"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedStaticFilesStorage"
    },
}
MAX_IMAGE_UPLOAD_BYTES = env.int("MAX_IMAGE_UPLOAD_BYTES", default=2 * 1024 * 1024)
# Logos, covers and avatars: at most this many pixels (read from the header before decoding; also
# Pillow's own limit, set in CommunitiesConfig.ready). 4096 x 4096 by default.
MAX_IMAGE_PIXELS = env.int("MAX_IMAGE_PIXELS", default=4096 * 4096)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- Security -------------------------------------------------------------------------------------------
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=not DEBUG)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 60 * 60 * 24 * 30)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy (config/csp.py): "{nonce}" is the per-response nonce that inline <script> and
# <style> elements carry. CSP_IMG_SRC adds image origins, for uploads served from object storage or a CDN.
CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'nonce-{nonce}'"],
    "style-src": ["'self'", "'nonce-{nonce}'"],
    "img-src": ["'self'", "data:", *env.list("CSP_IMG_SRC", default=[])],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
CSP_REPORT_ONLY = env.bool("CSP_REPORT_ONLY", default=False)

# --- REST API -------------------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "accounts.authentication.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "communities.api.filters.SearchFilter",
        "communities.api.filters.OrderingFilter",
    ],
    # JSON bodies only; the few views that take a file upload add MultiPartParser themselves.
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "communities.api.pagination.DefaultPagination",
    "PAGE_SIZE": 25,
    "DEFAULT_SCHEMA_CLASS": "communities.api.schema.GuildhallAutoSchema",
    "EXCEPTION_HANDLER": "communities.api.exceptions.exception_handler",
    "DEFAULT_THROTTLE_CLASSES": ["communities.api.throttling.WriteRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {
        "write": env("API_WRITE_RATE", default="120/min"),
        "auth": env("API_AUTH_RATE", default="20/min"),
    },
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Guildhall API",
    "DESCRIPTION": "REST API of Guildhall, the platform for skill communities.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # Operation ids (and a generated client's function names) start after /api/v1/.
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    # One schema name per choice set that several serializers share.
    "ENUM_NAME_OVERRIDES": {
        "LanguageEnum": "config.settings.LANGUAGES",
        "RoleEnum": "communities.roles.Role",
        "MembershipStatusEnum": "communities.roles.MembershipStatus",
        "CommunityStatusEnum": "communities.models.Community.Status",
        "ApplicationStatusEnum": "members.models.applications.Application.Status",
        "ApplicationQuestionKindEnum": "members.models.applications.ApplicationQuestion.Kind",
        "ProfileVisibilityEnum": "members.models.profiles.ProfileVisibility",
        "NotificationGroupEnum": "communities.inbox.GROUP_KEYS",
        "CommunityVisibilityEnum": "communities.models.Community.Visibility",
        "TouchpointKindEnum": "members.models.relationships.Touchpoint.Kind",
        "PostKindEnum": "content.models.posts.PostKind",
        "PostStatusEnum": "content.models.posts.PostStatus",
        "PostReviewDecisionEnum": "content.services.posts.REVIEW_DECISIONS",
        "EmojiEnum": "content.models.discussions.Emoji",
        "WhoMayPostEnum": "content.models.discussions.WhoMayPost",
        "JoiningEnum": "content.models.discussions.Joining",
        "EventKindEnum": "events.models.events.EventKind",
        "EventFormatEnum": "events.models.events.EventFormat",
        "EventVisibilityEnum": "events.models.events.EventVisibility",
        "EventStatusEnum": "events.models.events.EventStatus",
        "RegistrationStatusEnum": "events.models.registrations.RegistrationStatus",
        "ResourceKindEnum": "learning.models.resources.ResourceKind",
        "ResourceCostEnum": "learning.models.resources.ResourceCost",
        "DecisionEnum": ["approve", "reject"],  # an application's; named so the posts' review keeps it
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    # Eager tasks run inside the request or command: their "Task ... succeeded" lines are noise there.
    "loggers": {"celery.app.trace": {"level": "WARNING" if CELERY_TASK_ALWAYS_EAGER else "INFO"}},
}
