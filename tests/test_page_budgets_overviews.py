"""The programme-wide pages, the home page and the partnership page cost the same number of
queries on a small and a larger programme, and show a bounded number of rows a page."""

import pytest
from django.urls import resolve, reverse

from learning.tools.learning_questions.views.exchange import KnowledgeNetworkView
from tests.context import shown
from tests.factories import (
    ActivityProfileFactory,
    FactorAnalysisFactory,
    LearningQuestionFactory,
    LearningQuestionTableFactory,
    PartnershipFactory,
    PresentationSheetFactory,
    ProgrammeFactory,
    SouthLocalGovernmentFactory,
    SwotFactory,
)
from tests.learning.test_page_budgets import grow
from tests.learning.test_page_budgets import page_cost as measure

pytestmark = pytest.mark.django_db

QUESTION = "How can the municipality learn lesson"


@pytest.mark.parametrize("name", ["learning:knowledge_network", "learning:supply_demand"])
def test_programme_pages_show_a_page_of_questions_at_a_time(
    client, programme, partnership, consultant, name
):
    client.force_login(consultant)
    url = reverse(name, args=[programme.pk])
    grow(programme, consultant, 2)
    small, first = measure(client, url)
    grow(programme, consultant, 6)
    larger, page_one = measure(client, url)
    _, page_two = measure(client, url, {"page": 2})

    per_page = resolve(url).func.view_class.paginate_by
    assert larger == small
    assert first.text.count(QUESTION) < per_page
    assert page_one.text.count(QUESTION) == per_page
    assert 0 < page_two.text.count(QUESTION) <= per_page
    assert "?page=2" in page_one.text


def test_the_knowledge_network_keeps_its_filter_in_the_page_links(
    client, programme, partnership, consultant
):
    grow(programme, consultant, 8)
    for question in LearningQuestionFactory._meta.model.objects.filter(status="active"):
        question.set_tags(["16.7"])
    client.force_login(consultant)
    url = reverse("learning:knowledge_network", args=[programme.pk])
    page = client.get(url, {"sdg": 16}).text
    assert "?sdg=16&amp;page=2" in page
    second = client.get(url, {"sdg": 16, "page": 2})
    assert 0 < len(shown(second, "questions")) <= KnowledgeNetworkView.paginate_by


def test_the_common_goals_count_every_question_and_name_a_few_of_those_asking(
    client, staff, programme, partnership, consultant
):
    from learning.tools.learning_questions.evolution import ASKING_NAMED

    grow(programme, consultant, 8)
    tagged = LearningQuestionFactory._meta.model.objects.filter(status="active")
    for question in tagged:
        question.set_tags(["16.7", "16"])
    client.force_login(staff)
    response = client.get(reverse("learning:supply_demand", args=[programme.pk]))
    common = {entry["goal"].number: entry for entry in shown(response, "common")}
    assert common[16]["count"] == tagged.count() > 20
    asking = sorted({owner.name for q in tagged for owner in q.table.owners.all()})
    assert len(asking) == 16
    assert common[16]["asking"] == asking[:ASKING_NAMED]
    assert common[16]["more"] == 16 - ASKING_NAMED
    knowledge = reverse("learning:knowledge_network", args=[programme.pk])
    assert f'href="{knowledge}?sdg=16"' in response.text


@pytest.mark.parametrize("role", ["staff", "consultant", "observer"])
def test_the_home_page_lists_a_bounded_few_partnerships_with_a_link_to_all(
    client, request, programme, partnership, ouinhi, role
):
    user = request.getfixturevalue(role)

    def more(count):
        for _ in range(count):
            south = SouthLocalGovernmentFactory(country=ouinhi.country, umbrella=ouinhi.umbrella)
            other = PartnershipFactory(programme=programme, south=south)
            if role == "consultant":
                other.consultants.add(user)

    client.force_login(user)
    more(2)
    small, few = measure(client, reverse("home"))
    more(12)
    larger, many = measure(client, reverse("home"))

    assert larger == small
    assert len(shown(few, "partnerships")) == 3
    assert len(shown(many, "partnerships")) == 10
    assert not shown(few, "more_partnerships")
    assert shown(many, "more_partnerships")
    link = reverse("partnerships:partnership_list")
    assert many.text.count(f'"{link}"') == few.text.count(f'"{link}"') + 1


def test_the_partnership_list_pages_keep_the_status_filter(client, staff, programme, partnership):
    for _ in range(55):
        PartnershipFactory(programme=programme)
    client.force_login(staff)
    url = reverse("partnerships:partnership_list")
    page = client.get(url, {"status": "active"})
    assert len(shown(page, "object_list")) == 50
    assert "?status=active&amp;page=2" in page.text


def sheets(owner, programme):
    for factory in (
        PresentationSheetFactory,
        ActivityProfileFactory,
        FactorAnalysisFactory,
        SwotFactory,
    ):
        factory(owners=[owner], programme=programme)
    LearningQuestionTableFactory(owners=[owner], programme=programme, status="shared")


@pytest.mark.parametrize(
    "role", ["staff", "consultant", "focal_point", "partner_focal_point", "observer", "superuser"]
)
def test_the_partnership_page_costs_the_same_with_more_sheets(
    client, request, programme, partnership, laarne, ouinhi, role
):
    client.force_login(request.getfixturevalue(role))
    url = partnership.get_absolute_url()
    sheets(laarne, programme)
    sheets(ouinhi, programme)
    small, _ = measure(client, url)
    for _ in range(3):
        sheets(laarne, programme)
        sheets(ouinhi, programme)
        PartnershipFactory(programme=programme)
    larger, response = measure(client, url)

    assert larger == small
    # Session, user, access, the partnership and its consultants, its members and status
    # changes, the navigation's municipality (for a member), every tool's sheets at once and
    # its latest meetings (coaching/panels.py).
    assert small <= 10
    assert response.text.count("Laarne") > 3


@pytest.mark.parametrize(
    "role", ["staff", "consultant", "focal_point", "partner_focal_point", "observer", "superuser"]
)
def test_the_municipality_page_costs_the_same_with_more_sheets_and_partnerships(
    client, request, programme, partnership, laarne, ouinhi, role
):
    client.force_login(request.getfixturevalue(role))
    url = ouinhi.get_absolute_url()
    sheets(ouinhi, programme)
    small, few = measure(client, url)
    for _ in range(3):
        sheets(ouinhi, programme)
        sheets(ouinhi, ProgrammeFactory())
        PartnershipFactory(programme=programme, south=ouinhi)
    larger, response = measure(client, url)

    assert larger == small
    # And, for staff, whether the municipality takes part in their programme (its report),
    # and its delegations to site visits and what it applied of its action plans
    # (visits/panels.py); its meetings (coaching/panels.py).
    assert small <= 13
    badge = 'class="badge sheet-status'
    assert response.text.count(badge) > few.text.count(badge) > 0


def test_a_members_home_page_costs_the_same_with_more_partnerships(
    client, programme, partnership, laarne, focal_point
):
    client.force_login(focal_point)
    small, few = measure(client, reverse("home"))
    for _ in range(3):
        PartnershipFactory(programme=ProgrammeFactory(), north=laarne)
    larger, many = measure(client, reverse("home"))

    assert larger == small
    # Session, user, access, the municipality (also the navigation's) and its partnerships;
    # what needs the person: every tool's sheets of their municipality, the partner's
    # questions it has not answered, their notifications, the site visits to come, their open
    # tasks, the overdue actions of its action plans, the days of its journals left empty.
    assert small <= 12
    assert len(shown(many, "partnerships")) == len(shown(few, "partnerships")) + 3
