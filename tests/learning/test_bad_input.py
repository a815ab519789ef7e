"""Whatever arrives in a POST, the answer is a page that keeps what was typed, never a 500."""

import pytest

from learning.forms import current_values, sheet_post_data
from learning.tools.registry import get_tool
from tests.factories import FactorAnalysisFactory, FactorFactory
from tests.learning.sheets import create_sheet, edit_data, url

pytestmark = pytest.mark.django_db

TOOL = get_tool("factors")


@pytest.fixture
def sheet(client, focal_point, laarne):
    client.force_login(focal_point)
    return create_sheet(client, TOOL, laarne)


def test_a_post_without_the_management_form_shows_the_form_again(client, sheet):
    data = edit_data(TOOL, sheet, "Kept text")
    data = {name: value for name, value in data.items() if "FORMS" not in name}

    response = client.post(url("sheet_update", sheet), data)

    assert response.status_code == 200
    assert "Kept text" in response.content.decode()
    sheet.refresh_from_db()
    assert sheet.version == 1


def test_thousands_of_rows_are_refused_with_a_message(client, sheet):
    data = {**edit_data(TOOL, sheet, "Kept text"), "factors-TOTAL_FORMS": "100000"}

    response = client.post(url("sheet_update", sheet), data)

    assert response.status_code == 200
    assert "Please submit at most 100 forms." in response.content.decode()
    assert "Kept text" in response.content.decode()
    assert len(response.context["formsets"][0].forms) == 100


def test_a_row_of_another_sheet_cannot_be_changed_through_this_one(client, sheet, laarne):
    other = FactorFactory(sheet=FactorAnalysisFactory(owners=[laarne]), text="Not yours")
    values = current_values(TOOL, sheet)
    values["factors"][0] = {**values["factors"][0], "id": other.pk, "text": "Hijacked"}

    response = client.post(url("sheet_update", sheet), sheet_post_data(TOOL, values, version=1))

    assert response.status_code == 302  # the foreign row is ignored
    other.refresh_from_db()
    assert other.text == "Not yours"
    assert sheet.factors.count() == 2


@pytest.mark.parametrize("version", ["", "abc", "-1"])
def test_a_missing_or_broken_version_gets_the_conflict_page_and_saves_nothing(
    client, sheet, version
):
    data = {**edit_data(TOOL, sheet, "Kept text"), "sheet-version": version}

    response = client.post(url("sheet_update", sheet), data)

    assert response.status_code == 409
    assert "Kept text" in response.content.decode()
    sheet.refresh_from_db()
    assert sheet.version == 1


def test_a_comment_over_five_thousand_characters_is_refused_and_kept(client, sheet):
    client.post(url("sheet_transition", sheet, transition="share"))

    response = client.post(url("comment_create", sheet), {"text": "z" * 5001})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Ensure this value has at most 5000 characters (it has 5001)." in html
    assert "z" * 5001 in html
