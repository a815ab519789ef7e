"""Writes take plain data: the demo data, imports and tests save sheets through the same
services as the pages, without forms."""

import pytest

from learning import services
from learning.history import sheet_history
from learning.locking import Conflict
from learning.tools.registry import get_tool


@pytest.fixture
def factors():
    return get_tool("factors")


def test_a_sheet_and_its_rows_are_saved_from_plain_values(
    factors, programme, partnership, laarne, focal_point
):
    sample = factors.sample(laarne)

    sheet = services.sheet_create(
        tool=factors,
        owner=laarne,
        programme=programme,
        user=focal_point,
        values={"remarks": sample["remarks"]},
        rows={"factors": sample["factors"]},
    )

    assert sheet.remarks == sample["remarks"]
    assert list(sheet.owners.all()) == [laarne]
    assert [row.text for row in sheet.factors.order_by("pk")] == [
        row["text"] for row in sample["factors"]
    ]
    assert {entry.user for entry in sheet_history(sheet)} == {focal_point}


def test_an_update_changes_removes_and_adds_rows_under_the_lock(
    factors, programme, partnership, laarne, focal_point
):
    sample = factors.sample(laarne)
    sheet = services.sheet_create(
        tool=factors,
        owner=laarne,
        programme=programme,
        user=focal_point,
        values={"remarks": "First"},
        rows={"factors": sample["factors"]},
    )
    kept, removed = sheet.factors.order_by("pk")

    services.sheet_update(
        sheet=sheet,
        user=focal_point,
        version=1,
        values={"remarks": "Second"},
        rows={
            "factors": [
                {**sample["factors"][0], "id": kept, "text": "Changed"},
                {"id": removed, "DELETE": True},
                {**sample["factors"][1], "text": "Added"},
            ]
        },
    )

    sheet.refresh_from_db()
    assert (sheet.remarks, sheet.version) == ("Second", 2)
    assert sorted(sheet.factors.values_list("text", flat=True)) == ["Added", "Changed"]
    with pytest.raises(Conflict):
        services.sheet_update(
            sheet=sheet, user=focal_point, version=1, values={"remarks": "Stale"}, rows={}
        )
    sheet.refresh_from_db()
    assert sheet.remarks == "Second"


def test_an_unchanged_row_adds_no_line_to_the_history(
    factors, programme, partnership, laarne, focal_point
):
    sample = factors.sample(laarne)
    sheet = services.sheet_create(
        tool=factors,
        owner=laarne,
        programme=programme,
        user=focal_point,
        values={"remarks": "First"},
        rows={"factors": sample["factors"][:1]},
    )
    row = sheet.factors.get()
    before = row.history.count()

    services.sheet_update(
        sheet=sheet,
        user=focal_point,
        version=1,
        values={"remarks": "Second"},
        rows={"factors": [{**sample["factors"][0], "id": row}]},
    )

    assert row.history.count() == before
