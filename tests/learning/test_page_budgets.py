"""Pages that list a programme's questions cost the same number of queries whatever the
programme's size (speed is measured by `make bench`; the counts are checked here)."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import (
    LearningQuestionFactory,
    LearningQuestionTableFactory,
    PartnershipFactory,
    ResponseFactory,
    SubQuestionFactory,
)


def grow(programme, consultant, count):
    """`count` more partnerships coached by `consultant`, each side with a shared table of two
    questions, one of them reformulated."""
    for _ in range(count):
        partnership = PartnershipFactory(programme=programme)
        partnership.consultants.add(consultant)
        for side in partnership.sides:
            table = LearningQuestionTableFactory(
                programme=programme, owners=[side], status="shared"
            )
            first = LearningQuestionFactory(table=table, order=1)
            LearningQuestionFactory(table=table, order=2)
            first.reformulate(
                text=f"{first.text} (sharper)", by=consultant, date=first.changed_date
            )


def page_cost(client, url, data=None):
    """The page's query count, and the page: with nothing kept in the cache
    (partnerships/freshness.py), so that it reads all it shows."""
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, data)
    assert response.status_code == 200
    return len(captured), response


def measure(client, url):
    """The page's query count and the number of questions it shows."""
    count, response = page_cost(client, url)
    return count, response.text.count("How can the municipality learn lesson")


# The knowledge network and supply and demand: tests/test_page_budgets_overviews.py.
def test_the_evolution_overview_costs_the_same_on_a_larger_programme(
    client, programme, partnership, consultant
):
    client.force_login(consultant)
    url = reverse("learning:evolution_overview", args=[programme.pk])
    grow(programme, consultant, 1)
    small, shown = measure(client, url)
    grow(programme, consultant, 4)
    larger, shown_larger = measure(client, url)

    assert shown_larger > shown > 0
    assert larger == small


def long_table(laarne, focal_point, count):
    table = LearningQuestionTableFactory(owners=[laarne], status="shared")
    for order in range(1, count + 1):
        question = LearningQuestionFactory(table=table, order=order)
        question.set_tags(["16.7", "8"])
    first = table.questions.order_by("order").first()
    first.reformulate(text=f"{first.text} (sharper)", by=focal_point, date=first.changed_date)
    return table


@pytest.mark.parametrize("page", ["read", "edit", "evolution"])
def test_a_longer_table_costs_the_same_queries(client, partnership, laarne, focal_point, page):
    client.force_login(focal_point)

    def url(table):
        if page == "read":
            return table.get_absolute_url()
        if page == "edit":
            return reverse("learning:sheet_update", args=[table.tool.slug, table.pk])
        return reverse("learning:evolution", args=[laarne.pk])

    short = long_table(laarne, focal_point, 2)
    measure(client, url(short))  # the first request caches the content types
    small, shown = measure(client, url(short))
    short.delete()
    longer = long_table(laarne, focal_point, 12)
    larger, shown_larger = measure(client, url(longer))

    assert shown_larger > shown > 0
    assert larger == small


def reformulated(question, by, times):
    """The question's wording after `times` reformulations."""
    for step in range(times):
        question = question.reformulate(
            text=f"{question.text} (sharper {step})", by=by, date=question.changed_date
        )
    return question


@pytest.mark.parametrize("page", ["question", "evolution"])
def test_a_longer_lineage_costs_the_same_queries(client, partnership, laarne, focal_point, page):
    client.force_login(focal_point)
    table = LearningQuestionTableFactory(owners=[laarne], status="shared")

    def url(question):
        if page == "question":
            return reverse("learning:question_detail", args=[question.pk])
        return reverse("learning:evolution", args=[laarne.pk])

    short = reformulated(LearningQuestionFactory(table=table, order=1), focal_point, 2)
    small, shown = measure(client, url(short))
    table.questions.all().delete()
    longer = reformulated(LearningQuestionFactory(table=table, order=1), focal_point, 9)
    larger, shown_larger = measure(client, url(longer))

    # The question page shows the latest five earlier wordings, the timeline all of them.
    assert shown_larger == (1 + 5 if page == "question" else 10) and shown == 3
    assert larger == small


def test_the_evolution_timeline_shows_a_page_of_families(client, partnership, laarne, focal_point):
    client.force_login(focal_point)
    long_table(laarne, focal_point, 14)
    url = reverse("learning:evolution", args=[laarne.pk])

    first, second = client.get(url), client.get(url, {"page": 2})

    assert first.text.count('class="evolution-family') == 10
    assert second.text.count('class="evolution-family') == 4
    # The reformulated first question keeps its first wording in its family.
    assert first.text.count("How can the municipality learn lesson") == 11


def test_the_evolution_overview_shows_a_page_of_municipalities(
    client, programme, partnership, consultant
):
    client.force_login(consultant)
    grow(programme, consultant, 11)
    url = reverse("learning:evolution_overview", args=[programme.pk])

    first, last = client.get(url), client.get(url, {"page": 3})

    rows = 'scope="row"><a href="/'
    assert first.text.count(rows) == 10
    assert last.text.count(rows) == 2
    assert 'href="?page=2"' in first.text


def ask(side, partner, count):
    """A shared table of `side` with `count` questions, each tagged, with a sub-question and a
    response of the `partner`."""
    table = LearningQuestionTableFactory(owners=[side], status="shared")
    for order in range(1, count + 1):
        question = LearningQuestionFactory(table=table, order=order)
        question.set_tags(["16.7"])
        SubQuestionFactory(question=question)
        ResponseFactory(question=question, local_government=partner)


def sides_of(page, partnership):
    """The questions shown on each side of the exchange page: (north, south)."""
    south = page.index(f'id="side-{partnership.south_id}"')
    card = '<article class="card'
    return page[:south].count(card), page[south:].count(card)


def test_the_exchange_costs_the_same_and_shows_a_page_of_questions_per_side(
    client, partnership, laarne, ouinhi, focal_point
):
    client.force_login(focal_point)
    url = reverse("learning:partnership_exchange", args=[partnership.pk])
    ask(laarne, ouinhi, 2)
    ask(ouinhi, laarne, 2)
    with CaptureQueriesContext(connection) as small:
        few = client.get(url).text
    ask(laarne, ouinhi, 12)
    ask(ouinhi, laarne, 12)
    with CaptureQueriesContext(connection) as larger:
        many = client.get(url).text

    assert len(larger) == len(small)
    assert sides_of(few, partnership) == (2, 2)
    assert sides_of(many, partnership) == (10, 10)


def test_the_exchange_page_links_keep_the_other_side_s_page(
    client, partnership, laarne, ouinhi, focal_point
):
    client.force_login(focal_point)
    url = reverse("learning:partnership_exchange", args=[partnership.pk])
    ask(laarne, ouinhi, 14)
    ask(ouinhi, laarne, 14)

    page = client.get(url, {"south_page": 2}).text

    assert sides_of(page, partnership) == (10, 4)
    assert f'href="?south_page=2&amp;north_page=2#side-{laarne.pk}"' in page
    assert f'href="?south_page=1#side-{ouinhi.pk}"' in page
    both = client.get(url, {"south_page": 2, "north_page": 2}).text
    assert sides_of(both, partnership) == (4, 4)
    assert f'href="?south_page=2&amp;north_page=1#side-{laarne.pk}"' in both
