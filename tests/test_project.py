"""The project as a whole: settings from the environment, the compose file against the code,
and, in CI, the real PostgreSQL and Redis."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from django.conf import settings
from django.core.management import get_commands
from django.urls import resolve

ROOT = Path(__file__).resolve().parent.parent
SETTINGS_SOURCE = (ROOT / "sdgp" / "settings.py").read_text()
SETTINGS_VARIABLES = set(re.findall(r'env\.\w+\(\s*"([A-Z_]+)"', SETTINGS_SOURCE))
PRODUCTION_ENV = {
    "SECRET_KEY": "a-production-secret-key-that-is-long-and-random-enough-0123456789",
    "ALLOWED_HOSTS": "sdg.example.org",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "EMAIL_URL": "smtp+tls://mailer:secret@smtp.example.org:587",
}


def manage(*args, env=None):
    """Run manage.py in a fresh process with only the given environment variables."""
    clean = {key: value for key, value in os.environ.items() if key not in SETTINGS_VARIABLES}
    clean.update(env or {})
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


def compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


# Settings ---------------------------------------------------------------------------------


def test_start_up_without_secret_key_stops_with_a_clear_message():
    result = manage("check", env={"ALLOWED_HOSTS": "sdg.example.org"})
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_start_up_without_allowed_hosts_stops_with_a_clear_message():
    result = manage("check", env={"SECRET_KEY": PRODUCTION_ENV["SECRET_KEY"]})
    assert result.returncode != 0
    assert "ALLOWED_HOSTS is not set" in result.stderr


def test_deploy_check_is_clean_with_production_variables():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_deploy_check_warns_about_console_mail_and_a_missing_broker():
    env = {key: PRODUCTION_ENV[key] for key in ("SECRET_KEY", "ALLOWED_HOSTS")}
    result = manage("check", "--deploy", env=env)
    assert "sdgp.W001" in result.stderr
    assert "sdgp.W002" in result.stderr


def test_management_commands_do_not_narrate_pdf_rendering():
    result = manage("check", env={"DEBUG": "1"})
    assert result.returncode == 0, result.stderr
    assert "Fetching and parsing CSS" not in result.stdout + result.stderr


def test_the_embedded_default_needs_no_services():
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='sdgp.settings'; django.setup();"
        "from django.conf import settings as s;"
        "print(s.DATABASES['default']['ENGINE'], s.CELERY_TASK_ALWAYS_EAGER,"
        " s.CACHES['default']['BACKEND'], s.MAILERS['default']['BACKEND'])"
    )
    clean = {key: value for key, value in os.environ.items() if key not in SETTINGS_VARIABLES}
    clean["DEBUG"] = "1"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=clean, capture_output=True, text=True
    )
    engine, eager, cache, mail = result.stdout.split()
    assert engine == "django.db.backends.sqlite3"
    assert eager == "True"
    assert cache.endswith("LocMemCache")
    assert mail.endswith("console.EmailBackend")


# The compose file against the code -----------------------------------------------------------


def test_compose_runs_every_service_the_deployment_needs():
    services = compose()["services"]
    assert {"web", "worker", "report-worker", "db", "redis", "migrate"} <= set(services)
    for name in ("web", "worker", "report-worker", "db", "redis"):
        assert "healthcheck" in services[name], name
    assert services["web"]["depends_on"]["migrate"]["condition"] == (
        "service_completed_successfully"
    )


def test_compose_sets_only_variables_that_settings_read():
    for name in ("web", "worker", "report-worker", "migrate"):
        variables = set(compose()["services"][name]["environment"])
        assert variables <= SETTINGS_VARIABLES, variables - SETTINGS_VARIABLES
        assert {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL"} <= variables


def test_compose_commands_exist_in_the_code():
    services = compose()["services"]
    gunicorn = services["web"]["command"]
    module, attribute = gunicorn[gunicorn.index("gunicorn") + 1].split(":")
    assert callable(getattr(__import__(module, fromlist=[attribute]), attribute))

    worker = services["worker"]["command"]
    app_module = worker[worker.index("--app") + 1]
    assert __import__(app_module).celery_app.main == "sdgp"

    migrate = services["migrate"]["command"]
    assert migrate[:2] == ["python", "manage.py"]
    assert migrate[2] in get_commands()


def worker_queues(command):
    """The queues a `celery ... worker --queues a,b` command consumes."""
    assert "--queues" in command, f"{command} names no queues: it would consume only 'celery'"
    return set(command[command.index("--queues") + 1].split(","))


def routed_queues():
    """Every queue the code sends tasks to: the default one and those of the routes, whose
    tasks must exist."""
    import importlib

    for name in settings.CELERY_TASK_ROUTES:
        module, function = name.rsplit(".", 1)
        assert getattr(importlib.import_module(module), function).name == name
    routes = {route["queue"] for route in settings.CELERY_TASK_ROUTES.values()}
    return routes | {settings.CELERY_TASK_DEFAULT_QUEUE}


def test_compose_workers_consume_every_queue_the_code_sends_to():
    services = compose()["services"]
    workers = {
        name: service
        for name, service in services.items()
        if service.get("command", [])[:1] == ["celery"] and "worker" in service["command"]
    }
    assert {"worker", "report-worker"} <= set(workers)
    consumed = set()
    for name, service in workers.items():
        command = service["command"]
        assert command[command.index("--app") + 1] == "sdgp", name
        queues = worker_queues(command)
        consumed |= queues
        # Each worker's health check asks that worker, by its node name, not any worker.
        node = command[command.index("--hostname") + 1].split("@")[0]
        assert f"--destination {node}@$$HOSTNAME" in " ".join(service["healthcheck"]["test"])
    assert consumed == routed_queues()
    # Mail is never queued behind a report.
    assert worker_queues(services["worker"]["command"]) == {"celery"}
    assert worker_queues(services["report-worker"]["command"]) == {"reports"}


def test_make_worker_consumes_every_queue():
    makefile = (ROOT / "Makefile").read_text()
    command = re.search(r"^worker:.*\n\t(.*)$", makefile, re.MULTILINE).group(1).split()
    assert worker_queues(command) == routed_queues()


def test_compose_health_check_calls_the_health_view():
    test = compose()["services"]["web"]["healthcheck"]["test"]
    path = re.search(r"http://localhost:8000(/\S*)", " ".join(test)).group(1)
    assert resolve(path).url_name == "healthz"


def test_web_and_worker_share_the_media_volume_settings_point_at():
    services = compose()["services"]
    for name in ("web", "worker", "report-worker"):
        service = services[name]
        mounts = dict(volume.split(":") for volume in service["volumes"])
        assert mounts["media"] == service["environment"]["MEDIA_ROOT"]
    assert "media" in compose()["volumes"]


def test_dockerfile_installs_the_lock_file_and_serves_the_wsgi_app():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "--require-hashes" in dockerfile
    assert "requirements.lock" in dockerfile
    assert "sdgp.wsgi:application" in dockerfile


def test_lock_file_is_hash_checked_and_names_no_package_index():
    lock = (ROOT / "requirements.lock").read_text()
    assert "--hash=sha256:" in lock
    assert not re.search(r"^\s*--(extra-)?index-url|^\s*--find-links|https?://", lock, re.M)


# CI's real services --------------------------------------------------------------------------

require_services = pytest.mark.skipif(
    not os.environ.get("SDGP_REQUIRE_SERVICES"),
    reason="runs where .ci/run provides PostgreSQL and Redis",
)


@require_services
@pytest.mark.django_db
def test_ci_runs_on_postgresql():
    from django.db import connection

    assert connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        cursor.execute("SELECT version()")
        assert "PostgreSQL" in cursor.fetchone()[0]


@require_services
@pytest.mark.django_db
def test_postgresql_does_not_compile_our_small_queries():
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"


@require_services
@pytest.mark.django_db
def test_a_forms_choices_are_read_without_a_server_side_cursor(monkeypatch):
    from django import forms
    from django.db import connection

    from partnerships.models import Programme

    named = []
    create_cursor = connection.create_cursor
    monkeypatch.setattr(
        connection,
        "create_cursor",
        lambda name=None: named.append(name) or create_cursor(name),
    )
    list(forms.ModelChoiceField(queryset=Programme.objects.all()).choices)
    # DECLARE, FETCH and CLOSE would be three more round trips for a few rows.
    assert not any(named)


@require_services
def test_ci_runs_with_redis_as_cache_and_broker():
    from django.core.cache import cache

    assert settings.CACHES["default"]["BACKEND"].endswith("RedisCache")
    assert not settings.CELERY_TASK_ALWAYS_EAGER
    cache.set("ci-probe", "here", 10)
    assert cache.get("ci-probe") == "here"


def gunicorn_settings():
    import runpy

    return runpy.run_path(str(ROOT / "gunicorn.conf.py"))


def test_gunicorn_workers_keep_the_loaded_app_out_of_full_garbage_collections():
    import gc

    config = gunicorn_settings()
    before = gc.get_freeze_count()
    try:
        config["post_worker_init"](worker=None)
        assert gc.get_freeze_count() > before
    finally:
        gc.unfreeze()


def test_gunicorn_uses_threads_so_one_slow_request_cannot_starve_the_health_check():
    config = gunicorn_settings()
    assert config["worker_class"] == "gthread"
    assert config["threads"] >= 2
    assert config["workers"] >= 2
    assert 0 < config["timeout"] <= 120
    assert config["limit_request_line"] <= 8190
    assert config["limit_request_fields"] <= 100
    assert config["limit_request_field_size"] <= 8190
    assert config["wsgi_app"] == "sdgp.wsgi:application"


def test_the_image_and_compose_start_gunicorn_with_its_settings_file():
    dockerfile = (ROOT / "Dockerfile").read_text()
    cmd = re.search(r"^CMD (\[.*\])$", dockerfile, re.MULTILINE).group(1)
    web = compose()["services"]["web"]["command"]
    for command in (yaml.safe_load(cmd), web):
        assert command[0] == "gunicorn"
        assert command[command.index("--config") + 1] == "gunicorn.conf.py"
        assert "--workers" not in command and "--timeout" not in command
