"""WSGI entry point of the framework floor (`gunicorn bench.floor_wsgi:application`)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ["DJANGO_SETTINGS_MODULE"] = "bench.floor"
application = get_wsgi_application()
