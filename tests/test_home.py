"""Each role lands on a home page with its own partnerships, and nothing else."""

import pytest
from django.urls import reverse

from partnerships.models import Partnership
from tests.factories import (
    LocalGovernmentFactory,
    PartnershipFactory,
    ProgrammeFactory,
    SouthCountryFactory,
    SouthLocalGovernmentFactory,
    UmbrellaOrganisationFactory,
)

pytestmark = pytest.mark.django_db


def home(client, user):
    client.force_login(user)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    return response


def shown(response):
    return set(response.context["partnerships"])


def templates(response):
    return {template.name for template in response.templates}


@pytest.fixture
def rwandan_partnership(programme):
    rwanda = SouthCountryFactory(
        iso_code="RW", name_en="Rwanda", name_fr="Rwanda", name_nl="Rwanda", working_language="en"
    )
    district = SouthLocalGovernmentFactory(
        name="District R1",
        kind="district",
        country=rwanda,
        umbrella=UmbrellaOrganisationFactory(acronym="RALGA", name="", country=rwanda),
    )
    return PartnershipFactory(
        programme=programme,
        north=LocalGovernmentFactory(name="Flemish municipality R1"),
        south=district,
    )


def test_anonymous_visitor_is_sent_to_log_in(client):
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_focal_point_sees_their_municipality_and_partnership_not_schoten(
    client, focal_point, laarne, partnership, other_partnership
):
    response = home(client, focal_point)
    assert "home/member.html" in templates(response)
    assert response.context["local_government"] == laarne
    assert shown(response) == {partnership}
    assert "Laarne – Ouinhi" in response.text
    assert "Schoten" not in response.text
    assert "Lalo" not in response.text


def test_team_member_sees_the_same_as_their_focal_point(
    client, team_member, laarne, partnership, other_partnership
):
    response = home(client, team_member)
    assert response.context["local_government"] == laarne
    assert shown(response) == {partnership}
    assert "Schoten" not in response.text


def test_partner_focal_point_sees_ouinhi_and_its_partnership(
    client, partner_focal_point, ouinhi, partnership, other_partnership
):
    response = home(client, partner_focal_point)
    assert response.context["local_government"] == ouinhi
    assert shown(response) == {partnership}
    assert "Lalo" not in response.text


def test_stranger_sees_only_schoten(client, stranger, partnership, other_partnership):
    response = home(client, stranger)
    assert shown(response) == {other_partnership}
    assert "Laarne" not in response.text


def test_consultant_sees_the_partnerships_they_coach(
    client, consultant, partnership, other_partnership
):
    response = home(client, consultant)
    assert "home/consultant.html" in templates(response)
    assert shown(response) == {partnership}
    assert "Schoten" not in response.text


def test_other_consultant_sees_only_their_own(
    client, other_consultant, partnership, other_partnership
):
    response = home(client, other_consultant)
    assert shown(response) == {other_partnership}
    assert "Laarne" not in response.text


def test_staff_see_the_programme_overview_with_statuses(
    client, staff, programme, partnership, other_partnership
):
    other_partnership.change_status(
        status=Partnership.Status.TERMINATED,
        date=programme.start_date,
        reason="staff_departure",
        withdrawn_by=other_partnership.north,
    )
    response = home(client, staff)
    assert "home/staff.html" in templates(response)
    assert list(response.context["programmes"]) == [programme]
    assert shown(response) == {partnership, other_partnership}
    assert response.context["status_counts"] == {"active": 1, "terminated": 1}
    assert programme.name in response.text
    assert "Terminated: <strong>1</strong>" in response.text


def test_staff_do_not_see_another_programme(client, staff, partnership):
    elsewhere = PartnershipFactory(programme=ProgrammeFactory(name="Another programme"))
    response = home(client, staff)
    assert elsewhere not in shown(response)
    assert "Another programme" not in response.text


def test_superuser_sees_every_programme(client, superuser, partnership):
    elsewhere = PartnershipFactory(programme=ProgrammeFactory(name="Another programme"))
    response = home(client, superuser)
    assert "home/staff.html" in templates(response)
    assert shown(response) == {partnership, elsewhere}


def test_observer_sees_the_beninese_partnerships_not_rwanda(
    client, observer, partnership, other_partnership, rwandan_partnership
):
    response = home(client, observer)
    assert "home/observer.html" in templates(response)
    assert shown(response) == {partnership, other_partnership}
    assert "District R1" not in response.text


def test_staff_home_keeps_a_query_budget(
    client, staff, programme, partnership, django_assert_max_num_queries
):
    for _ in range(9):
        partnership = PartnershipFactory(programme=programme)
        partnership.consultants.add(staff)
    client.force_login(staff)
    # Ten, and what needs them: the programme's sides, every tool's sheets, notifications.
    with django_assert_max_num_queries(13):
        response = client.get(reverse("home"))
    assert len(response.context["partnerships"]) == 10
