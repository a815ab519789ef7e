"""Gunicorn settings of the production image (the Dockerfile and docker-compose.yml use them).

Threaded workers: a slow request holds one thread, not a whole worker, so the health check and
other people's pages keep being answered. Every input of the app is bounded (docs/security.md),
so no request should run long; a worker that stops answering for `timeout` seconds is replaced.
"""

import gc
import os

wsgi_app = "sdgp.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
worker_class = "gthread"
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
timeout = 60
graceful_timeout = 30
keepalive = 5
# Request line and headers: gunicorn's defaults, stated so they are not loosened by accident.
limit_request_line = 4094
limit_request_fields = 100
limit_request_field_size = 8190
# Recycle workers now and then so that memory a large upload took is given back.
max_requests = 1000
max_requests_jitter = 100
accesslog = "-"


def post_worker_init(worker):
    """Once the app is loaded, its modules, templates and settings live as long as the worker:
    frozen, the garbage collector's full passes skip them instead of stalling a request now
    and then (about 80 ms every twenty requests on a long edit page)."""
    gc.freeze()
