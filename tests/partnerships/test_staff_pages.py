"""What programme staff used to do in the Django admin, on the app's own pages and within their
programme: start a partnership, add a local government, edit one of their programme's."""

import pytest
from django.urls import reverse

from partnerships.models import LocalGovernment, Partnership
from tests.factories import (
    CountryFactory,
    LearningThemeFactory,
    LocalGovernmentFactory,
    PartnershipFactory,
    ProgrammeFactory,
    SouthLocalGovernmentFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def zele_bohicon(db):
    """A partnership of programme B."""
    return PartnershipFactory(
        programme=ProgrammeFactory(name="Programme B"),
        north=LocalGovernmentFactory(name="Zele"),
        south=SouthLocalGovernmentFactory(name="Bohicon"),
    )


@pytest.fixture
def staff_b(zele_bohicon):
    user = UserFactory(username="staff@programme-b.example")
    zele_bohicon.programme.staff.add(user)
    return user


def test_staff_land_on_a_page_that_offers_a_new_partnership(client, staff):
    client.force_login(staff)
    response = client.get(reverse("home"))
    assert f'href="{reverse("partnerships:partnership_create")}"' in response.text
    assert f'href="{reverse("partnerships:localgovernment_create")}"' in response.text


def test_staff_start_a_partnership_in_their_programme(client, staff, programme, laarne):
    lalo = SouthLocalGovernmentFactory(name="Lalo")  # in no partnership yet
    theme = LearningThemeFactory(programme=programme)
    client.force_login(staff)
    response = client.post(
        reverse("partnerships:partnership_create"),
        {
            "programme": programme.pk,
            "north": laarne.pk,
            "south": lalo.pk,
            "theme": theme.pk,
            "start_date": "2025-03-01",
        },
    )
    partnership = Partnership.objects.get(north=laarne, south=lalo)
    assert response.status_code == 302
    assert response.url == partnership.get_absolute_url()
    assert partnership.programme == programme
    assert partnership.theme == theme
    assert client.get(partnership.get_absolute_url()).status_code == 200


def test_staff_cannot_start_a_partnership_in_another_programme(client, staff, laarne, zele_bohicon):
    lalo = SouthLocalGovernmentFactory(name="Lalo")
    client.force_login(staff)
    response = client.post(
        reverse("partnerships:partnership_create"),
        {"programme": zele_bohicon.programme.pk, "north": laarne.pk, "south": lalo.pk},
    )
    assert response.status_code == 200
    assert "programme" in response.context["form"].errors
    assert not Partnership.objects.filter(north=laarne, south=lalo).exists()


def test_staff_cannot_take_another_programmes_municipality(client, staff, programme, laarne):
    bohicon = PartnershipFactory(
        programme=ProgrammeFactory(name="Programme B"),
        south=SouthLocalGovernmentFactory(name="Bohicon"),
    ).south
    client.force_login(staff)
    form = client.get(reverse("partnerships:partnership_create")).context["form"]
    assert bohicon not in form.fields["south"].queryset
    response = client.post(
        reverse("partnerships:partnership_create"),
        {"programme": programme.pk, "north": laarne.pk, "south": bohicon.pk},
    )
    assert response.status_code == 200
    assert "south" in response.context["form"].errors


def test_a_duplicate_partnership_is_a_form_error(client, staff, programme, partnership):
    client.force_login(staff)
    response = client.post(
        reverse("partnerships:partnership_create"),
        {"programme": programme.pk, "north": partnership.north_id, "south": partnership.south_id},
    )
    assert response.status_code == 200
    assert response.context["form"].errors
    assert Partnership.objects.count() == 1


def test_staff_add_a_local_government_and_take_it_into_a_partnership(client, staff, laarne):
    client.force_login(staff)
    response = client.post(
        reverse("partnerships:localgovernment_create") + f"?north={laarne.pk}",
        {
            "name": "Lalo",
            "kind": "municipality",
            "country": SouthLocalGovernmentFactory(name="Ouinhi").country_id,
            "website": "https://lalo.example/",
        },
    )
    lalo = LocalGovernment.objects.get(name="Lalo")
    assert response.status_code == 302
    assert response.url == (
        reverse("partnerships:partnership_create") + f"?north={laarne.pk}&south={lalo.pk}"
    )
    form = client.get(response.url).context["form"]
    assert form["north"].value() == str(laarne.pk)
    assert form["south"].value() == str(lalo.pk)


def test_staff_edit_a_municipality_of_their_programme(client, staff, laarne):
    client.force_login(staff)
    url = reverse("partnerships:localgovernment_update", kwargs={"pk": laarne.pk})
    response = client.post(
        url,
        {
            "name": "Laarne",
            "kind": "municipality",
            "country": laarne.country_id,
            "umbrella": laarne.umbrella_id,
            "population": "12800",
            "website": "https://www.laarne.be/",
        },
    )
    assert response.status_code == 302
    laarne.refresh_from_db()
    assert laarne.population == 12800
    assert laarne.website == "https://www.laarne.be/"
    page = client.get(laarne.get_absolute_url())
    assert f'href="{url}"' in page.text


def test_staff_of_another_programme_cannot_edit_a_municipality(client, staff_b, laarne):
    client.force_login(staff_b)
    url = reverse("partnerships:localgovernment_update", kwargs={"pk": laarne.pk})
    assert client.get(url).status_code == 404
    response = client.post(url, {"name": "Taken", "kind": "municipality", "country": 1})
    assert response.status_code == 404
    laarne.refresh_from_db()
    assert laarne.name == "Laarne"


def test_a_focal_point_reads_but_cannot_edit_their_municipality(client, focal_point, laarne):
    client.force_login(focal_point)
    url = reverse("partnerships:localgovernment_update", kwargs={"pk": laarne.pk})
    assert client.get(url).status_code == 403
    assert f'href="{url}"' not in client.get(laarne.get_absolute_url()).text


@pytest.mark.parametrize(
    "website",
    [
        "javascript:alert(document.domain)",
        "data:text/html,<script>alert(1)</script>",
        "ftp://x.be/",
    ],
)
def test_a_website_must_be_a_web_page(client, staff, laarne, website):
    client.force_login(staff)
    url = reverse("partnerships:localgovernment_update", kwargs={"pk": laarne.pk})
    data = {"name": "Laarne", "kind": "municipality", "country": laarne.country_id}
    response = client.post(url, {**data, "website": website})
    assert response.status_code == 200
    assert response.context["form"].errors["website"]
    laarne.refresh_from_db()
    assert laarne.website == ""


def test_an_umbrella_of_another_country_is_a_form_error(client, staff, laarne, ouinhi):
    client.force_login(staff)
    response = client.post(
        reverse("partnerships:localgovernment_update", kwargs={"pk": laarne.pk}),
        {
            "name": "Laarne",
            "kind": "municipality",
            "country": CountryFactory().pk,
            "umbrella": ouinhi.umbrella_id,
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["umbrella"]


def test_a_javascript_website_stored_earlier_is_shown_as_text(client, focal_point, laarne):
    LocalGovernment.objects.filter(pk=laarne.pk).update(website="javascript:alert(document.domain)")
    client.force_login(focal_point)
    response = client.get(laarne.get_absolute_url())
    assert response.status_code == 200
    assert "javascript:alert(document.domain)" in response.text
    assert 'href="javascript:' not in response.text


def test_a_web_address_is_shown_as_a_link(client, focal_point, laarne):
    LocalGovernment.objects.filter(pk=laarne.pk).update(website="https://www.laarne.be/")
    client.force_login(focal_point)
    response = client.get(laarne.get_absolute_url())
    assert '<a href="https://www.laarne.be/" rel="noopener noreferrer nofollow">' in response.text


def test_the_new_partnership_page_ignores_odd_sides_in_its_address(client, staff):
    client.force_login(staff)
    response = client.get(reverse("partnerships:partnership_create"), {"north": "²", "south": "x"})
    assert response.status_code == 200
    assert response.context["query"] == ""
