"""Settings for MLAssess, read from the environment.

Defaults are the embedded set-up (SQLite, a filesystem broker) and are safe: DEBUG is off unless
DJANGO_DEBUG=1, HTTPS hardening is on unless DEBUG is on or DJANGO_HTTPS=0, and the secret key is
either given or generated once per installation (never a key that ships in the repo).
"""

import secrets
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
env = environ.Env()

# Runtime state of the embedded set-up (SQLite file, broker folders, generated key), never committed.
VAR_DIR = Path(env("MLASSESS_VAR_DIR", default=str(BASE_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = env.bool("DJANGO_DEBUG", default=False)


def _per_install_secret(variable: str, file_name: str, *, length: int, shortest: int, what: str) -> str:
    """The value of an environment variable, else one generated once for this installation into var/ (0600)."""
    if value := env(variable, default=""):
        return value
    path = VAR_DIR / file_name
    if not path.exists():
        path.touch(mode=0o600)
        path.write_text(secrets.token_urlsafe(length))
    value = path.read_text().strip()
    if len(value) < shortest:
        raise ImproperlyConfigured(f"{path} holds too short a {what}; delete it to generate a new one")
    return value


SECRET_KEY = _per_install_secret("DJANGO_SECRET_KEY", "secret_key", length=64, shortest=50, what="key")
# The seed of hidden cases, hidden ML splits and the like. Not the secret key: rotating the key must not change
# any hidden case. Every worker on every machine must share it (set MLASSESS_GRADING_SEED in production).
GRADING_SEED = _per_install_secret("MLASSESS_GRADING_SEED", "grading_seed", length=32, shortest=16, what="grading seed")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "django_celery_beat",
    "accounts",
    "questions",
    "profiles",
    "grader",
    "recruiting",
    "reviews",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "mlassess.urls"
WSGI_APPLICATION = "mlassess.wsgi.application"

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
                "accounts.context_processors.role_home",
                "reviews.context_processors.unread_notifications",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The web server and the local worker write the same file. WAL lets readers go on while one writes; a
    # transaction takes the write lock when it begins (IMMEDIATE), so two writers queue behind the busy
    # timeout instead of one failing with "database is locked" when it tries to upgrade a read lock.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Parameters travel apart from the statement (server-side binding): psycopg need not quote them into its text.
    # Options in DATABASE_URL win (`?server_side_binding=false`, say, for a pooler in transaction mode). A worker's
    # connections also prepare what they repeat (mlassess/celery.py).
    DATABASES["default"]["OPTIONS"] = {"server_side_binding": True, **DATABASES["default"].get("OPTIONS", {})}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "staticfiles"
STATIC_ROOT.mkdir(exist_ok=True)
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# HTTPS hardening: on by default, off for the local dev server (DEBUG) or when TLS ends elsewhere.
HTTPS = env.bool("DJANGO_HTTPS", default=not DEBUG)
SECURE_SSL_REDIRECT = HTTPS
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # probes from inside the deployment speak plain HTTP
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = 31536000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env.bool("DJANGO_BEHIND_PROXY", default=False) else None
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

# The question bank on disk, loaded by `manage.py sync_bank`.
BANK_DIR = Path(env("MLASSESS_BANK_DIR", default=str(BASE_DIR / "questions" / "bank")))

# Celery. Without REDIS_URL the broker is a folder (see mlassess/broker.py): no server to install.
REDIS_URL = env("REDIS_URL", default="")
BROKER_DIR = VAR_DIR / "broker"
CELERY_BROKER_URL = REDIS_URL or "mlassessfs://"
# Redis hands an unacknowledged message (a worker that died mid-grade) back after the visibility timeout:
# just above the longest run (60 s, the largest task time limit, plus start-up and saving the verdict).
CELERY_BROKER_TRANSPORT_OPTIONS = (
    {"visibility_timeout": 100}
    if REDIS_URL
    else {
        "data_folder_in": str(BROKER_DIR / "queue"),
        "data_folder_out": str(BROKER_DIR / "queue"),
        "control_folder": str(BROKER_DIR / "control"),
        "polling_interval": 0.05,
    }
)
if not REDIS_URL:
    for folder in ("queue", "control"):
        (BROKER_DIR / folder).mkdir(parents=True, exist_ok=True)
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_IGNORE_RESULT = True  # results live in the database rows the tasks write
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
CELERY_TASK_DEFAULT_QUEUE = "celery"
# Grading has a queue of its own so slow runs never starve quick jobs.
CELERY_TASK_ROUTES = {"grader.tasks.grade_submission": {"queue": "grading"}}
CELERY_BEAT_SCHEDULE = {
    "sweep-stuck-submissions": {"task": "grader.tasks.sweep_stuck_submissions", "schedule": 30.0},
    # Listings past their closing date leave the board; posters are told five days before.
    "expire-listings": {"task": "recruiting.tasks.expire_listings", "schedule": 600.0},
}
# A new pool process starts its sandbox zygotes again (a second or two of CPU): recycle rarely.
CELERY_WORKER_MAX_TASKS_PER_CHILD = 5000

# --- Accounts: django-allauth (sign-up, e-mail verification, password reset, throttling, TOTP, sessions) ---
INSTALLED_APPS += ["django.contrib.humanize", "allauth", "allauth.account", "allauth.mfa", "allauth.usersessions"]
MIDDLEWARE += [
    "allauth.account.middleware.AccountMiddleware",
    "allauth.usersessions.middleware.UserSessionsMiddleware",
    # Staff, reviewers and recruiters see nothing but their account settings until they turn on TOTP.
    "accounts.middleware.TwoFactorRequiredMiddleware",
]
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "account_login"
LOGOUT_REDIRECT_URL = "home"
ACCOUNT_ADAPTER = "accounts.adapters.AccountAdapter"
ACCOUNT_FORMS = {"login": "accounts.forms.LoginForm"}
ACCOUNT_LOGIN_METHODS = {"username", "email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "username*", "password1*", "password2*"]
ACCOUNT_UNIQUE_EMAIL = True
# A candidate practises at once; a verification mail goes out, and sharing with recruiters (and, later,
# applying to a listing) waits for the verified address (accounts.services.profile_sharing_set).
ACCOUNT_EMAIL_VERIFICATION = "optional"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False  # a link preview or a mail scanner must not verify anyone
ACCOUNT_CHANGE_EMAIL = True  # one address; a new one replaces it once verified
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[MLAssess] "
ACCOUNT_PRESERVE_USERNAME_CASING = False
# The e-mailed reset link logs its user in (after the second factor, where there is one): so the per-account
# throttle below can make a real user wait, never lock them out.
ACCOUNT_LOGIN_ON_PASSWORD_RESET = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False  # this session stays; Django ends every other one
ACCOUNT_RATE_LIMITS = {
    # Failed logins: 10 a minute from one client address, 5 in 5 minutes for one account.
    "login_failed": "10/m/ip,5/5m/key",
}
ACCOUNT_SESSION_REMEMBER = None  # "Remember me" on the login form
# The client address for the per-address limits: behind one TLS-terminating proxy, the one it forwards.
ALLAUTH_TRUSTED_PROXY_COUNT = 1 if env.bool("DJANGO_BEHIND_PROXY", default=False) else 0
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "MLAssess"
MFA_TOTP_TOLERANCE = 1  # one 30-second step either side, for clocks that drift
USERSESSIONS_TRACK_ACTIVITY = False  # sessions are recorded at login; no write on every request
# Rate limits and used TOTP codes live in the cache, which every web process must share: Redis when there
# is one, else a folder in var/ (the embedded set-up runs several gunicorn processes).
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL, "KEY_PREFIX": "mlassess"}
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": str(VAR_DIR / "cache")}
    )
}
# E-mail: SMTP from EMAIL_URL in production (e.g. smtp+tls://user:password@smtp.example.com:587), else the
# console (make run prints verification and reset mails in its terminal).
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env("DJANGO_DEFAULT_FROM_EMAIL", default="MLAssess <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# --- end of accounts block ---

# --- reviews ---
REVIEW_CLAIM_MINUTES = env.int("REVIEW_CLAIM_MINUTES", default=15)  # a claimed item is yours this long
REVIEW_SECOND_GRADE_SHARE = env.float("REVIEW_SECOND_GRADE_SHARE", default=0.10)  # free-text answers graded twice
REVIEW_DISAGREEMENT_POINTS = env.float("REVIEW_DISAGREEMENT_POINTS", default=1.0)  # more apart → a lead reviewer
REVIEW_APPEALS_PER_DAY = env.int("REVIEW_APPEALS_PER_DAY", default=3)  # per candidate, over 24 hours
REVIEW_LEAD_GROUP = "Lead reviewers"
# Absolute links in e-mails sent outside any request (review notifications, listing expiry warnings).
SITE_URL = env("DJANGO_SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
# --- end of reviews block ---

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", default="INFO")},
}

# --- The recruiter API (api/): DRF, OpenAPI schema, tokens, throttling, webhooks ---
INSTALLED_APPS += ["rest_framework", "drf_spectacular", "drf_spectacular_sidecar", "api"]
REST_FRAMEWORK = {
    # Recruiters' API tokens only (Authorization: Token <secret>); no session auth, so no CSRF questions.
    "DEFAULT_AUTHENTICATION_CLASSES": ["api.authentication.ApiTokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["api.permissions.TokenScopePermission"],
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.ApiTokenRateThrottle"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": None,
    "EXCEPTION_HANDLER": "api.exceptions.exception_handler",
    "DEFAULT_PAGINATION_CLASS": "api.pagination.ApiCursorPagination",
}
# Requests per token (DRF's rate syntax: N/second|minute|hour|day); over it, 429 with Retry-After.
API_TOKEN_RATE = env("MLASSESS_API_TOKEN_RATE", default="600/minute")
SPECTACULAR_SETTINGS = {
    "TITLE": "MLAssess recruiter API",
    "DESCRIPTION": "Candidates who share their progress with your organisation, your listings and the applications "
                   "to them. Authenticate with `Authorization: Token <secret>` (create tokens under Recruiter → API).",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SERVE_AUTHENTICATION": [],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {"WebhookEventEnum": "api.models.WebhookEvent"},
    "APPEND_COMPONENTS": {
        "securitySchemes": {"tokenAuth": {"type": "apiKey", "in": "header", "name": "Authorization",
                                          "description": "`Token <secret>`"}}
    },
}
# Webhooks: refuse loopback, private, link-local and reserved destinations unless this is on (tests, development).
WEBHOOKS_ALLOW_PRIVATE_ADDRESSES = env.bool("MLASSESS_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES", default=False)
WEBHOOKS_TIMEOUT_SECONDS = 5
WEBHOOKS_MAX_ATTEMPTS = env.int("MLASSESS_WEBHOOKS_MAX_ATTEMPTS", default=6)  # 1 + 5 retries: 30 s … 8 min apart
WEBHOOKS_RETRY_BASE_SECONDS = 30
WEBHOOKS_DISABLE_AFTER_FAILURES = env.int("MLASSESS_WEBHOOKS_DISABLE_AFTER", default=15)  # attempts in a row
CELERY_BEAT_SCHEDULE["sweep-webhook-deliveries"] = {"task": "api.tasks.sweep_webhook_deliveries", "schedule": 60.0}
# --- end of API block ---
