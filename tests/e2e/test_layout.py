"""The layout on a 360-px phone: no sideways scrolling, a menu that opens, the language switch."""

import pytest
from django.utils import translation

from tests.factories import SwotFactory, SwotItemFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_home_page_fits_a_phone_without_sideways_scroll(phone, live_server, login, focal_point):
    login(phone, focal_point)
    phone.goto(f"{live_server.url}/")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    assert phone.evaluate("document.body.scrollWidth") <= 360


def test_menu_is_closed_on_a_phone_and_opens_with_a_tap(phone, live_server, login, focal_point):
    login(phone, focal_point)
    phone.goto(f"{live_server.url}/")
    partnerships = phone.get_by_role("link", name="Partnerships", exact=True)
    assert not partnerships.is_visible()
    phone.get_by_text("Menu", exact=True).tap()
    assert partnerships.is_visible()
    assert phone.get_by_role("link", name="Laarne", exact=True).is_visible()
    assert phone.get_by_role("button", name="Log out").is_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    with phone.expect_navigation():
        partnerships.tap()
    assert phone.url.endswith("/partnerships/")


def test_menu_closes_with_escape(phone, live_server, login, focal_point):
    login(phone, focal_point)
    phone.get_by_text("Menu", exact=True).tap()
    assert phone.get_by_role("link", name="Partnerships", exact=True).is_visible()
    phone.keyboard.press("Escape")
    assert not phone.get_by_role("link", name="Partnerships", exact=True).is_visible()


def test_menu_lies_open_on_a_desktop(desktop, live_server, login, staff):
    login(desktop, staff)
    assert not desktop.get_by_text("Menu", exact=True).is_visible()
    assert desktop.get_by_role("link", name="Partnerships", exact=True).is_visible()
    assert desktop.get_by_role("button", name="Log out").is_visible()


def test_language_switch_turns_the_page_french(phone, live_server, login, focal_point):
    login(phone, focal_point)
    assert phone.locator("html").get_attribute("lang") == "en"
    phone.get_by_text("Menu", exact=True).tap()
    with phone.expect_navigation():
        phone.get_by_role("button", name="Français").tap()
    assert phone.locator("html").get_attribute("lang") == "fr"
    phone.locator("summary").tap()
    with translation.override("fr"):
        log_out = translation.gettext("Log out")
    assert log_out != "Log out"
    assert phone.get_by_role("button", name=log_out).is_visible()


@pytest.mark.parametrize("phone", ["fr-BE"], indirect=True)
def test_login_page_follows_the_browser_language(phone, live_server):
    phone.goto(f"{live_server.url}/login/")
    assert phone.locator("html").get_attribute("lang") == "fr"
    assert phone.get_by_label("Mot de passe").is_visible()
    assert phone.get_by_role("button", name="Nederlands").is_visible()


def test_skip_link_moves_to_the_main_content(phone, live_server, login, focal_point):
    login(phone, focal_point)
    phone.keyboard.press("Tab")
    skip = phone.locator(".skip-link")
    assert skip.evaluate("element => element === document.activeElement")
    assert skip.is_visible()
    phone.keyboard.press("Enter")
    assert phone.evaluate("location.hash") == "#main"


def test_home_page_loads_on_a_slow_link(slow_link, live_server, login, focal_point):
    login(slow_link, focal_point)
    slow_link.goto(f"{live_server.url}/", wait_until="load")
    assert slow_link.evaluate("document.documentElement.classList.contains('js')")
    assert slow_link.evaluate("typeof window.htmx") == "object"


def test_a_history_with_long_values_fits_a_phone(phone, live_server, login, focal_point, laarne):
    """A web address or a file name in a change wraps instead of widening the page."""
    sheet = SwotFactory(owners=[laarne], project_name="Before")
    item = SwotItemFactory(sheet=sheet, text="https://www.laarne.be/" + "participatie" * 12)
    item.text = "https://www.laarne.be/" + "adviesraden" * 12
    item.save()
    login(phone, focal_point)
    phone.goto(f"{live_server.url}/tools/swot/{sheet.pk}/history/")
    assert phone.get_by_text("adviesraden", exact=False).first.is_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
