"""The services of a run, on loopback: PostgreSQL databases, Redis and gunicorn.

PostgreSQL must be running (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/
sdgp_bench); the run creates its two databases (`<name>` and `<name>_large`) and drops them at
the end unless BENCH_KEEP=1. Redis is used where BENCH_REDIS_URL points (default
redis://127.0.0.1:6379/8); if nothing answers there, a throw-away redis-server is started.
"""

import contextlib
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/sdgp_bench"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/8"
HOST, PORT = "127.0.0.1", int(os.environ.get("BENCH_PORT", "8765"))
WORKERS = 2
SAMPLE = 0.05  # seconds between two readings of a measured command's memory


def database_urls():
    """The URLs of the two databases: the pilot-size one and the one 25 times larger."""
    url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL)
    parts = urlsplit(url)
    large = parts._replace(path=parts.path + "_large")
    return url, urlunsplit(large)


def _admin_connection(url):
    """A connection to the server's maintenance database, to create and drop databases."""
    parts = urlsplit(url)
    return psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True)


def _name(url):
    return urlsplit(url).path.lstrip("/")


def create_database(url, *, template_url=None):
    """(Re)create the database of `url`, empty or as a copy of the one at `template_url`."""
    with _admin_connection(url) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{_name(url)}" WITH (FORCE)')
        template = f' TEMPLATE "{_name(template_url)}"' if template_url else ""
        connection.execute(f'CREATE DATABASE "{_name(url)}"{template}')


def drop_database(url):
    with _admin_connection(url) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{_name(url)}" WITH (FORCE)')


def analyze(url):
    """The database at rest after a data load, as autovacuum leaves it: table statistics
    (without them the planner guesses), rows marked visible to all (else the first reads of
    each row write its page again), and the load's writes flushed by a checkpoint (else the
    flush runs while the pages are measured)."""
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute("VACUUM (ANALYZE)")
        # A role without pg_checkpoint leaves it to the server's own next checkpoint.
        with contextlib.suppress(psycopg.errors.InsufficientPrivilege):
            connection.execute("CHECKPOINT")


def environment(workdir, database_url):
    """The environment of production (DEBUG off, secrets set) for the bench settings."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DEBUG": "0",
        "SECRET_KEY": f"bench-{secrets.token_urlsafe(40)}",
        "ALLOWED_HOSTS": f"{HOST},localhost",
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": database_url,
        "REDIS_URL": os.environ.get("BENCH_REDIS_URL", DEFAULT_REDIS_URL),
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(workdir / "media"),
        # The mails that building the larger data set writes are composed but not printed:
        # the run measures pages, and printing them took a share of building it.
        "EMAIL_URL": "dummymail://",
        "PYTHONPATH": str(ROOT),
    }


def manage(env, *args):
    """Run a management command or a bench module (`-m bench.data`) with the run's settings;
    its output."""
    return manage_in_background(env, *args)()


def manage_in_background(env, *args):
    """Start what `manage` runs; returns the function that waits for it and returns its output."""
    command = [PYTHON, *args] if args[0] == "-m" else [PYTHON, "manage.py", *args]
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env={**env, "LOG_LEVEL": "WARNING"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )

    def wait():
        stdout, stderr = process.communicate()
        if process.returncode:
            sys.stderr.write(stdout + stderr)
            raise SystemExit(f"failed: {' '.join(args)}")
        return stdout

    return wait


@contextlib.contextmanager
def redis(env):
    """Make sure Redis answers at REDIS_URL; start a throw-away server if nothing does."""
    parts = urlsplit(env["REDIS_URL"])
    host, port = parts.hostname, parts.port or 6379
    if _redis_answers(host, port):
        yield
        return
    server = shutil.which("redis-server")
    if server is None:
        raise SystemExit(f"Redis does not answer at {host}:{port} and redis-server is missing.")
    process = subprocess.Popen(
        [server, "--bind", host, "--port", str(port), "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    try:
        for _ in range(50):
            if _redis_answers(host, port):
                break
            time.sleep(0.1)
        yield
    finally:
        process.terminate()
        process.wait()


def _redis_answers(host, port):
    import socket

    try:
        with socket.create_connection((host, port), timeout=1) as connection:
            connection.sendall(b"PING\r\n")
            return connection.recv(16).startswith(b"+PONG")
    except OSError:
        return False


@contextlib.contextmanager
def gunicorn(env, workdir):
    """gunicorn as the Dockerfile starts it, with two workers, on loopback."""
    log = (workdir / "gunicorn.log").open("a")
    process = subprocess.Popen(
        [
            *[str(Path(PYTHON).parent / "gunicorn"), "sdgp.wsgi:application"],
            *["--bind", f"{HOST}:{PORT}", "--workers", str(WORKERS), "--timeout", "60"],
            *["--access-logfile", str(workdir / "access.log")],
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=log,
    )
    try:
        _wait_until_healthy(process)
        yield
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def _wait_until_healthy(process):
    for _ in range(600):
        if process.poll() is not None:
            raise SystemExit("gunicorn stopped; see gunicorn.log in the run's folder")
        try:
            with urllib.request.urlopen(f"http://{HOST}:{PORT}/healthz", timeout=5) as answer:
                if answer.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.1)
    raise SystemExit("gunicorn did not answer /healthz within a minute")


def manage_measured(env, *args):
    """Run a management command as its own process, as a worker runs a job; its output and
    its peak memory in MB: the highest of its own resident memory and of the memory it and the
    processes it forked held together (`tree_memory_kb`, read every SAMPLE seconds)."""
    with tempfile.TemporaryFile("w+") as stdout:
        process = subprocess.Popen(
            [PYTHON, "manage.py", *args],
            cwd=ROOT,
            env={**env, "LOG_LEVEL": "WARNING"},
            stdout=stdout,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        together = 0
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            together = max(together, tree_memory_kb(process.pid))
            time.sleep(SAMPLE)
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode:
            raise RuntimeError(f"{' '.join(args)} failed ({process.returncode})")
        stdout.seek(0)
        return stdout.read(), max(usage.ru_maxrss, together) / 1024  # Linux: kilobytes


def tree_memory_kb(pid):
    """The memory a process and its descendants hold together, in KB: the sum of their
    proportional set sizes, so that the pages a forked process shares with its parent count
    once (Linux)."""
    total = 0
    for member in process_tree(pid):
        try:
            rollup = Path(f"/proc/{member}/smaps_rollup").read_text()
        except OSError:  # ended meanwhile
            continue
        total += next(
            (int(line.split()[1]) for line in rollup.splitlines() if line.startswith("Pss:")), 0
        )
    return total


def process_tree(pid):
    """`pid` and the processes it started, and theirs (Linux)."""
    tree, waiting = [], [pid]
    while waiting:
        member = waiting.pop()
        tree.append(member)
        try:
            tasks = list(Path(f"/proc/{member}/task").iterdir())
        except OSError:
            continue
        for task in tasks:
            try:
                waiting.extend(int(child) for child in (task / "children").read_text().split())
            except OSError:
                continue
    return tree
