"""Each figure beside its target, as Markdown tables: printed, and written to bench/results/."""

TARGETS = {
    "read": 3.0,  # median latency, times the trivial view's
    "edit": 6.0,
    "first_kb": 60,  # a tool page's first visit, transferred
    "repeat_kb": 15,
    "first_s": 3.0,  # usable on the slow link
    "repeat_s": 1.5,
    "pdf": 2.5,  # seconds per page, times the plain-text floor's
    "report_s": 5.0,  # the pilot programme's final report with every appendix
    "report_mb": 300,
}
REPORT = "final report"
SIZES = ("demo", "large")


def mark(value, target):
    return "pass" if value <= target else "**FAIL**"


def report(run):
    """`run`: {"about": [...lines], "trivial": {size: summary}, "pages": {size: [...]},
    "browser": {size: [...]}, "pdfs": {size: [...]}}."""
    lines, tally = [], []
    lines += run["about"] + [""]
    lines += _latency(run, tally) + [""]
    lines += _queries(run, tally) + [""]
    lines += _browser(run, tally) + [""]
    lines += _pdfs(run, tally) + [""]
    lines += _report(run, tally) + [""]
    passed = sum(tally)
    lines.append(f"**{passed} of {len(tally)} figures within target.**")
    return lines


def _by_key(rows):
    return {(row["role"], row["page"]): row for row in rows}


def _latency(run, tally):
    trivial = run["trivial"]
    lines = [
        "## Latency at 20 concurrent users, as a ratio to the trivial view",
        "",
        "Trivial view: "
        + "; ".join(
            f"{size} median {figures['median_ms']:.1f} ms, p95 {figures['p95_ms']:.1f} ms"
            for size, figures in trivial.items()
        )
        + ". Targets at the median: read pages 3x, edit pages 6x.",
        "",
        "| Role | Page | Target | Demo median | Demo p95 | Demo "
        "| Large median | Large p95 | Large |",
        "|---|---|---:|---:|---:|---|---:|---:|---|",
    ]
    sizes = {size: _by_key(run["pages"].get(size, [])) for size in SIZES}
    for key, row in sizes["demo"].items():
        target = TARGETS[row["kind"]]
        cells = [key[0], row["page"], f"{target:.0f}x"]
        for size in SIZES:
            result = sizes[size].get(key)
            if result is None or result["status"] != 200:
                cells += ["", "", f"answers {result['status']}" if result else "not run"]
                continue
            median = result["median_ms"] / trivial[size]["median_ms"]
            p95 = result["p95_ms"] / trivial[size]["p95_ms"]
            cells += [f"{median:.1f}x", f"{p95:.1f}x", mark(median, target)]
            tally.append(median <= target)
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def _queries(run, tally):
    lines = [
        "## Queries per page, and where a request's time goes when it is alone",
        "",
        "Target: the same number of queries on both sizes. Alone: one request with no other "
        "running, after a warm-up; DB: the time it spent in its queries. HTML: its size, and "
        "in brackets what the server sent to a client accepting brotli and gzip, as browsers do.",
        "",
        "| Role | Page | Demo queries | Large queries | Same | Demo alone / DB ms | "
        "Large alone / DB ms | HTML KB (sent) demo / large |",
        "|---|---|---:|---:|---|---:|---:|---:|",
    ]
    demo, large = (_by_key(run["pages"].get(size, [])) for size in SIZES)
    for key, small in demo.items():
        big = large.get(key)
        if small["status"] != 200 or big is None or big["status"] != 200:
            continue
        same = small["queries"] == big["queries"]
        tally.append(same)
        lines.append(
            f"| {key[0]} | {key[1]} | {small['queries']} | {big['queries']} | "
            f"{'pass' if same else '**FAIL**'} | {small['alone_ms']:.0f} / {small['db_ms']:.0f} | "
            f"{big['alone_ms']:.0f} / {big['db_ms']:.0f} | "
            f"{_kb(small)} / {_kb(big)} |"
        )
    return lines


def _kb(result):
    return f"{result['html_kb']:.0f} ({result['sent_kb']:.0f})"


