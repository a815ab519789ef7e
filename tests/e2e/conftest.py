"""Browser tests: Playwright (sync API) drives Debian's Chromium against the live server.

Chromium must be installed at /usr/bin/chromium (`make system-deps`); without it these tests fail,
they do not skip. Each test is marked `e2e`, so `pytest -m "not e2e"` leaves them out.
"""

import os
from pathlib import Path

import pytest

# Debian's Chromium, launched and sized as `make bench` launches it.
from bench.browser import CHROMIUM, CHROMIUM_ARGS, PHONE

PASSWORD = "a-long-test-password"  # tests.factories.UserFactory's password


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(autouse=True)
def _plain_http(settings):
    """The live server speaks plain HTTP: cookies must not require HTTPS."""
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
    settings.SECURE_SSL_REDIRECT = False
    settings.SECURE_HSTS_SECONDS = 0


@pytest.fixture(scope="package")
def playwright_driver():
    """Playwright's sync API keeps an event loop marked as running in the test thread, so Django
    would refuse the (safe) ORM calls of the fixtures: allow them while the driver is up. Scoped
    to this package, so neither the loop nor the variable outlives the browser tests (a
    subprocess started by a later test would inherit the variable)."""
    from playwright.sync_api import sync_playwright

    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as driver:
            yield driver
    finally:
        if previous is None:
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="package")
def browser(playwright_driver):
    """One headless Chromium for all the browser tests."""
    if not CHROMIUM.exists():
        pytest.fail(f"Chromium is missing at {CHROMIUM}: run `make system-deps`.")
    browser = playwright_driver.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
    )
    yield browser
    browser.close()


def _page(browser, **options):
    context = browser.new_context(**options)
    context.set_default_timeout(10_000)
    return context, context.new_page()


@pytest.fixture
def phone(browser, request):
    """A 360 x 740 touch phone. Its locale is "en-GB" unless parametrised:
    `@pytest.mark.parametrize("phone", ["fr-BE"], indirect=True)`."""
    context, page = _page(
        browser,
        viewport=PHONE,
        is_mobile=True,
        has_touch=True,
        device_scale_factor=2,
        locale=getattr(request, "param", "en-GB"),
    )
    yield page
    context.close()


@pytest.fixture
def desktop(browser):
    context, page = _page(browser, viewport={"width": 1280, "height": 800}, locale="en-GB")
    yield page
    context.close()


@pytest.fixture
def slow_link(phone):
    """The phone on a slow mobile link: about 400 kbit/s each way and 300 ms latency."""
    session = phone.context.new_cdp_session(phone)
    session.send("Network.enable")
    session.send(
        "Network.emulateNetworkConditions",
        {
            "offline": False,
            "latency": 300,
            "downloadThroughput": 400_000 / 8,
            "uploadThroughput": 400_000 / 8,
        },
    )
    yield phone
    session.detach()


@pytest.fixture
def login(live_server):
    """`login(page, user)`: log in through the log-in form, as a person would."""

    def log_in(page, user, password=PASSWORD):
        page.goto(f"{live_server.url}/login/")
        page.locator("#id_username").fill(user.username)
        page.locator("#id_password").fill(password)
        with page.expect_navigation():
            page.locator("main form button[type=submit]").click()
        assert "/login/" not in page.url, "log-in failed"
        return page

    return log_in
