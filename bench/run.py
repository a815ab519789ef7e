"""Benchmarks: page timings, query counts and page weight on the demo data.

Run with `make bench`. It builds a throw-away SQLite database with the demo data, requests the
main pages as each demo role through Django's test client (no network), and writes the figures
to docs/benchmarks.md. Targets are stated next to each figure; nothing here is a test.
"""

import gzip
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATABASE = Path(tempfile.mkdtemp()) / "bench.sqlite3"
os.environ["DATABASE_URL"] = f"sqlite:///{DATABASE}"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sdgp.settings")
os.environ.setdefault("DEBUG", "1")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

REPEAT = 30
# Targets for a page answered by the server (the phone's link adds its own time).
TARGET_MS = 150
TARGET_QUERIES = 30
TARGET_HTML_GZIP_KB = 20


def pages():
    """(role, username, url name, kwargs) for the pages people open every week."""
    from learning.tools.registry import tools
    from partnerships.models import Partnership

    laarne_ouinhi = Partnership.objects.get(north__name="Laarne")
    rows = [
        ("staff", "staff@demo.example", "home", {}),
        ("consultant", "consultant@demo.example", "home", {}),
        ("focal point", "focal.ouinhi@demo.example", "home", {}),
        (
            "focal point",
            "focal.ouinhi@demo.example",
            "partnerships:partnership_detail",
            {"pk": laarne_ouinhi.pk},
        ),
        ("consultant", "consultant@demo.example", "partnerships:partnership_list", {}),
    ]
    for tool in tools():
        sheet = tool.model.objects.owned_by(laarne_ouinhi.south).first()
        if sheet is not None:
            rows.append(
                (
                    "focal point",
                    "focal.ouinhi@demo.example",
                    "learning:sheet_detail",
                    {"slug": tool.slug, "pk": sheet.pk},
                )
            )
    return rows


def measure(client, url):
    client.get(url)  # warm up templates and caches
    timings = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return {
        "median_ms": statistics.median(timings),
        "max_ms": max(timings),
        "queries": len(queries),
        "html_gzip_kb": len(gzip.compress(response.content)) / 1024,
    }


def main():
    call_command("migrate", verbosity=0)
    call_command("seed_demo", verbosity=0, quiet=True)
    settings.ALLOWED_HOSTS = ["testserver"]
    from partnerships.models import User

    lines = [
        "# Benchmarks",
        "",
        "Written by `make bench` (`bench/run.py`): the demo data on SQLite, each page requested "
        f"{REPEAT} times through Django's test client on one machine, in-process (no network, "
        "no browser). Figures vary with the machine; compare runs on the same one.",
        "",
        f"Targets: median under {TARGET_MS} ms, at most {TARGET_QUERIES} queries, HTML under "
        f"{TARGET_HTML_GZIP_KB} KB gzipped.",
        "",
        "| Page | As | Median ms | Max ms | Queries | HTML gzip KB | Within targets |",
        "|---|---|---:|---:|---:|---:|---|",
    ]
    for role, username, name, kwargs in pages():
        client = Client()
        client.force_login(User.objects.get(username=username))
        url = reverse(name, kwargs=kwargs)
        result = measure(client, url)
        ok = (
            result["median_ms"] < TARGET_MS
            and result["queries"] <= TARGET_QUERIES
            and result["html_gzip_kb"] < TARGET_HTML_GZIP_KB
        )
        lines.append(
            f"| `{url}` | {role} | {result['median_ms']:.1f} | {result['max_ms']:.1f} | "
            f"{result['queries']} | {result['html_gzip_kb']:.1f} | {'yes' if ok else '**no**'} |"
        )
        print(lines[-1])
    output = ROOT / "docs" / "benchmarks.md"
    output.write_text("\n".join(lines) + "\n")
    print(f"written to {output.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
