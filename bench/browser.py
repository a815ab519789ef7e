"""What a phone on a weak link gets: headless Chromium (as tests/e2e launches it) opens each
page twice in a fresh profile over an emulated 400 kbit/s link with 400 ms of latency.

- bytes: everything received for the visit (headers included, as Chromium counts it);
  the second visit reuses the browser cache like a person coming back to the page;
- usable: the page's load event (HTML, styles, scripts and images in place), from the start
  of the navigation.
"""

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {"width": 360, "height": 740}
SLOW_LINK = {
    "offline": False,
    "latency": 400,  # ms added to every request
    "downloadThroughput": 400_000 / 8,  # bytes per second
    "uploadThroughput": 400_000 / 8,
}


def available():
    try:
        import playwright  # noqa: F401
    except ImportError:
        return False
    return CHROMIUM.exists()


def visits(base_url, pages, cookies, *, progress=print):
    """First and repeat visit of each page: bytes received and seconds until usable."""
    from playwright.sync_api import sync_playwright

    results = []
    with sync_playwright() as driver:
        browser = driver.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            for page in pages:
                results.append({**page, **_visit_twice(browser, base_url, page, cookies)})
                progress(
                    f"  {page['page']:20} first {results[-1]['first_kb']:6.1f} KB "
                    f"{results[-1]['first_s']:5.2f} s  repeat {results[-1]['repeat_kb']:6.1f} KB "
                    f"{results[-1]['repeat_s']:5.2f} s"
                )
        finally:
            browser.close()
    return results


def _visit_twice(browser, base_url, page, cookies):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    context.add_cookies(
        [{"name": name, "value": value, "url": base_url} for name, value in cookies.items()]
    )
    tab = context.new_page()
    cdp = context.new_cdp_session(tab)
    received = []
    cdp.on("Network.loadingFinished", lambda event: received.append(event["encodedDataLength"]))
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", SLOW_LINK)
    figures = {}
    try:
        for visit in ("first", "repeat"):
            received.clear()
            answer = tab.goto(base_url + page["url"], wait_until="load", timeout=120_000)
            if answer is None or answer.status != 200:
                raise RuntimeError(f"{page['url']} answered {answer and answer.status}")
            tab.wait_for_timeout(200)  # the load event's end and late loadingFinished events
            usable = tab.evaluate(
                "() => performance.getEntriesByType('navigation')[0].loadEventEnd"
            )
            figures[f"{visit}_kb"] = sum(received) / 1024
            figures[f"{visit}_s"] = usable / 1000
    finally:
        context.close()
    return figures
