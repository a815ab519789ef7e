"""Programme staff on a phone: add a municipality, then start a partnership with it."""

import pytest

from partnerships.models import Partnership
from tests.factories import SouthCountryFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_staff_add_a_municipality_and_start_a_partnership_on_a_phone(
    phone, live_server, login, staff, programme, laarne
):
    benin = SouthCountryFactory()
    login(phone, staff)
    phone.goto(f"{live_server.url}/")
    with phone.expect_navigation():
        phone.get_by_role("link", name="New partnership").tap()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    with phone.expect_navigation():
        phone.get_by_role("link", name="Add a local government").tap()
    phone.get_by_label("Name").fill("Lalo")
    phone.get_by_label("Country").select_option(str(benin.pk))
    with phone.expect_navigation():
        phone.get_by_role("button", name="Save").tap()
    assert phone.get_by_text("Lalo has been added.").is_visible()
    phone.get_by_label("Northern local government").select_option(label="Laarne")
    with phone.expect_navigation():
        phone.get_by_role("button", name="Create the partnership").tap()
    partnership = Partnership.objects.get(north=laarne, south__name="Lalo")
    assert partnership.programme == programme
    assert phone.url == f"{live_server.url}{partnership.get_absolute_url()}"
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
