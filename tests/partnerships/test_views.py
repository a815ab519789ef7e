"""Partnership pages: reading them, and the status history that programme staff keep."""

import pytest
from django.urls import reverse

from partnerships.models import Partnership, PartnershipStatusChange
from tests.context import shown
from tests.factories import LocalGovernmentFactory, PartnershipFactory

pytestmark = pytest.mark.django_db

Status = Partnership.Status


def status_url(partnership):
    return reverse("partnerships:partnership_status", kwargs={"pk": partnership.pk})


def test_staff_record_an_interruption(client, staff, partnership):
    client.force_login(staff)
    response = client.post(
        status_url(partnership),
        {
            "status": "interrupted",
            "date": "2024-06-30",
            "reason": "motivation",
            "withdrawn_by": partnership.south.pk,
            "note": "Exchanges stalled.",
        },
        follow=True,
    )
    assert response.redirect_chain[-1][0] == partnership.get_absolute_url()
    partnership.refresh_from_db()
    assert partnership.status == Status.INTERRUPTED
    change = partnership.status_changes.get()
    assert change.created_by == staff
    assert change.withdrawn_by == partnership.south
    assert "The partnership is now “interrupted”." in response.text
    assert "Exchanges stalled." in response.text


def test_staff_terminate_a_partnership_with_reason_and_who_withdrew(client, staff, partnership):
    client.force_login(staff)
    response = client.post(
        status_url(partnership),
        {
            "status": "terminated",
            "date": "2024-06-30",
            "reason": "staff_departure",
            "withdrawn_by": partnership.north.pk,
        },
    )
    assert response.status_code == 302
    partnership.refresh_from_db()
    assert partnership.status == Status.TERMINATED
    detail = client.get(partnership.get_absolute_url())
    assert "withdrawn by Laarne" in detail.text
    assert "departure of the civil servant in charge" in detail.text


def test_a_termination_without_reason_or_side_is_refused_and_nothing_typed_is_lost(
    client, staff, partnership
):
    client.force_login(staff)
    response = client.post(
        status_url(partnership),
        {"status": "terminated", "date": "2024-06-30", "note": "Schoten lost its civil servant."},
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["reason"] == ["Say why the partnership was terminated."]
    assert errors["withdrawn_by"] == ["Say which local government withdrew."]
    assert "Schoten lost its civil servant." in response.text
    assert 'value="2024-06-30"' in response.text
    partnership.refresh_from_db()
    assert partnership.status == Status.ACTIVE
    assert not PartnershipStatusChange.objects.exists()


def test_only_a_side_of_the_partnership_can_withdraw(client, staff, partnership):
    outsider = LocalGovernmentFactory(name="Elsewhere")
    client.force_login(staff)
    response = client.post(
        status_url(partnership),
        {
            "status": "terminated",
            "date": "2024-06-30",
            "reason": "other",
            "withdrawn_by": outsider.pk,
        },
    )
    assert response.status_code == 200
    assert "withdrawn_by" in response.context["form"].errors
    assert not PartnershipStatusChange.objects.exists()


def test_a_completion_has_no_reason(client, staff, partnership):
    client.force_login(staff)
    response = client.post(
        status_url(partnership),
        {"status": "completed", "date": "2025-12-31", "reason": "other"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["reason"]


def test_a_bad_date_is_an_error_not_a_crash(client, staff, partnership):
    client.force_login(staff)
    response = client.post(status_url(partnership), {"status": "completed", "date": "31/31/2025"})
    assert response.status_code == 200
    assert response.context["form"].errors["date"]


def test_the_status_form_offers_only_the_two_sides(client, staff, partnership, other_partnership):
    client.force_login(staff)
    response = client.get(status_url(partnership))
    choices = set(response.context["form"].fields["withdrawn_by"].queryset)
    assert choices == {partnership.north, partnership.south}


@pytest.mark.parametrize(
    "persona", ["focal_point", "team_member", "partner_focal_point", "consultant", "observer"]
)
def test_who_reads_the_partnership_cannot_change_its_status(request, client, persona, partnership):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(status_url(partnership)).status_code == 403
    response = client.post(status_url(partnership), {"status": "completed", "date": "2025-12-31"})
    assert response.status_code == 403
    partnership.refresh_from_db()
    assert partnership.status == Status.ACTIVE
    detail = client.get(partnership.get_absolute_url())
    assert status_url(partnership) not in detail.text


def test_staff_see_the_status_button_on_the_partnership(client, staff, partnership):
    client.force_login(staff)
    detail = client.get(partnership.get_absolute_url())
    assert status_url(partnership) in detail.text


def test_a_stranger_does_not_find_the_partnership(client, stranger, partnership):
    client.force_login(stranger)
    assert client.get(partnership.get_absolute_url()).status_code == 404
    assert client.get(status_url(partnership)).status_code == 404


def test_the_partnership_page_shows_both_teams_and_the_history(
    client, focal_point, partner_focal_point, consultant, partnership
):
    partnership.change_status(status=Status.ACTIVE, date=partnership.start_date)
    client.force_login(focal_point)
    response = client.get(partnership.get_absolute_url())
    assert response.status_code == 200
    assert str(focal_point) in response.text
    assert str(partner_focal_point) in response.text
    assert str(consultant) in response.text
    assert list(shown(response, "status_changes")) == list(partnership.status_changes.all())


def test_the_list_filters_by_status(client, staff, programme, partnership, other_partnership):
    other_partnership.change_status(
        status=Status.TERMINATED,
        date=programme.start_date,
        reason="staff_departure",
        withdrawn_by=other_partnership.north,
    )
    client.force_login(staff)
    url = reverse("partnerships:partnership_list")
    assert set(shown(client.get(url), "object_list")) == {partnership, other_partnership}
    terminated = client.get(url, {"status": "terminated"})
    assert list(shown(terminated, "object_list")) == [other_partnership]
    # An unknown status shows everything rather than failing.
    assert client.get(url, {"status": "nonsense"}).status_code == 200


def test_the_list_shows_only_what_the_user_may_see(client, focal_point, partnership):
    PartnershipFactory(programme=partnership.programme)
    client.force_login(focal_point)
    response = client.get(reverse("partnerships:partnership_list"))
    assert list(shown(response, "object_list")) == [partnership]


def test_the_municipality_page_shows_its_team_and_partnerships(
    client, focal_point, team_member, laarne, partnership
):
    client.force_login(team_member)
    response = client.get(laarne.get_absolute_url())
    assert response.status_code == 200
    assert set(shown(response, "partnerships")) == {partnership}
    assert str(focal_point) in response.text
    invite = reverse("partnerships:localgovernment_invite", kwargs={"pk": laarne.pk})
    assert invite not in response.text


def test_staff_see_the_invite_button_on_a_municipality(client, staff, laarne):
    client.force_login(staff)
    response = client.get(laarne.get_absolute_url())
    assert reverse("partnerships:localgovernment_invite", kwargs={"pk": laarne.pk}) in (
        response.text
    )
