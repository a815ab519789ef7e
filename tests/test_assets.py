"""The page weight a phone on a slow link downloads: every stylesheet and script of the home page,
gzipped, stays under 60 KB, and all of it is served by us (no CDN)."""

import gzip
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.urls import reverse

pytestmark = pytest.mark.django_db

BUDGET = 60 * 1024


class AssetCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "link" and "stylesheet" in (attributes.get("rel") or "").split():
            self.urls.append(attributes["href"])
        elif tag == "script" and attributes.get("src"):
            self.urls.append(attributes["src"])


def assets_of(html):
    collector = AssetCollector()
    collector.feed(html)
    return collector.urls


@pytest.fixture
def home_assets(client, focal_point):
    client.force_login(focal_point)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    return assets_of(response.content.decode())


def test_home_page_loads_bootstrap_htmx_and_our_own_files(home_assets):
    paths = [urlsplit(url).path for url in home_assets]
    assert f"{settings.STATIC_URL}vendor/bootstrap/bootstrap.min.css" in paths
    assert f"{settings.STATIC_URL}vendor/htmx/htmx.min.js" in paths
    assert f"{settings.STATIC_URL}css/app.css" in paths
    assert f"{settings.STATIC_URL}js/app.js" in paths


def test_no_asset_comes_from_another_host(home_assets):
    for url in home_assets:
        parts = urlsplit(url)
        assert not parts.scheme and not parts.netloc, f"{url} is loaded from another host"
        assert parts.path.startswith(settings.STATIC_URL)


def test_css_and_javascript_stay_under_60_kb_gzipped(home_assets):
    sizes = {}
    for url in home_assets:
        path = finders.find(urlsplit(url).path.removeprefix(settings.STATIC_URL))
        assert path, f"{url} is not a static file"
        with open(path, "rb") as file:
            sizes[url] = len(gzip.compress(file.read(), compresslevel=9))
    assert sum(sizes.values()) <= BUDGET, sizes


def test_collector_sees_stylesheets_and_scripts_only():
    html = (
        '<link rel="stylesheet" href="/static/a.css"><link rel="icon" href="/static/i.png">'
        '<script src="/static/b.js" defer></script><script>inline()</script>'
    )
    assert assets_of(html) == ["/static/a.css", "/static/b.js"]


def pdf_pages_text(html):
    """Each page's text as WeasyPrint lays it out with print.css (margin boxes included)."""
    from weasyprint import CSS, HTML

    stylesheet = CSS(filename=finders.find("css/print.css"))
    document = HTML(string=html).render(stylesheets=[stylesheet])
    return [
        [box.text for box in page._page_box.descendants() if hasattr(box, "text")]
        for page in document.pages
    ]


def test_print_stylesheet_has_no_rule_weasyprint_ignores(caplog):
    with caplog.at_level("WARNING", logger="weasyprint"):
        pdf_pages_text("<h1>Title</h1>")
    assert not [record.getMessage() for record in caplog.records if record.levelname != "INFO"]


def test_printed_pages_are_numbered_and_repeat_the_table_header_without_the_menu():
    rows = "".join(f"<tr><td>Activity {number}</td></tr>" for number in range(100))
    pages = pdf_pages_text(
        "<nav>Menu</nav><h1>Laarne: learning questions</h1><form><button>Save</button></form>"
        f"<table><thead><tr><th>Activity</th></tr></thead><tbody>{rows}</tbody></table>"
    )
    count = len(pages)
    assert count > 1
    for number, texts in enumerate(pages, start=1):
        assert f"{number} / {count}" in texts
        assert "Activity" in texts  # the header row, on every page
        assert "Menu" not in texts and "Save" not in texts
    assert "Laarne: learning questions" in pages[1]  # the running header
