"""Planning a visit and editing it: dates, direction, guides and the partnerships that send a
delegation; bad input keeps what was typed."""

import pytest
from django.urls import reverse

from visits.models import Delegation, SiteVisit

pytestmark = pytest.mark.django_db


def plan_url(programme):
    return reverse("visits:visit_create") + f"?programme={programme.pk}"


def test_staff_plan_a_visit_with_its_delegations_and_guides(
    client, staff, consultant, programme, partnership, other_partnership
):
    client.force_login(staff)
    response = client.post(
        plan_url(programme),
        {
            "start_date": "2025-03-10",
            "end_date": "2025-03-14",
            "direction": "north_south",
            "description": "Day 1 in Cotonou.",
            "guides": [consultant.pk, staff.pk],
            "partnerships": [partnership.pk, other_partnership.pk],
        },
    )
    visit = SiteVisit.objects.get()
    assert response.status_code == 302 and response.url == visit.get_absolute_url()
    assert set(visit.guides.all()) == {consultant, staff}
    delegations = {(d.visitor.name, d.host.name) for d in visit.delegations.all()}
    assert delegations == {("Laarne", "Ouinhi"), ("Schoten", "Lalo")}


def test_a_consultant_plans_a_visit_without_naming_the_programme(
    client, consultant, programme, partnership
):
    client.force_login(consultant)
    response = client.get(reverse("visits:visit_create"))
    assert response.status_code == 200
    assert response.context["programme"] == programme


def test_bad_dates_are_explained_and_nothing_typed_is_lost(client, staff, programme, partnership):
    client.force_login(staff)
    response = client.post(
        plan_url(programme),
        {
            "start_date": "2024-09-27",
            "end_date": "2024-09-23",
            "direction": "south_north",
            "description": "Markets and the advisory council.",
            "partnerships": [partnership.pk],
        },
    )
    assert response.status_code == 200
    assert not SiteVisit.objects.exists()
    page = response.text
    assert "The last day cannot come before the first day." in page
    assert "Markets and the advisory council." in page
    assert 'value="2024-09-27"' in page
    assert f'value="{partnership.pk}" checked' in page or "checked" in page


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"start_date": "not a date"}, "Enter a valid date."),
        ({"start_date": "2031-01-05", "end_date": "2031-01-06"}, "within the programme"),
        ({"partnerships": []}, "Choose at least one partnership that sends a delegation."),
        ({"direction": "sideways"}, "Select a valid choice."),
    ],
)
def test_other_bad_input_is_refused_with_a_message(
    client, staff, programme, partnership, data, message
):
    client.force_login(staff)
    valid = {
        "start_date": "2024-09-23",
        "end_date": "2024-09-27",
        "direction": "south_north",
        "partnerships": [partnership.pk],
    }
    response = client.post(plan_url(programme), {**valid, **data})
    assert response.status_code == 200
    assert message in response.text
    assert not SiteVisit.objects.exists()


def test_a_partnership_of_another_programme_cannot_be_chosen(
    client, staff, programme, partnership, outsider
):
    foreign = outsider.memberships.get().local_government.north_partnerships.get()
    client.force_login(staff)
    response = client.post(
        plan_url(programme),
        {
            "start_date": "2024-09-23",
            "end_date": "2024-09-27",
            "direction": "south_north",
            "partnerships": [foreign.pk],
        },
    )
    assert response.status_code == 200
    assert not SiteVisit.objects.exists()


def edit(client, visit, **data):
    values = {
        "start_date": visit.start_date.isoformat(),
        "end_date": visit.end_date.isoformat(),
        "direction": visit.direction,
        "description": visit.description,
        "partnerships": [d.partnership_id for d in visit.delegations.all()],
    }
    return client.post(reverse("visits:visit_update", args=[visit.pk]), {**values, **data})


def test_editing_a_visit_adds_and_removes_delegations(client, staff, delegation, other_partnership):
    client.force_login(staff)
    visit = delegation.visit
    response = edit(client, visit, partnerships=[other_partnership.pk])
    assert response.status_code == 302
    assert [d.partnership for d in visit.delegations.all()] == [other_partnership]


def test_turning_the_direction_swaps_visitor_and_host(client, staff, delegation, laarne):
    client.force_login(staff)
    assert edit(client, delegation.visit, direction="north_south").status_code == 302
    delegation.refresh_from_db()
    assert delegation.visitor == laarne


def test_a_delegation_with_a_tool_stays_and_keeps_its_direction(
    client, staff, consultant, delegation, ouinhi, other_partnership
):
    from visits.tools.activities import TOOL

    sheet = TOOL.model.objects.create(programme=delegation.visit.programme, delegation=delegation)
    sheet.owners.set([delegation.visitor, delegation.host])
    client.force_login(staff)
    response = edit(client, delegation.visit, partnerships=[other_partnership.pk])
    assert response.status_code == 200
    assert "Withdraw them from their page instead." in response.text
    response = edit(client, delegation.visit, direction="north_south")
    assert response.status_code == 200
    assert "the direction can no longer change" in response.text
    assert Delegation.objects.filter(pk=delegation.pk, visitor=ouinhi).exists()
