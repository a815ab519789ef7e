"""What the server gives one data set: each page's latency under load beside the trivial view's,
its queries, and each PDF's time against the plain-text floor with the worker's peak memory."""

import io
import re
import statistics
import tempfile

from pypdf import PdfReader

from . import server
from .load import summary, under_load

TRIVIAL = "/bench/trivial/"
ALONE = 2  # requests one at a time before the load: a warm-up, then queries and time alone
PDF_REPEAT = 3
FLOOR_PAGES = 500  # as many as /bench/pdf-floor/ renders (bench/views.py)


def pages_under_load(pages, clients, *, progress=print):
    """Each role's pages at 20 concurrent users; the trivial view is measured before each
    role's pages and at the end, and its figures are pooled."""
    trivial, results = [], []
    roles = list(dict.fromkeys(page["role"] for page in pages))
    # A warm-up, not counted: the workers' and their threads' first requests load what the
    # rest reuse (a p95 of a second, otherwise, that makes every page's p95 look small).
    under_load(clients[roles[0]], TRIVIAL)
    for role in roles:
        client = clients[role]
        trivial.extend(under_load(client, TRIVIAL))
        for page in pages:
            if page["role"] == role and page["kind"] != "pdf":
                results.append(_page(client, page))
                progress(_line(results[-1]))
    trivial.extend(under_load(clients[roles[0]], TRIVIAL))
    return summary(trivial), results


def _page(client, page):
    alone = [client.get(page["url"]) for _ in range(ALONE)]
    last = alone[-1]
    if last.status != 200:
        return {**page, "status": last.status}
    try:
        timings = under_load(client, page["url"])
    except (RuntimeError, OSError) as error:  # a 5xx or a timeout: reported, the run goes on
        return {**page, "status": f"failed under load ({error})"}
    return {
        **page,
        "status": 200,
        # The usual count: a worker's first request of a page may run one more (its caches).
        "queries": int(statistics.mode(queries for _seconds, queries in timings)),
        "db_ms": float(last.headers["X-Bench-DB-ms"]),
        "alone_ms": last.seconds * 1000,
        "html_kb": len(last.body) / 1024,
        "sent_kb": last.sent / 1024,
        **summary(timings),
    }


def _line(result):
    if result["status"] != 200:
        return f"  {result['role']:18} {result['page']:20} answers {result['status']}"
    return (
        f"  {result['role']:18} {result['page']:20} median {result['median_ms']:7.1f} ms  "
        f"p95 {result['p95_ms']:7.1f} ms  {result['queries']:4} queries"
    )


def pdfs(pages, clients, *, progress=print):
    """Each tool's PDF, one request at a time, against a plain-text PDF of as many pages."""
    results = []
    for page in (page for page in pages if page["kind"] == "pdf"):
        client = clients[page["role"]]
        client.get("/bench/pdf-floor/1/")  # fonts and WeasyPrint warmed up in a worker
        try:
            answers, floor, count = _in_turns(client, page["url"])
        except OSError as error:  # gunicorn's timeout killed the worker: reported
            results.append({**page, "status": f"failed ({error})"})
            continue
        if answers[-1].status != 200:
            results.append({**page, "status": answers[-1].status})
            continue
        floor_pages = min(count, FLOOR_PAGES)
        results.append(
            {
                **page,
                "status": 200,
                "pages": count,
                "seconds": statistics.median(answer.seconds for answer in answers),
                "floor_seconds": statistics.median(answer.seconds for answer in floor)
                * count
                / floor_pages,
                "peak_mb": max(_mb(answer, "Peak-RSS") for answer in answers),
                "growth_mb": max(_growth_mb(answer) for answer in answers),
                "floor_peak_mb": max(_mb(answer, "Peak-RSS") for answer in floor),
                "floor_growth_mb": max(_growth_mb(answer) for answer in floor),
            }
        )
        progress(pdf_line(results[-1]))
    return results


def pdf_line(row):
    if row["status"] != 200:
        return f"  {row['page']:20} {row['status']}"
    return (
        f"  {row['page']:20} {row['pages']:3} pages  {row['seconds']:.2f} s  "
        f"floor {row['floor_seconds']:.2f} s  peak {row['peak_mb']:.0f} MB"
    )


def _in_turns(client, url):
    """The PDF and the floor of as many pages (at most FLOOR_PAGES: a longer PDF is compared
    per page), PDF_REPEAT times each, in turns, so that a slow spell of the machine or a worker
    that is still cold weighs on both alike. Also the PDF's page count."""
    headers = {"X-Bench-Memory": "1"}
    answers = [client.get(url, headers=headers)]
    if answers[0].status != 200:
        return answers, [], 0
    count = page_count(answers[0].body)
    floor_url = f"/bench/pdf-floor/{min(count, FLOOR_PAGES)}/"
    floor = [client.get(floor_url, headers=headers)]
    for _ in range(PDF_REPEAT - 1):
        answers.append(client.get(url, headers=headers))
        floor.append(client.get(floor_url, headers=headers))
    return answers, floor, count


def _mb(answer, name):
    return int(answer.headers.get(f"X-Bench-{name}-KB", 0)) / 1024


def _growth_mb(answer):
    """How far the request raised the worker's resident memory above where it started."""
    return _mb(answer, "Peak-RSS") - _mb(answer, "RSS-Before")


def page_count(pdf):
    """Pages of a PDF, read by pypdf (the app's own dependency, reports/binding.py). Counting
    page objects with a pattern over the PDF's streams once found none in tool 1's PDF of the
    larger data set, and the run stopped."""
    return len(PdfReader(io.BytesIO(pdf)).pages)


REPORT_LINE = re.compile(r": (\d+) pages, \d+ KB, ([\d.]+) s")


def report_in_worker(env, page, pdfs, *, repeat=1):
    """The programme's final report built as the report job builds it, in a process of its
    own (`manage.py render_report`, with the staff member's reading rights), `repeat` times:
    the median of its seconds (the command's own, without starting Python), its pages and the
    peak memory of the process and those it forked, against the floor per page of this data
    set's longest PDF (measured in the same run)."""
    programme = page["url"].rstrip("/").rsplit("/", 1)[-1]
    measured = [row for row in pdfs if row["status"] == 200]
    if not measured:
        return {**page, "status": "no floor measured"}
    longest = max(measured, key=lambda row: row["pages"])
    floor_per_page = longest["floor_seconds"] / longest["pages"]
    runs = []
    for _run in range(repeat):
        with tempfile.NamedTemporaryFile(suffix=".pdf") as output:
            try:
                stdout, peak_mb = server.manage_measured(
                    env,
                    "render_report",
                    f"--programme={programme}",
                    f"--user={page['username']}",
                    f"--output={output.name}",
                )
            except RuntimeError as error:
                return {**page, "status": f"failed ({error})"}
        found = REPORT_LINE.search(stdout)
        runs.append((int(found.group(1)), float(found.group(2)), peak_mb))
    pages = runs[-1][0]
    seconds = statistics.median(seconds for _pages, seconds, _peak in runs)
    peak_mb = max(peak for _pages, _seconds, peak in runs)
    return {
        **page,
        "status": 200,
        "in_worker": True,
        "pages": pages,
        "seconds": seconds,
        "floor_seconds": floor_per_page * pages,
        "peak_mb": peak_mb,
        "growth_mb": peak_mb,
        "floor_peak_mb": longest["floor_peak_mb"],
        "floor_growth_mb": longest["floor_growth_mb"],
    }
