"""Every page at 360 px: none wider than the screen, nothing cut off, badges and buttons that read.

The two-programme world of the permission tests (tests/permissions/world.py) is built once; for
a few personas, in each of the three languages, every page of the content sweep
(tests/permissions/test_content.py) that answers 200 to the Django test client is opened in one
phone-sized page of one browser. In the page, a script measures:

- the page's width: `document.documentElement.scrollWidth` must not pass the screen's;
- elements cut off: any visible element that reaches past either edge of the screen without a
  scrolling ancestor (`overflow-x: auto` or `scroll`, such as `.table-scroll`) to reach it by;
- contrast: the text of every badge and enabled button against the background it is drawn on
  (its own, or the first ancestor's that is not transparent), by WCAG 2's formula: at least 4.5,
  or 3 for large text (24 px, or 18.66 px bold).

Print pages and PDFs are for paper, and are left out. A failure lists every page and problem.
"""

import pytest
from django.test import Client
from django.utils import translation

from bench.browser import PHONE
from tests.permissions.test_content import site_urls
from tests.permissions.world import build_world

pytestmark = pytest.mark.django_db(transaction=True)

# The personas whose pages are read, each in every language of the site.
PERSONAS = ("focal_point", "partner_focal_point", "consultant", "staff")
# Not pages a person reads on a phone: paper, JSON, the icon, the log-in page (signed in).
LEFT_OUT = ("/print/", "/pdf/", "/healthz", "/favicon.ico", "/login/")

MEASURE = """
(width) => {
  const problems = [];
  const page = document.documentElement.scrollWidth;
  if (page > width) problems.push(`the page is ${page} px wide`);

  const describe = (el) => {
    let name = el.tagName.toLowerCase();
    if (el.id) name += '#' + el.id;
    if (typeof el.className === 'string' && el.className.trim())
      name += '.' + el.className.trim().split(/\\s+/).slice(0, 3).join('.');
    const text = (el.innerText || el.value || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
    return text ? `${name} "${text}"` : name;
  };
  // Not in a closed <details>, not hidden, not transparent, larger than a visually hidden
  // label.
  const visible = (el, rect) =>
    rect.width >= 2 && rect.height >= 2 &&
    el.checkVisibility({
      contentVisibilityAuto: true, opacityProperty: true, visibilityProperty: true,
    });
  const scrolls = (el) => {
    for (let node = el.parentElement; node && node !== document.body; node = node.parentElement) {
      const overflow = getComputedStyle(node).overflowX;
      if (overflow === 'auto' || overflow === 'scroll') return true;
    }
    return false;
  };

  // Cut off: past an edge of the screen with no scrolling ancestor. Only the outermost such
  // element is named, not each of its children. The inside of an SVG drawing is left out: the
  // evolution timeline wraps its text by an estimated character width, which Debian's wide
  // DejaVu Sans exceeds by a few pixels (a phone's own fonts are narrower); the drawing itself
  // is measured.
  const cut = [];
  for (const el of document.body.querySelectorAll('*')) {
    if (el.ownerSVGElement || cut.some((outer) => outer.contains(el))) continue;
    const rect = el.getBoundingClientRect();
    if (!visible(el, rect)) continue;
    if ((rect.right > width + 1 || rect.left < -1) && !scrolls(el)) cut.push(el);
  }
  for (const el of cut.slice(0, 5)) problems.push(`cut off: ${describe(el)}`);

  // Contrast (WCAG 2.x relative luminance).
  const parse = (colour) => {
    const m = colour.match(/rgba?\\(([^)]+)\\)/);
    if (!m) return null;
    const parts = m[1].split(/[\\s,/]+/).filter(Boolean).map(Number);
    return { r: parts[0], g: parts[1], b: parts[2], a: parts.length > 3 ? parts[3] : 1 };
  };
  const over = (top, bottom) => ({
    r: top.r * top.a + bottom.r * (1 - top.a),
    g: top.g * top.a + bottom.g * (1 - top.a),
    b: top.b * top.a + bottom.b * (1 - top.a),
    a: 1,
  });
  const background = (el) => {
    const layers = [];
    for (let node = el; node; node = node.parentElement) {
      const colour = parse(getComputedStyle(node).backgroundColor);
      if (colour && colour.a > 0) {
        layers.push(colour);
        if (colour.a >= 1) break;
      }
    }
    let result = { r: 255, g: 255, b: 255, a: 1 };
    for (const layer of layers.reverse()) result = over(layer, result);
    return result;
  };
  const luminance = ({ r, g, b }) => {
    const [R, G, B] = [r, g, b].map((v) => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * R + 0.7152 * G + 0.0722 * B;
  };
  const seen = new Set();
  for (const el of document.querySelectorAll('.badge, .btn, .score')) {
    const rect = el.getBoundingClientRect();
    if (!visible(el, rect) || el.disabled || el.closest('[disabled], [hidden]')) continue;
    if (!(el.innerText || '').trim()) continue;
    const style = getComputedStyle(el);
    const back = background(el);
    const text = parse(style.color);
    if (!text) continue;
    const fore = over(text, back);
    const [light, dark] = [luminance(fore), luminance(back)].sort((a, b) => b - a);
    const ratio = (light + 0.05) / (dark + 0.05);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    const needed = large ? 3 : 4.5;
    const key = `${describe(el)} ${style.color} ${ratio.toFixed(2)}`;
    if (ratio < needed - 0.005 && !seen.has(key)) {
      seen.add(key);
      const ground = [back.r, back.g, back.b].map(Math.round).join(', ');
      problems.push(
        `contrast ${ratio.toFixed(2)} < ${needed}: ${describe(el)} (${style.color} on ${ground})`
      );
    }
  }
  return problems;
}
"""


def pages_of(world, role, urls):
    """The URLs that answer `role` with a page, 200 and HTML (asked of the test client: quicker
    than a browser); files such as a meeting's invitation are downloads, not pages."""
    client = Client(raise_request_exception=False)
    client.force_login(world.user(role))
    found = []
    for url in urls:
        if any(part in url for part in LEFT_OUT):
            continue
        with translation.override("en"):
            response = client.get(url)
        if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
            found.append(url)
    return found


@pytest.mark.parametrize("language", ["en", "fr", "nl"])
def test_no_page_is_wider_than_a_phone_or_hard_to_read(
    browser, live_server, login, settings, tmp_path, language
):
    settings.MEDIA_ROOT = tmp_path
    world = build_world()
    urls = site_urls(world)
    problems = []
    opened = 0
    for role in PERSONAS:
        # Reduced motion: Bootstrap's transitions off, so colours are measured as they settle.
        context = browser.new_context(
            viewport=PHONE,
            is_mobile=True,
            has_touch=True,
            locale="en-GB",
            reduced_motion="reduce",
        )
        context.set_default_timeout(15_000)
        context.add_cookies(
            [{"name": "django_language", "value": language, "url": live_server.url}]
        )
        page = context.new_page()
        try:
            login(page, world.user(role))
            # The menu, open.
            page.locator(".site-menu > summary").click()
            for problem in page.evaluate(MEASURE, PHONE["width"]):
                problems.append(f"{role} menu: {problem}")
            for url in pages_of(world, role, urls):
                page.goto(live_server.url + url, wait_until="load")
                opened += 1
                for problem in page.evaluate(MEASURE, PHONE["width"]):
                    problems.append(f"{role} {url}: {problem}")
        finally:
            context.close()
    assert opened > 100, f"only {opened} pages opened"
    assert not problems, "At 360 px:\n" + "\n".join(problems)
