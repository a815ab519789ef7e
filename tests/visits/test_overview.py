"""The delegations at a glance: their gaps as `coverage` counts them, the panels of the
partnership and municipality pages, and the query budgets of the visit pages."""

import pytest
from django.urls import reverse

from tests.factories import (
    DelegationFactory,
    DelegationMemberFactory,
    LearningQuestionFactory,
    LearningQuestionTableFactory,
    PartnershipFactory,
    SubQuestionFactory,
)
from tests.learning.test_page_budgets import page_cost
from visits.coverage import coverage
from visits.models import Activity
from visits.tools.activities import TOOL
from visits.views.rows import gap_counts

pytestmark = pytest.mark.django_db


def activity_table(delegation, *subquestions):
    sheet = TOOL.model.objects.create(programme=delegation.visit.programme, delegation=delegation)
    sheet.owners.set([delegation.visitor, delegation.host])
    activity = Activity.objects.create(
        sheet=sheet, date=delegation.visit.start_date, start="09:00", activity="Market"
    )
    activity.subquestions.set(subquestions)
    return sheet


def test_the_gap_counts_agree_with_the_coverage(
    programme, delegation, other_delegation, ouinhi, laarne, ouinhi_subquestions
):
    # A joint table of Ouinhi and Lalo, and a Must have of the host, which is no gap.
    lalo = other_delegation.visitor
    joint = LearningQuestionTableFactory(
        programme=programme, owners=[ouinhi, lalo], status="shared"
    )
    shared_must = SubQuestionFactory(question=LearningQuestionFactory(table=joint), priority="must")
    host_table = LearningQuestionTableFactory(programme=programme, owners=[laarne])
    SubQuestionFactory(question=LearningQuestionFactory(table=host_table), priority="must")
    activity_table(delegation, shared_must)
    delegations = [delegation, other_delegation]
    expected = {d.pk: len(coverage(d).gaps) for d in delegations}
    assert gap_counts(delegations) == expected == {delegation.pk: 1, other_delegation.pk: 1}


def test_the_partnership_page_lists_its_delegations(
    client, focal_point, partnership, delegation, other_delegation
):
    client.force_login(focal_point)
    page = client.get(partnership.get_absolute_url()).text
    assert "Site visits" in page
    assert delegation.get_absolute_url() in page
    assert other_delegation.get_absolute_url() not in page


def test_the_municipality_page_lists_its_delegations(client, consultant, ouinhi, delegation):
    client.force_login(consultant)
    page = client.get(ouinhi.get_absolute_url()).text
    assert delegation.get_absolute_url() in page
    assert "No gaps" in page


def test_a_page_without_delegations_has_no_site_visit_section(client, focal_point, partnership):
    client.force_login(focal_point)
    assert 'id="visits-heading"' not in client.get(partnership.get_absolute_url()).text


def grow(visit, count):
    """`count` more delegations on the visit, each with three members, a tool 6 and a Must-have
    sub-question of its visitor."""
    for _ in range(count):
        delegation = DelegationFactory(
            visit=visit, partnership=PartnershipFactory(programme=visit.programme)
        )
        DelegationMemberFactory.create_batch(3, delegation=delegation)
        table = LearningQuestionTableFactory(programme=visit.programme, owners=[delegation.visitor])
        must = SubQuestionFactory(question=LearningQuestionFactory(table=table), priority="must")
        activity_table(delegation, must)


@pytest.mark.parametrize("page", ["visits:visit_detail", "visits:visit_list"])
def test_the_visit_pages_cost_the_same_queries_with_more_delegations(
    client, staff, delegation, page
):
    visit = delegation.visit
    client.force_login(staff)
    url = reverse(page, args=[visit.pk]) if page.endswith("detail") else reverse(page)
    grow(visit, 1)
    small, _ = page_cost(client, url)
    grow(visit, 4)
    larger, response = page_cost(client, url)
    assert larger == small
    assert response.text.count("→") >= 6


def test_the_visit_page_shows_its_delegations_a_page_at_a_time(client, staff, delegation):
    """Those taking part first, then those withdrawn; as many queries on a page of a long list
    as on a short one, and the next page shows the rest."""
    from visits.views.trips import SiteVisitDetailView

    visit, per_page = delegation.visit, SiteVisitDetailView.paginate_by
    client.force_login(staff)
    url = visit.get_absolute_url()
    grow(visit, 2)
    short, _ = page_cost(client, url)
    grow(visit, per_page)
    delegation.withdrawn_on, delegation.withdrawal_reason = visit.start_date, "Elections"
    delegation.save()
    long, first = page_cost(client, url)
    again, second = page_cost(client, url, {"page": 2})
    assert long == short == again
    assert first.text.count("→") == per_page and "Withdrawn delegations" not in first.text
    assert second.text.count("→") == 3 and "Withdrawn delegations" in second.text
    assert delegation.get_absolute_url() in second.text
    assert "Page 2 of 2" in second.text


def test_the_calendar_shows_a_visit_s_first_delegations_and_links_to_the_rest(
    client, staff, delegation
):
    from visits.views.trips import SiteVisitListView

    visit, shown = delegation.visit, SiteVisitListView.delegations_shown
    client.force_login(staff)
    url = reverse("visits:visit_list")
    short, page = page_cost(client, url)
    assert "more delegation" not in page.text
    grow(visit, shown + 2)
    long, page = page_cost(client, url)
    assert long == short
    assert page.text.count("→") == shown
    assert "and 3 more delegations" in page.text
    assert f"{visit.get_absolute_url()}#delegations" in page.text


def test_the_visit_page_stays_within_its_budget(
    client, staff, delegation, django_assert_max_num_queries
):
    grow(delegation.visit, 3)
    client.force_login(staff)
    with django_assert_max_num_queries(11):
        assert client.get(delegation.visit.get_absolute_url()).status_code == 200


def test_the_delegation_page_stays_within_its_budget(
    client, staff, delegation, django_assert_max_num_queries
):
    DelegationMemberFactory.create_batch(5, delegation=delegation)
    client.force_login(staff)
    with django_assert_max_num_queries(10):
        assert client.get(delegation.get_absolute_url()).status_code == 200


def test_the_partnership_panel_costs_the_same_with_more_delegations(
    rf, consultant, programme, partnership, delegation
):
    from django.db import connection
    from django.template.loader import render_to_string
    from django.test.utils import CaptureQueriesContext

    from partnerships.access import AccessMiddleware
    from tests.factories import SiteVisitFactory
    from visits.panels import partnership_delegations

    def build(request):
        panel = partnership_delegations(user=consultant, obj=partnership)
        return render_to_string(panel.template, panel.context)

    def cost():
        # As on a page: the user's access read once (partnerships/access.py).
        with CaptureQueriesContext(connection) as captured:
            text = AccessMiddleware(build)(rf.get("/"))
        return len(captured), text

    small, _ = cost()
    for month in (3, 4, 5):
        visit = SiteVisitFactory(
            programme=programme,
            direction="north_south",
            start_date=f"2025-0{month}-10",
            end_date=f"2025-0{month}-14",
        )
        activity_table(DelegationFactory(visit=visit, partnership=partnership))
    larger, text = cost()
    assert larger == small
    assert text.count("Laarne → Ouinhi") == 3
