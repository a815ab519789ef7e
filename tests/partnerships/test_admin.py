import pytest
from django.urls import reverse

from partnerships import services
from partnerships.models import LocalGovernment, Partnership

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_staff(staff, programme):
    services.programme_staff_add(programme=programme, user=staff)
    staff.refresh_from_db()
    return staff


def test_programme_staff_can_open_the_admin(client, admin_staff):
    client.force_login(admin_staff)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    assert reverse("admin:partnerships_partnership_changelist") in response.text


def test_staff_see_only_their_programmes_partnerships_in_the_admin(
    client, admin_staff, partnership
):
    from tests.factories import PartnershipFactory

    elsewhere = PartnershipFactory()
    client.force_login(admin_staff)
    response = client.get(reverse("admin:partnerships_partnership_changelist"))
    assert response.status_code == 200
    assert list(response.context["cl"].queryset) == [partnership]
    assert elsewhere in Partnership.objects.all()
    change = reverse("admin:partnerships_partnership_change", args=[elsewhere.pk])
    assert client.get(change).status_code == 302  # the admin sends unknown ids to the list


def test_admin_search_finds_a_municipality(client, admin_staff, laarne):
    client.force_login(admin_staff)
    response = client.get(reverse("admin:partnerships_localgovernment_changelist"), {"q": "Laar"})
    assert list(response.context["cl"].queryset) == [laarne]
    assert LocalGovernment.objects.count() > 1


def test_focal_points_cannot_open_the_admin(client, focal_point):
    client.force_login(focal_point)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert "login" in response.url


def test_superuser_adding_staff_in_the_admin_grants_admin_access(client, superuser, programme):
    from tests.factories import UserFactory

    newcomer = UserFactory()
    client.force_login(superuser)
    url = reverse("admin:partnerships_programme_change", args=[programme.pk])
    form = client.get(url).context["adminform"].form
    data = {
        name: value
        for name, value in form.initial.items()
        if value is not None and name not in ("staff",)
    }
    data["staff"] = [newcomer.pk]
    data["start_date"] = form.initial["start_date"].isoformat()
    data["end_date"] = form.initial["end_date"].isoformat() if form.initial["end_date"] else ""
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    newcomer.refresh_from_db()
    assert newcomer.is_staff
    assert newcomer.has_perm("partnerships.view_partnership")
