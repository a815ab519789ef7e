"""The site-visit tools' pages read their partial's context only when the partial shows
(`VisitTool.page_context`), and keep it until the data changes: the names they declare are those
their partial gets, and the edit page reads none of it."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from learning.tools.registry import tools
from tests.learning.sheets import url
from tests.learning.test_sheet_budgets import create, queries
from visits.tools.base import VisitTool

pytestmark = pytest.mark.django_db

VISIT_TOOLS = [tool for tool in tools() if isinstance(tool, VisitTool)]


@pytest.mark.parametrize("tool", VISIT_TOOLS, ids=lambda tool: tool.slug)
def test_a_visit_tool_declares_the_names_of_its_partial(client, focal_point, laarne, tool):
    client.force_login(focal_point)
    sheet = create(client, tool, laarne, times=1)
    assert set(tool.partial_names) == set(tool.partial_context(sheet))


def watch_partial(tool, monkeypatch):
    """The sheets whose partial's context `tool` reads, as it reads them."""
    read = []
    original = type(tool).partial_context
    monkeypatch.setattr(
        type(tool),
        "partial_context",
        lambda self, sheet: read.append(sheet) or original(self, sheet),
    )
    return read


@pytest.mark.parametrize("tool", VISIT_TOOLS, ids=lambda tool: tool.slug)
def test_the_edit_page_does_not_read_the_partial(client, focal_point, laarne, tool, monkeypatch):
    client.force_login(focal_point)
    sheet = create(client, tool, laarne, times=1)
    read = watch_partial(tool, monkeypatch)
    assert queries(client, url("sheet_update", sheet)) > 0
    assert read == []
    assert queries(client, url("sheet_detail", sheet)) > 0
    assert read


@pytest.mark.parametrize("tool", VISIT_TOOLS, ids=lambda tool: tool.slug)
def test_the_partial_is_read_once_until_the_data_changes(
    client, focal_point, laarne, tool, monkeypatch
):
    """The same for every reader of the sheet, the partial's context is kept in the cache until
    anything changes (partnerships/freshness.py)."""
    client.force_login(focal_point)
    sheet = create(client, tool, laarne, times=1)
    read = watch_partial(tool, monkeypatch)

    def visit():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url("sheet_detail", sheet)).status_code == 200
        return len(captured)

    first = visit()
    kept = visit()
    assert kept < first
    assert len(read) == 1
    sheet.delegation.save()
    assert visit() > kept
    assert len(read) == 2


@pytest.mark.parametrize("tool", VISIT_TOOLS, ids=lambda tool: tool.slug)
def test_the_partial_is_kept_for_every_reader_or_for_each(
    client, focal_point, consultant, laarne, tool, monkeypatch
):
    """A partial that shows each reader something of their own (the journals' links to write
    them) is kept per reader; the others once for every reader of the sheet."""
    client.force_login(focal_point)
    sheet = create(client, tool, laarne, times=1)
    coach = Client()
    coach.force_login(consultant)  # before reading: logging in saves the person
    read = watch_partial(tool, monkeypatch)
    for reader in (client, coach, client):
        assert reader.get(url("sheet_detail", sheet)).status_code == 200
    assert len(read) == (2 if tool.partial_per_reader else 1)


@pytest.mark.parametrize("page", ["sheet_detail", "sheet_update"])
@pytest.mark.parametrize("tool", VISIT_TOOLS, ids=lambda tool: tool.slug)
def test_a_kept_page_reads_the_sheet_alone(client, focal_point, laarne, tool, page):
    """While the read or edit page is kept, it reads the sheet without its delegation and
    visit (`Tool.sheet_related`): those are read only to render the page."""
    client.force_login(focal_point)
    sheet = create(client, tool, laarne, times=1)
    delegation = sheet.delegation

    def visit():
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url(page, sheet))
        assert response.status_code == 200
        return response.text, [query["sql"] for query in captured]

    text, first = visit()
    again, kept = visit()
    assert not any('"visits_delegation"' in sql or '"visits_sitevisit"' in sql for sql in kept)
    assert len(kept) < len(first)
    assert again.count(delegation.visitor.name) == text.count(delegation.visitor.name) > 0
