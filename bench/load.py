"""HTTP from the standard library: log in like a person, then many users at once.

Every request opens a new connection, for the pages and the trivial view alike, and asks for a
compressed answer as browsers do.
"""

import gzip
import http.client
import re
import statistics
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from urllib.parse import urlencode

import brotli

USERS = 20
ROUNDS = 6  # requests per user and page: up to 120 timings per page...
SECONDS = 6  # ...but no user starts another request after this many seconds (at least one)
# What Chromium asks for, less what the server never sends.
ACCEPT_ENCODING = "gzip, deflate, br"
DECOMPRESS = {"gzip": gzip.decompress, "br": brotli.decompress}


@dataclass
class Answer:
    status: int
    headers: dict
    body: bytes  # decompressed
    seconds: float
    sent: int  # bytes of the body as the server sent it


@dataclass
class Client:
    """One person's cookies; every request opens its own connection."""

    host: str
    port: int
    cookies: dict = field(default_factory=dict)

    def get(self, path, headers=None):
        return self.request("GET", path, headers=headers)

    def request(self, method, path, body=None, headers=None):
        # As a browser asks: compressed, when the server compresses.
        headers = {"Accept-Language": "en", "Accept-Encoding": ACCEPT_ENCODING, **(headers or {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        start = time.perf_counter()
        connection = http.client.HTTPConnection(self.host, self.port, timeout=120)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            content = response.read()
        finally:
            connection.close()
        seconds = time.perf_counter() - start
        sent = len(content)
        decompress = DECOMPRESS.get(response.headers.get("Content-Encoding"))
        if decompress:
            content = decompress(content)
        for value in response.headers.get_all("Set-Cookie") or ():
            for name, morsel in SimpleCookie(value).items():
                self.cookies[name] = morsel.value
        return Answer(response.status, dict(response.headers.items()), content, seconds, sent)

    def log_in(self, username, password):
        form = self.get("/login/")
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', form.body)
        body = urlencode(
            {
                "csrfmiddlewaretoken": token.group(1).decode(),
                "username": username,
                "password": password,
            }
        )
        answer = self.request(
            "POST",
            "/login/",
            body=body,
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
        if answer.status != 302 or "sessionid" not in self.cookies:
            raise SystemExit(f"could not log in as {username} (status {answer.status})")
        return self


def under_load(client, path, *, users=USERS, rounds=ROUNDS, seconds=SECONDS):
    """`users` threads each request `path` up to `rounds` times, and only once after `seconds`;
    for each answer (all 200) its latency and its X-Bench-Queries header."""
    deadline = time.monotonic() + seconds

    def one_user(_):
        timings = []
        while len(timings) < rounds and (not timings or time.monotonic() < deadline):
            answer = client.get(path)
            if answer.status != 200:
                raise RuntimeError(f"{path} answered {answer.status} under load")
            timings.append((answer.seconds, answer.headers.get("X-Bench-Queries")))
        return timings

    with ThreadPoolExecutor(max_workers=users) as pool:
        return [timing for timings in pool.map(one_user, range(users)) for timing in timings]


def summary(timings):
    """Median and 95th percentile in milliseconds, and how many requests they come from."""
    ordered = sorted(seconds for seconds, _queries in timings)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {
        "median_ms": statistics.median(ordered) * 1000,
        "p95_ms": p95 * 1000,
        "requests": len(ordered),
    }
