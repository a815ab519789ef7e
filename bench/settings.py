"""Settings of a benchmark run: the production settings (sdgp.settings, DEBUG off) with two
bench-only additions, so that the app itself carries no benchmark code and no extra URL:

- ROOT_URLCONF is bench.urls: the app's URLs plus a trivial view and a plain-text PDF (the
  floors the pages are compared with), behind the same middleware;
- a first middleware (bench.middleware) that reports each response's query count and database
  time in headers, and the worker's peak memory when asked.

`make bench` serves these settings with gunicorn over plain HTTP on loopback (production
terminates TLS in front of gunicorn), so it sets SECURE_SSL_REDIRECT=0 in the environment.
"""

from sdgp.settings import *  # noqa: F403
from sdgp.settings import MIDDLEWARE

ROOT_URLCONF = "bench.urls"
MIDDLEWARE = ["bench.middleware.BenchHeadersMiddleware", *MIDDLEWARE]
