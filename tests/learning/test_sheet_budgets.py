"""A sheet's read and edit pages cost the same number of queries whatever its length: the read
page fetches each kind of rows once, the edit page shows a page of rows (speed is measured by
`make bench`; the counts are checked here, for every tool of the registry)."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from learning.forms import row_formset_classes, sheet_post_data
from learning.tools.registry import get_tool, tools
from tests.factories import LearningQuestionFactory, LearningQuestionTableFactory
from tests.learning.sheets import url

pytestmark = pytest.mark.django_db


def create(client, tool, owner, *, times):
    """The tool filled in from its sample, each kind of its sample's rows `times` over."""
    values = tool.sample(owner)
    for inline, formset_class in zip(tool.inlines, row_formset_classes(tool), strict=True):
        prefix = formset_class.get_default_prefix()
        values[prefix] = (values.get(prefix, []) * times)[: inline.max_num]
    response = client.post(
        reverse("learning:sheet_create", kwargs={"slug": tool.slug, "owner": owner.pk}),
        sheet_post_data(tool, values),
    )
    assert response.status_code == 302
    return tool.model.objects.latest("pk")


def queries(client, address):
    """The page's query count with nothing kept in the cache (partnerships/freshness.py), so
    that it reads all it shows."""
    client.get(address)  # a first request fills per-process caches
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(address).status_code == 200
    return len(captured)


@pytest.mark.parametrize("tool", tools(), ids=lambda tool: tool.slug)
@pytest.mark.parametrize("page", ["sheet_detail", "sheet_update"])
def test_a_longer_sheet_costs_the_same_queries(client, focal_point, laarne, tool, page):
    client.force_login(focal_point)
    longest = max(inline.rows_per_page for inline in tool.inlines) if tool.inlines else 1

    short = create(client, tool, laarne, times=1)
    small = queries(client, url(page, short))
    short.delete()
    longer = create(client, tool, laarne, times=longest + 3)
    larger = queries(client, url(page, longer))

    assert larger == small


@pytest.mark.parametrize("page", ["sheet_detail", "sheet_update"])
def test_a_longer_journal_per_objective_costs_the_same_queries(
    client, focal_point, laarne, partnership, page
):
    """Its sample's one objective cannot be repeated (one per learning question and number):
    the longer journal has three objectives on each of four questions."""
    table = LearningQuestionTableFactory(
        programme=partnership.programme, owners=[laarne], status="shared"
    )
    questions = [
        LearningQuestionFactory(table=table, order=order, text=f"Question {order}?")
        for order in range(1, 5)
    ]
    tool = get_tool("journal-per-objective")
    objectives = [
        {"question": question.pk, "number": number, "text": f"Objective {number}"}
        for question in questions
        for number in (1, 2, 3)
    ]
    assert len(objectives) > tool.inlines[0].rows_per_page
    client.force_login(focal_point)

    def create(count):
        values = {**tool.sample(laarne), "objectives": objectives[:count]}
        response = client.post(
            reverse("learning:sheet_create", kwargs={"slug": tool.slug, "owner": laarne.pk}),
            sheet_post_data(tool, values),
        )
        assert response.status_code == 302
        return tool.model.objects.latest("pk")

    small = queries(client, url(page, create(1)))
    assert queries(client, url(page, create(len(objectives)))) == small
