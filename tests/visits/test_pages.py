"""Who opens which site-visit page: strangers to the programme get 404, readers who may not act
get 403, and each page shows only the delegations the reader sees."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def status(client, user, url):
    client.force_login(user)
    return client.get(url).status_code


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("staff", 200),
        ("consultant", 200),
        ("focal_point", 200),
        ("partner_focal_point", 200),
        ("observer", 200),
        ("stranger", 200),
        ("outsider", 404),
    ],
)
def test_the_programme_calendar_opens_for_the_programme_only(
    client, request, delegation, programme, persona, expected
):
    user = request.getfixturevalue(persona)
    url = reverse("visits:visit_list") + f"?programme={programme.pk}"
    assert status(client, user, url) == expected


def test_the_calendar_lists_visits_with_their_delegations_and_marks_the_withdrawn(
    client, staff, delegation, other_delegation
):
    other_delegation.withdrawn_on = other_delegation.visit.start_date
    other_delegation.save()
    client.force_login(staff)
    page = client.get(reverse("visits:visit_list")).text
    assert "23 September 2024" in page
    assert "Ouinhi → Laarne" in page
    assert "<s>Lalo → Schoten</s>" in page


def test_an_outsider_sees_no_visit_of_the_programme(client, outsider, delegation):
    client.force_login(outsider)
    page = client.get(reverse("visits:visit_list")).text
    assert "Ouinhi" not in page
    assert status(client, outsider, delegation.visit.get_absolute_url()) == 404


def test_the_visit_page_shows_only_the_delegations_the_reader_sees(
    client, stranger, focal_point, delegation, other_delegation
):
    url = delegation.visit.get_absolute_url()
    client.force_login(stranger)
    page = client.get(url).text
    assert "Lalo → Schoten" in page and "Ouinhi → Laarne" not in page
    client.force_login(focal_point)
    page = client.get(url).text
    assert "Ouinhi → Laarne" in page and "Lalo → Schoten" not in page


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("staff", 200),
        ("consultant", 200),
        ("focal_point", 200),
        ("partner_focal_point", 200),
        ("observer", 200),
        ("stranger", 404),
        ("outsider", 404),
    ],
)
def test_the_delegation_page_opens_for_its_readers(client, request, delegation, persona, expected):
    user = request.getfixturevalue(persona)
    assert status(client, user, delegation.get_absolute_url()) == expected


@pytest.mark.parametrize(
    ("persona", "members", "withdraw"),
    [
        ("staff", 200, 200),
        ("consultant", 200, 200),
        ("partner_focal_point", 200, 200),  # Ouinhi's team: the visiting side
        ("focal_point", 403, 403),  # Laarne's team: the host
        ("observer", 403, 403),
        ("stranger", 404, 404),
        ("outsider", 404, 404),
    ],
)
def test_the_visiting_side_its_coaches_and_staff_edit_the_delegation(
    client, request, delegation, persona, members, withdraw
):
    user = request.getfixturevalue(persona)
    assert status(client, user, reverse("visits:delegation_members", args=[delegation.pk])) == (
        members
    )
    assert status(client, user, reverse("visits:delegation_withdraw", args=[delegation.pk])) == (
        withdraw
    )


@pytest.mark.parametrize(
    ("persona", "create", "update"),
    [
        ("staff", 200, 200),
        ("consultant", 200, 200),
        ("focal_point", 403, 403),
        ("partner_focal_point", 403, 403),
        ("observer", 403, 403),
        ("outsider", 404, 404),
    ],
)
def test_staff_and_consultants_plan_and_edit_visits(
    client, request, programme, delegation, persona, create, update
):
    user = request.getfixturevalue(persona)
    new = reverse("visits:visit_create") + f"?programme={programme.pk}"
    assert status(client, user, new) == create
    edit = reverse("visits:visit_update", args=[delegation.visit.pk])
    assert status(client, user, edit) == update


def test_the_visit_page_links_the_tools_to_start_with_the_delegation(
    client, consultant, delegation, programme, ouinhi
):
    client.force_login(consultant)
    page = client.get(delegation.visit.get_absolute_url()).text
    create = reverse("learning:sheet_create", args=["visit-programme", ouinhi.pk])
    assert f"{create}?programme={programme.pk}&amp;delegation={delegation.pk}" in page
    assert "Plan the activities" in page and "Draft the terms" in page


def test_an_observer_gets_no_link_to_start_a_tool(client, observer, delegation):
    client.force_login(observer)
    page = client.get(delegation.visit.get_absolute_url()).text
    assert "Plan the activities" not in page


def test_the_visit_page_counts_the_gaps_and_staff_see_the_profiles(
    client, staff, focal_point, delegation, ouinhi_subquestions
):
    from tests.factories import DelegationMemberFactory

    DelegationMemberFactory(delegation=delegation, profile="political")
    DelegationMemberFactory(delegation=delegation, profile="technical")
    DelegationMemberFactory(delegation=delegation, profile="technical")
    client.force_login(staff)
    page = client.get(delegation.visit.get_absolute_url()).text
    assert "1 Must-have sub-question without an activity" in page
    assert "3 members" in page and "1 political, 2 technical" in page
    client.force_login(focal_point)
    page = client.get(delegation.visit.get_absolute_url()).text
    assert "3 members" in page and "1 political, 2 technical" not in page
