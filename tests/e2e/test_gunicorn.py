"""The real server: gunicorn with `gunicorn.conf.py` and DEBUG off, reached over HTTP with raw
paths (no client normalises them), as the probe of private files did."""

import http.client
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
SECRET = b"%PDF-1.4 the minutes of a closed meeting"

SETUP = """
import json
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from learning import images
from learning.tools.presentation import PresentationImage
from PIL import Image
from tests.factories import PresentationSheetFactory, UserFactory

sheet = PresentationSheetFactory()
picture = PresentationImage.objects.create(
    sheet=sheet, image=images.reencode(Image.new("RGB", (40, 30), "red")), caption="Draft"
)
reader = UserFactory(username="reader@example.org")
session = SessionStore()
session[SESSION_KEY] = str(reader.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = reader.get_session_auth_hash()
session.create()
print(json.dumps({"session": session.session_key, "image": picture.image.url}))
"""


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("gunicorn")
    private = folder / "media" / "private" / "learning" / "attachments"
    private.mkdir(parents=True)
    (private / "secret.pdf").write_bytes(SECRET)
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.e2e.gunicorn_settings",
        "DEBUG": "0",
        "SECRET_KEY": "gunicorn-test-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
        "MEDIA_ROOT": str(folder / "media"),
        "SECURE_SSL_REDIRECT": "0",
        "REDIS_URL": "",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--no-input", "-v0"], env=env, check=True, cwd=ROOT)
    made = subprocess.run(
        [*manage, "shell", "-c", SETUP], env=env, check=True, cwd=ROOT, capture_output=True
    )
    world = json.loads(made.stdout.decode().strip().splitlines()[-1])
    gunicorn = Path(sys.executable).with_name("gunicorn")
    process = subprocess.Popen(
        [str(gunicorn), "sdgp.wsgi:application", "--config", "gunicorn.conf.py"],
        env={**env, "GUNICORN_BIND": f"127.0.0.1:{port}"},
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if get(port, "/healthz")[0] == 200:
                    break
            except OSError:
                time.sleep(0.3)
        else:
            pytest.fail("gunicorn did not start")
        yield {"port": port, **world}
    finally:
        process.terminate()
        process.wait(timeout=30)


def get(port, path, session=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    headers = {"Cookie": f"sessionid={session}"} if session else {}
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


@pytest.mark.parametrize(
    "path",
    [
        "/media//private/learning/attachments/secret.pdf",
        "/media/%2e/private/learning/attachments/secret.pdf",
        "/media/./private/learning/attachments/secret.pdf",
        "/media/private/learning/attachments/secret.pdf",
        "/media/%2fprivate/learning/attachments/secret.pdf",
        "/media/private%2flearning%2fattachments%2fsecret.pdf",
        "/media/tools/%2e%2e/private/learning/attachments/secret.pdf",
        "/media/tools/../private/learning/attachments/secret.pdf",
        "/media///private/learning/attachments/secret.pdf",
    ],
)
def test_no_path_trick_reaches_a_private_file_through_gunicorn(server, path):
    status, body = get(server["port"], path, server["session"])
    assert status == 404
    assert SECRET not in body


def test_a_stranger_gets_no_image_of_a_draft_through_gunicorn(server):
    status, body = get(server["port"], server["image"], server["session"])
    assert status == 404
    assert not body.startswith(b"\xff\xd8")
