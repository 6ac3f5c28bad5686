# Guildhall production image: gunicorn serves the site; the same image runs the Celery worker and beat.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONPATH=/app

# gettext compiles the translations; libpq is not needed (psycopg2-binary ships its own).
RUN apt-get update \
    && apt-get install --yes --no-install-recommends gettext \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY . .
# Editable, so that config.settings.BASE_DIR is /app (templates/, static/, locale/ live there).
RUN pip install -e . \
    && if [ -d locale ]; then python manage.py compilemessages; fi \
    && python manage.py collectstatic --no-input \
    && useradd --create-home --uid 1000 guildhall \
    && mkdir -p /app/media \
    && chown guildhall /app/media

USER guildhall
EXPOSE 8000
CMD ["gunicorn", "config.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", \
     "--access-logfile", "-", "--forwarded-allow-ips", "*"]
