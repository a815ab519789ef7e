"""`make bench`: what users get, measured on a production-like server.

Builds two PostgreSQL databases, the pilot (`seed_demo`) and a programme 25 times larger
(bench/data.py), runs ANALYZE, collects the static files into a temporary folder and, for each
data set, serves the app with gunicorn (two workers, DEBUG off, Redis) on loopback. Then it
logs in as each demo role and measures its busiest pages (bench/pages.py): latency at 20
concurrent users against a trivial view, queries, PDFs against a plain-text floor, and bytes
and time on a slow link in headless Chromium. Prints every figure beside its target and writes
bench/results/<date>.md. docs/benchmarks.md explains the figures.

    python -m bench.run       (what `make bench` runs)

    BENCH_DATABASE_URL  PostgreSQL URL of the demo database (default
                        postgres://postgres@127.0.0.1:5432/sdgp_bench; the larger one is
                        <name>_large). Both are dropped at the end unless BENCH_KEEP=1.
    BENCH_REDIS_URL     default redis://127.0.0.1:6379/8
    BENCH_PORT          gunicorn's port on 127.0.0.1 (default 8765)
"""

import datetime
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import browser, load, measure, server
from bench.load import Client
from bench.pages import PASSWORD, ROLES
from bench.report import report

RESULTS = server.ROOT / "bench" / "results"
STARTED = time.monotonic()
# The pages measured in Chromium: a focal point's tool pages, as in Ouinhi.
TOOL_PAGES = ("read tool", "edit tool")


def step(text):
    print(f"[{time.monotonic() - STARTED:5.0f} s] {text}", flush=True)


def main():
    workdir = Path(tempfile.mkdtemp(prefix="sdgp-bench-"))
    demo_url, large_url = server.database_urls()
    env = server.environment(workdir, demo_url)
    large_env = {**env, "DATABASE_URL": large_url}
    run = {"about": _about(), "trivial": {}, "pages": {}, "browser": {}, "pdfs": {}}
    try:
        step(f"demo data set in {demo_url}; static files collected meanwhile")
        collected = server.manage_in_background(env, "collectstatic", "--no-input")
        server.create_database(demo_url)
        server.manage(env, "migrate", "--no-input")
        server.manage(env, "seed_demo", "--quiet")
        step(f"25 times larger data set in {large_url}")
        server.create_database(large_url, template_url=demo_url)
        server.manage(large_env, "-m", "bench.data")
        for url in (demo_url, large_url):
            server.analyze(url)
        collected()
        with server.redis(env):
            for size, size_env in (("demo", env), ("large", large_env)):
                _measure(size, size_env, workdir, run)
    except BaseException:
        print(f"Logs kept in {workdir}", file=sys.stderr)
        raise
    else:
        shutil.rmtree(workdir, ignore_errors=True)
    finally:
        if os.environ.get("BENCH_KEEP") != "1":
            for url in (demo_url, large_url):
                server.drop_database(url)
    run["about"].append(
        f"- Duration: {(time.monotonic() - STARTED) / 60:.1f} minutes; load average at the "
        f"end {_load()}."
    )
    lines = report(run)
    print("\n".join(lines))
    RESULTS.mkdir(exist_ok=True)
    output = RESULTS / f"{datetime.datetime.now(datetime.UTC):%Y-%m-%d-%H%M}.md"
    output.write_text("\n".join(["# Benchmark run", "", *lines]) + "\n")
    print(f"\nWritten to {output.relative_to(server.ROOT)}")


def _measure(size, env, workdir, run):
    pages = json.loads(server.manage(env, "-m", "bench.pages"))
    # The final report is built as the report job builds it, in a process of its own (which
    # lays out its parts in processes forked from it, reports/press.py), once the server has
    # stopped.
    in_worker = [page for page in pages if page["kind"] == "report"]
    pages = [page for page in pages if page not in in_worker]
    step(f"{size}: gunicorn with {server.WORKERS} workers on {server.HOST}:{server.PORT}")
    with server.gunicorn(env, workdir):
        clients = {
            role: Client(server.HOST, server.PORT).log_in(username, PASSWORD)
            for role, username in ROLES.items()
        }
        step(f"{size}: pages at 20 concurrent users")
        run["trivial"][size], run["pages"][size] = measure.pages_under_load(pages, clients)
        step(f"{size}: PDFs")
        run["pdfs"][size] = measure.pdfs(pages, clients)
        if browser.available():
            step(f"{size}: Chromium on a slow link")
            _browser(size, pages, clients, run)
    for page in in_worker:
        step(f"{size}: the final report, built in a process of its own as by the report job")
        repeat = measure.PDF_REPEAT if size == "demo" else 1
        row = measure.report_in_worker(env, page, run["pdfs"][size], repeat=repeat)
        run["pdfs"][size].append(row)
        print(measure.pdf_line(row), flush=True)


def _browser(size, pages, clients, run):
    phone = [
        page
        for page in pages
        if page["role"] == "focal point South" and page["page"].startswith(TOOL_PAGES)
    ]
    try:
        run["browser"][size] = browser.visits(
            f"http://{server.HOST}:{server.PORT}", phone, clients["focal point South"].cookies
        )
    except Exception as error:  # noqa: BLE001  (reported; the other figures still count)
        run["about"].append(f"- Chromium failed on the {size} data set: {error}")


def _about():
    commit = subprocess.run(
        ["git", "describe", "--always", "--dirty"],
        cwd=server.ROOT,
        capture_output=True,
        text=True,
    ).stdout.strip()
    return [
        f"- Date: {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC; commit {commit}.",
        f"- Machine: {os.cpu_count()} CPUs, {platform.platform()}, Python "
        f"{platform.python_version()}; load average at the start {_load()}.",
        f"- Server: gunicorn, {server.WORKERS} threaded workers (gunicorn.conf.py), DEBUG off, "
        "PostgreSQL, Redis, on "
        f"loopback; {load.USERS} concurrent users, up to {load.ROUNDS} requests each per page "
        f"(one only after {load.SECONDS} s).",
    ]


def _load():
    return " ".join(f"{value:.1f}" for value in os.getloadavg())


if __name__ == "__main__":
    main()
