"""The change history of a sheet and its rows, and the status transitions behind it."""

import pytest
from django.core.exceptions import ValidationError

from learning.forms import current_values, sheet_post_data
from learning.history import changes_since, sheet_history
from learning.tools.registry import get_tool
from tests.factories import FactorAnalysisFactory, FactorFactory, SwotFactory
from tests.learning.sheets import create_sheet, edit_data, url

pytestmark = pytest.mark.django_db


def test_a_changed_row_shows_its_old_and_new_value(client, focal_point, laarne):
    tool = get_tool("factors")
    client.force_login(focal_point)
    sheet = create_sheet(client, tool, laarne)
    values = current_values(tool, sheet)
    rows = {row["text"]: row for row in values["factors"]}
    rows["Close ties between staff and local associations"]["score"] = 3
    rows["Meetings at hours when farmers are in the fields"]["DELETE"] = True
    client.post(url("sheet_update", sheet), sheet_post_data(tool, values, version=1))

    html = client.get(url("sheet_history", sheet)).content.decode()

    assert "Score / 10" in html
    assert "<del>8</del>" in html
    assert "<ins>3</ins>" in html
    assert "Factor: Meetings at hours when farmers are in the fields</strong> deleted" in html


def test_history_names_the_person_and_the_status_change(focal_point, consultant, laarne):
    sheet = SwotFactory(owners=[laarne])
    sheet.transition("share", by=focal_point)
    sheet.transition("review", by=consultant)

    entries = sheet_history(sheet)

    assert [entry.user for entry in entries[:2]] == [consultant, focal_point]
    assert entries[0].changes[0].label == "Status"
    assert (entries[0].changes[0].old, entries[0].changes[0].new) == (
        "shared with the partner",
        "reviewed by the consultant",
    )


def test_changes_since_a_version_leave_out_what_came_before(client, focal_point, laarne):
    tool = get_tool("swot")
    client.force_login(focal_point)
    sheet = create_sheet(client, tool, laarne)
    client.post(url("sheet_update", sheet), edit_data(tool, sheet, "Second wording"))
    sheet.refresh_from_db()

    changes = changes_since(sheet, 1)

    assert len(changes) == 1
    assert changes[0].changes[0].new == "Second wording"


@pytest.mark.parametrize(
    ("status", "action"),
    [
        ("shared", "share"),
        ("reviewed", "share"),
        ("draft", "review"),
        ("reviewed", "review"),
        ("draft", "return"),
        ("returned", "return"),
    ],
)
def test_a_transition_from_the_wrong_status_is_refused(status, action, focal_point, laarne):
    sheet = FactorAnalysisFactory(owners=[laarne], status=status)

    with pytest.raises(ValidationError):
        sheet.transition(action, by=focal_point, reason="Why")

    sheet.refresh_from_db()
    assert sheet.status == status


def test_returning_a_sheet_needs_a_comment(consultant, laarne):
    sheet = FactorAnalysisFactory(owners=[laarne], status="shared")

    with pytest.raises(ValidationError):
        sheet.transition("return", by=consultant, reason="")


def test_a_status_change_does_not_touch_the_version(focal_point, laarne):
    sheet = FactorAnalysisFactory(owners=[laarne])
    FactorFactory(sheet=sheet)

    sheet.transition("share", by=focal_point)

    sheet.refresh_from_db()
    assert (sheet.status, sheet.version) == ("shared", 1)


def test_a_photo_shows_as_a_new_photo_by_the_system_without_its_thumbnail(
    client, focal_point, laarne, programme
):
    from tests.learning.test_presentation import shared_sheet

    sheet = shared_sheet(laarne, programme, image_count=1)
    client.force_login(focal_point)

    html = client.get(url("sheet_history", sheet)).content.decode()

    assert "a new photo" in html
    assert "tools/images/" not in html
    assert "Thumbnail" not in html
    assert "the system" in html
    assert "unknown person" not in html


def test_the_history_page_names_related_objects_in_one_query_however_many(
    client, focal_point, laarne
):
    """A sub-question's changes name its learning question: read for the whole page at once,
    not once per change shown."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import LearningQuestionTableFactory, SubQuestionFactory

    table = LearningQuestionTableFactory(owners=[laarne])
    client.force_login(focal_point)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            html = client.get(url("sheet_history", table)).content.decode()
        return len(captured), html

    SubQuestionFactory(question__table=table, text="How do councils meet?")
    few, html = queries()
    assert "How do councils meet?" in html
    for number in range(6):
        SubQuestionFactory(question__table=table, text=f"Sub-question {number} of many?")
    many, html = queries()
    assert "Sub-question 5 of many?" in html
    assert many == few
