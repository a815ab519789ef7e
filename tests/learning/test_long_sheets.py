"""A long sheet is edited a page of rows at a time: the page stays small on a phone, and
saving one page leaves the rows of the others as they are."""

import pytest

from learning.forms import current_values, sheet_post_data
from learning.tools.registry import get_tool
from tests.context import shown
from tests.factories import SwotFactory, SwotItemFactory
from tests.learning.sheets import url

pytestmark = pytest.mark.django_db

TOOL = get_tool("swot")
ROWS_PER_PAGE = TOOL.inlines[0].rows_per_page
ROWS = ROWS_PER_PAGE + 5


@pytest.fixture
def long_sheet(laarne):
    sheet = SwotFactory(owners=[laarne], project_name="Advisory councils")
    for number in range(1, ROWS + 1):
        SwotItemFactory(sheet=sheet, quadrant="S", order=number, text=f"Strength {number:02}")
    return sheet


def rows_shown(response):
    formset = shown(response, "formsets")[0]
    return [form.instance.text for form in formset.initial_forms]


def test_the_edit_page_shows_one_page_of_rows_and_links_the_next(client, focal_point, long_sheet):
    client.force_login(focal_point)

    response = client.get(url("sheet_update", long_sheet))

    assert rows_shown(response) == [f"Strength {n:02}" for n in range(1, ROWS_PER_PAGE + 1)]
    html = response.content.decode()
    assert f"Strength {ROWS_PER_PAGE + 1:02}" not in html
    assert "?page=2" in html
    # New rows are added on the last page: here "Add" has nothing more to add.
    assert f'name="items-MAX_NUM_FORMS" value="{ROWS_PER_PAGE}"' in html


def test_the_last_page_shows_the_remaining_rows_and_takes_new_ones(client, focal_point, long_sheet):
    client.force_login(focal_point)

    response = client.get(url("sheet_update", long_sheet) + "?page=2")

    assert rows_shown(response) == [f"Strength {n:02}" for n in range(ROWS_PER_PAGE + 1, ROWS + 1)]
    formset = shown(response, "formsets")[0]
    assert len(formset.extra_forms) == 1
    assert "?page=1" in response.content.decode()


def test_saving_a_page_changes_its_rows_and_leaves_the_others(client, focal_point, long_sheet):
    client.force_login(focal_point)
    page = client.get(url("sheet_update", long_sheet) + "?page=2")
    values = current_values(TOOL, long_sheet)
    values["items"] = [
        {"id": form.instance.pk, "quadrant": "S", "order": form.instance.order, "text": text}
        for form, text in zip(
            shown(page, "formsets")[0].initial_forms,
            [
                f"Strength {ROWS_PER_PAGE + 1:02}, sharper",
                *(f"Strength {n:02}" for n in range(ROWS_PER_PAGE + 2, ROWS + 1)),
            ],
            strict=True,
        )
    ]
    values["items"].append({"quadrant": "W", "order": 1, "text": "A new weakness"})

    response = client.post(
        url("sheet_update", long_sheet) + "?page=2",
        sheet_post_data(TOOL, values, version=long_sheet.version),
    )

    assert response.status_code == 302
    texts = list(long_sheet.items.order_by("order", "pk").values_list("text", flat=True))
    assert len(texts) == ROWS + 1
    assert texts[:ROWS_PER_PAGE] == [f"Strength {n:02}" for n in range(1, ROWS_PER_PAGE + 1)]
    assert f"Strength {ROWS_PER_PAGE + 1:02}, sharper" in texts
    assert "A new weakness" in texts


def test_a_page_cannot_take_the_sheet_past_its_maximum_rows(client, focal_point, long_sheet):
    client.force_login(focal_point)
    maximum = TOOL.inlines[0].max_num
    values = current_values(TOOL, long_sheet)
    last_page = values["items"][ROWS_PER_PAGE:]
    new = [{"quadrant": "O", "order": 1, "text": f"Opportunity {n}"} for n in range(maximum)]
    values["items"] = last_page + new[: maximum - len(last_page)]

    response = client.post(
        url("sheet_update", long_sheet) + "?page=2",
        sheet_post_data(TOOL, values, version=long_sheet.version),
    )

    assert response.status_code == 200
    assert long_sheet.items.count() == ROWS
    assert "Opportunity 1" in response.content.decode()  # nothing typed is lost
