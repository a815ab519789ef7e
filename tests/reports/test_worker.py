"""A real Celery worker on the real Redis broker builds a small report: the task is routed to
the "reports" queue, the worker (another process) reads the job from the test's database,
renders it, stores the file and mails the requester through the default queue.

It needs Redis (REDIS_URL) and a database another process can reach (PostgreSQL, or an SQLite
file). Where the services are required (SDGP_REQUIRE_SERVICES, as in CI), their absence fails
the test; elsewhere it is skipped."""

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import connection

from reports import jobs
from reports.models import ReportJob

ROOT = Path(__file__).resolve().parent.parent.parent
CELERY = Path(sys.executable).with_name("celery")
# What the worker's settings read from its environment, set below and nowhere else.
OWN = ("DATABASE_URL", "REDIS_URL", "MEDIA_ROOT", "EMAIL_URL", "DEBUG", "DJANGO_SETTINGS_MODULE")


def unavailable(reason):
    if os.environ.get("SDGP_REQUIRE_SERVICES"):
        pytest.fail(f"{reason} (SDGP_REQUIRE_SERVICES is set)")
    pytest.skip(reason)


def database_url():
    """The test database, as a URL for the worker's settings."""
    db = connection.settings_dict
    if connection.vendor == "postgresql":
        user = quote(db["USER"] or "")
        if db["PASSWORD"]:
            user += ":" + quote(db["PASSWORD"])
        host = f"{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
        return f"postgres://{user}@{host}/{quote(db['NAME'])}"
    if connection.vendor == "sqlite" and not connection.is_in_memory_db():
        return f"sqlite:///{db['NAME']}"
    return None


@pytest.fixture
def broker():
    """The broker URL of this test process (tests/conftest.py gives each xdist worker its own
    Redis database), emptied of earlier runs' messages."""
    import redis

    url = settings.CELERY_BROKER_URL
    if not url.startswith("redis://"):
        unavailable("needs Redis: REDIS_URL is not set")
    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=3)
        client.ping()
    except redis.exceptions.RedisError as error:
        unavailable(f"needs Redis at {url}: {error}")
    client.flushdb()
    yield url
    client.close()


@pytest.fixture
def worker(transactional_db, broker, settings, tmp_path, monkeypatch):
    """`celery -A sdgp worker -Q reports,celery --pool solo` on the broker and the test's
    database; the tasks of this test are queued to it, not run inline."""
    from sdgp.celery import app

    url = database_url()
    if url is None:
        unavailable("needs a database another process can reach (DATABASE_URL=postgres://...)")
    log = tmp_path / "worker.log"
    env = {key: value for key, value in os.environ.items() if not key.startswith(OWN)}
    env.update(
        DJANGO_SETTINGS_MODULE="sdgp.settings",
        DEBUG="1",
        DATABASE_URL=url,
        REDIS_URL=broker,
        MEDIA_ROOT=str(settings.MEDIA_ROOT),
        EMAIL_URL="consolemail://",
    )
    with log.open("wb") as output:
        process = subprocess.Popen(
            [
                str(CELERY),
                "--app",
                "sdgp",
                "worker",
                "--queues",
                "reports,celery",
                "--pool",
                "solo",
                "--hostname",
                f"test-{uuid.uuid4().hex[:8]}@%h",
                "--loglevel",
                "INFO",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
            ],
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    monkeypatch.setitem(app.conf, "task_always_eager", False)
    try:
        yield process, log
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_for(condition, *, process, log, timeout=120):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if result := condition():
            return result
        if process.poll() is not None:
            pytest.fail(f"The worker stopped ({process.returncode}):\n{log.read_text()}")
        time.sleep(0.5)
    pytest.fail(f"Timed out; the worker's log:\n{log.read_text()}")


def test_a_worker_on_the_real_broker_builds_a_report_and_mails_its_requester(
    worker, consultant, partnership
):
    process, log = worker

    job = jobs.start_report(
        user=consultant,
        programme=partnership.programme,
        partnership=partnership,
        language="en",
    )

    def finished():
        job.refresh_from_db()
        return job.is_finished

    wait_for(finished, process=process, log=log)
    assert job.state == ReportJob.State.DONE, job.error
    assert job.pages >= 1
    assert job.attempts == 1
    with job.file.open("rb") as handle:
        assert handle.read(5) == b"%PDF-"
    text = wait_for(
        lambda: "Your report is ready" in (text := log.read_text()) and text,
        process=process,
        log=log,
        timeout=30,
    )
    assert f"/reports/{job.pk}/" in text
    assert "reports.tasks.build_report" in text
