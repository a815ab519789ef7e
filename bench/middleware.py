"""Headers that let `make bench` read what a response cost inside the server.

- X-Bench-Queries: the number of SQL queries the request ran, all middleware included;
- X-Bench-DB-ms: the time spent waiting for them;
- X-Bench-Peak-RSS-KB and X-Bench-RSS-Before-KB: the worker's peak resident memory during this
  request and its resident memory before it, only when the request carries X-Bench-Memory
  (Linux: the peak is reset through /proc/self/clear_refs).

Only bench.settings installs it: it is the outermost middleware of a benchmark run.
"""

import contextlib
import time
from pathlib import Path

from django.db import connection

PROC = Path("/proc/self")


class BenchHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        memory = "x-bench-memory" in request.headers
        if memory:
            _reset_peak_memory()
            before = _memory_kb("VmRSS")
        counter = _QueryCounter()
        with connection.execute_wrapper(counter):
            response = self.get_response(request)
        response["X-Bench-Queries"] = str(counter.queries)
        response["X-Bench-DB-ms"] = f"{counter.seconds * 1000:.1f}"
        if memory:
            response["X-Bench-Peak-RSS-KB"] = str(_memory_kb("VmHWM"))
            response["X-Bench-RSS-Before-KB"] = str(before)
        return response


class _QueryCounter:
    def __init__(self):
        self.queries = 0
        self.seconds = 0.0

    def __call__(self, execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.queries += 1
            self.seconds += time.perf_counter() - start


def _reset_peak_memory():
    with contextlib.suppress(OSError):
        (PROC / "clear_refs").write_text("5")


def _memory_kb(field):
    for line in (PROC / "status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1])
    return 0