def _browser(run, tally):
    lines = [
        "## A phone on a 400 kbit/s link with 400 ms latency (headless Chromium)",
        "",
        "Transferred: all bytes received, headers included. Usable: the load event. "
        f"Targets: first visit {TARGETS['first_kb']} KB and {TARGETS['first_s']} s, repeat "
        f"visit {TARGETS['repeat_kb']} KB and {TARGETS['repeat_s']} s.",
        "",
    ]
    if not run["browser"]:
        return [*lines, "Not measured: Chromium or Playwright is missing."]
    lines += [
        "| Size | Role | Page | First KB | First s | Repeat KB | Repeat s |",
        "|---|---|---|---:|---:|---:|---:|",
    ]
    for size in SIZES:
        for row in run["browser"].get(size, []):
            cells = [size, row["role"], row["page"]]
            for figure in ("first_kb", "first_s", "repeat_kb", "repeat_s"):
                value = row[figure]
                tally.append(value <= TARGETS[figure])
                number = f"{value:.1f}" if figure.endswith("kb") else f"{value:.2f}"
                cells.append(f"{number} {mark(value, TARGETS[figure])}")
            lines.append("| " + " | ".join(cells) + " |")
    return lines


def _pdfs(run, tally):
    lines = [
        "## PDFs: seconds per page against a plain-text PDF of as many pages",
        "",
        "One request at a time, median of three, in turns with the floor; the floor's pages "
        "are full of plain text in the print stylesheet's font. Peak: the gunicorn worker's "
        "peak resident memory during the request, and in brackets how far the request raised "
        f"it (the rest the worker already held). Target: {TARGETS['pdf']}x the floor per page.",
        "",
        "| Size | Page | Pages | s/page | Floor s/page | Ratio | Peak MB | Floor peak MB |",
        "|---|---|---:|---:|---:|---|---:|---:|",
    ]
    for size in SIZES:
        for row in run["pdfs"].get(size, []):
            if row["status"] != 200:
                lines.append(f"| {size} | {row['page']} | answers {row['status']} | | | | | |")
                continue
            ratio = row["seconds"] / row["floor_seconds"]
            tally.append(ratio <= TARGETS["pdf"])
            pages = row["pages"]
            if row.get("in_worker"):  # a process of its own: its whole peak
                lines.append(
                    f"| {size} | {row['page']} (built as by the report job) | {pages} | "
                    f"{row['seconds'] / pages:.3f} | {row['floor_seconds'] / pages:.3f} | "
                    f"{ratio:.1f}x {mark(ratio, TARGETS['pdf'])} | {row['peak_mb']:.0f} "
                    f"(with its processes) | {row['floor_peak_mb']:.0f} |"
                )
                continue
            lines.append(
                f"| {size} | {row['page']} | {pages} | {row['seconds'] / pages:.3f} | "
                f"{row['floor_seconds'] / pages:.3f} | {ratio:.1f}x "
                f"{mark(ratio, TARGETS['pdf'])} | {row['peak_mb']:.0f} (+{row['growth_mb']:.0f}) | "
                f"{row['floor_peak_mb']:.0f} (+{row['floor_growth_mb']:.0f}) |"
            )
    return lines


def _report(run, tally):
    """The final report of the pilot-size programme, whole: seconds and memory."""
    rows = [row for row in run["pdfs"].get("demo", []) if row["page"] == REPORT]
    lines = [
        "## The final report of the pilot-size programme, every appendix included",
        "",
        f"Targets: under {TARGETS['report_s']:.0f} s and {TARGETS['report_mb']} MB (the peak "
        "of the process that builds it and those it forks); per page, as the PDFs above.",
        "",
    ]
    for row in rows:
        if row["status"] != 200:
            lines.append(f"- answers {row['status']}")
            continue
        tally += [
            row["seconds"] <= TARGETS["report_s"],
            row["peak_mb"] <= TARGETS["report_mb"],
        ]
        lines.append(
            f"- {row['pages']} pages in {row['seconds']:.2f} s "
            f"{mark(row['seconds'], TARGETS['report_s'])}, peak {row['peak_mb']:.0f} MB "
            f"{mark(row['peak_mb'], TARGETS['report_mb'])}"
        )
    return lines
