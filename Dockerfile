# The production image: gunicorn serves the app; the same image runs the Celery worker.
FROM python:3.12-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core gettext curl \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY requirements.lock .
RUN pip install --no-cache-dir --require-hashes --no-deps -r requirements.lock

COPY . .
# Collecting static files needs settings that load; these placeholder values never serve a request.
RUN SECRET_KEY=collectstatic ALLOWED_HOSTS=localhost python manage.py collectstatic --no-input \
    && python manage.py compilemessages --ignore '*/site-packages/*' \
    && useradd --system --home /app sdgp \
    && mkdir -p /app/media && chown sdgp /app/media

USER sdgp
EXPOSE 8000
CMD ["gunicorn", "sdgp.wsgi:application", "--config", "gunicorn.conf.py"]
