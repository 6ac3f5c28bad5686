"""The framework floor: a bare Django project serving one view, measured beside the platform's pages.

Settings and URL conf in one module (`DJANGO_SETTINGS_MODULE=bench.floor`), served by gunicorn through
`bench.floor_wsgi`. It uses Django's default middleware (the list `startproject` writes), the platform's
database, and a view that returns the same 20 membership rows the member directory shows, with one raw
query. Whatever a platform page costs beyond this is the platform's own cost. Nothing here is part of
the product: `config/` never imports it.
"""

import environ
from django.http import JsonResponse
from django.urls import path

env = environ.Env()

DEBUG = False
SECRET_KEY = env("SECRET_KEY", default="bench-floor-not-secret")
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "bench.floor"
INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
DATABASES = {"default": env.db("DATABASE_URL", default="sqlite:///db.sqlite3")}
# The platform's connection settings, so that both sides pay the same for their connection.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
USE_TZ = True
TIME_ZONE = "UTC"

# The member directory's first page: the 20 newest active members of one community.
ROWS_SQL = """
    SELECT m.id, u.username, u.display_name, m.role, m.joined_at
    FROM members_membership m JOIN accounts_user u ON u.id = m.user_id
    JOIN communities_community c ON c.id = m.community_id
    WHERE c.slug = %s AND m.status = 'active'
    ORDER BY m.joined_at DESC, m.id DESC
    LIMIT 20
"""


def rows(request, slug):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(ROWS_SQL, [slug])
        columns = [column[0] for column in cursor.description]
        members = [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
    return JsonResponse({"results": members})


urlpatterns = [path("floor/<slug:slug>/", rows)]
