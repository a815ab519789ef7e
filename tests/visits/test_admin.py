"""The site visits in the admin, for the platform's administrators."""

import pytest
from django.urls import reverse

from tests.visits.test_overview import activity_table

pytestmark = pytest.mark.django_db


def test_an_administrator_opens_visits_delegations_and_their_tools(
    client, superuser, delegation, staff
):
    from tests.factories import DelegationMemberFactory

    DelegationMemberFactory(delegation=delegation)
    sheet = activity_table(delegation)
    client.force_login(superuser)
    for name, pk in [
        ("visits_sitevisit", delegation.visit.pk),
        ("visits_delegation", delegation.pk),
        ("visits_activitytable", sheet.pk),
    ]:
        assert client.get(reverse(f"admin:{name}_changelist")).status_code == 200
        assert client.get(reverse(f"admin:{name}_change", args=[pk])).status_code == 200


def test_programme_staff_get_no_admin_page_of_visits(client, staff, delegation):
    client.force_login(staff)
    response = client.get(reverse("admin:visits_delegation_change", args=[delegation.pk]))
    assert response.status_code in (302, 403)
