"""The Django admin is for the platform's administrators (superusers). Programme staff, even with
the admin flag and every model permission that staff used to receive, get its log-in page; and
for superusers the admin keeps a sheet's version check, its programme and a comment's author."""

import datetime
import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from learning.models import Comment
from learning.tools.swot import Swot
from partnerships import services
from partnerships.models import LocalGovernment, UmbrellaOrganisation, User
from tests.factories import (
    CommentFactory,
    LocalGovernmentFactory,
    PartnershipFactory,
    ProgrammeFactory,
    SouthLocalGovernmentFactory,
    SwotFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"


@pytest.fixture
def programme_b(db):
    return ProgrammeFactory(name="Programme B")


@pytest.fixture
def zele_bohicon(programme_b):
    return PartnershipFactory(
        programme=programme_b,
        north=LocalGovernmentFactory(name="Zele"),
        south=SouthLocalGovernmentFactory(name="Bohicon"),
    )


@pytest.fixture
def staff_b(programme_b, zele_bohicon):
    """Staff of programme B as such accounts were made before: the admin flag and a group with
    every view, add and change permission of the project's apps (users included)."""
    user = UserFactory(username="staff@programme-b.example")
    programme_b.staff.add(user)
    group = Group.objects.create(name="Programme staff")
    group.permissions.set(
        Permission.objects.filter(
            content_type__app_label__in=("partnerships", "learning", "visits", "reports"),
            codename__regex=r"^(view|add|change)_",
        )
    )
    user.groups.add(group)
    user.is_staff = True
    user.save()
    return user


@pytest.fixture
def laarne_swot(programme, laarne, partnership):
    """Laarne's draft SWOT in programme A."""
    return SwotFactory(programme=programme, owners=[laarne], project_name="Secret draft project")


def admin_form_data(response):
    """What the browser would post back from an admin change form, unchanged."""
    data = {}

    def put(form, name):
        value = form[name].value()
        if value is None:
            return
        if isinstance(value, bool):
            if value:
                data[form.add_prefix(name)] = "on"
        elif isinstance(value, list | tuple):
            data[form.add_prefix(name)] = [getattr(item, "pk", item) for item in value]
        elif isinstance(value, datetime.date):
            data[form.add_prefix(name)] = value.isoformat()
        else:
            data[form.add_prefix(name)] = getattr(value, "pk", value)

    form = response.context["adminform"].form
    for name in form.fields:
        put(form, name)
    for inline in response.context.get("inline_admin_formsets", []):
        formset = inline.formset
        for name, value in formset.management_form.initial.items():
            data[f"{formset.prefix}-{name}"] = value
        for row in formset.forms:
            for name in row.fields:
                put(row, name)
    return data


def assert_sent_to_admin_login(response):
    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


# Programme staff: refused everywhere, and nothing changes.


def test_programme_staff_with_the_admin_flag_cannot_open_the_admin(client, staff_b):
    client.force_login(staff_b)
    assert_sent_to_admin_login(client.get(reverse("admin:index")))
    assert_sent_to_admin_login(client.get(reverse("admin:partnerships_partnership_changelist")))


def test_programme_staff_cannot_make_themselves_superuser(client, staff_b):
    client.force_login(staff_b)
    url = reverse("admin:partnerships_user_change", args=[staff_b.pk])
    response = client.post(
        url,
        {
            "username": staff_b.username,
            "email": staff_b.email,
            "is_active": "on",
            "is_staff": "on",
            "is_superuser": "on",
            "date_joined_0": "2025-01-01",
            "date_joined_1": "00:00:00",
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
        },
    )
    assert_sent_to_admin_login(response)
    staff_b.refresh_from_db()
    assert not staff_b.is_superuser


def test_programme_staff_cannot_set_another_persons_password(client, staff_b, focal_point):
    client.force_login(staff_b)
    url = reverse("admin:auth_user_password_change", args=[focal_point.pk])
    response = client.post(
        url,
        {"password1": "taken-over-account-1", "password2": "taken-over-account-1"},
    )
    assert_sent_to_admin_login(response)
    focal_point.refresh_from_db()
    assert focal_point.check_password(PASSWORD)
    assert not focal_point.check_password("taken-over-account-1")


def test_programme_staff_cannot_read_another_programmes_sheet_history(client, staff_b, laarne_swot):
    client.force_login(staff_b)
    record = laarne_swot.history.latest()
    for url in (
        reverse("admin:learning_swot_history", args=[laarne_swot.pk]),
        reverse("admin:learning_swot_simple_history", args=[laarne_swot.pk, record.pk]),
    ):
        response = client.get(url)
        assert_sent_to_admin_login(response)
        assert "Secret draft project" not in response.text


def test_programme_staff_cannot_revert_a_sheet_into_their_programme(
    client, staff_b, laarne_swot, laarne, programme, zele_bohicon
):
    client.force_login(staff_b)
    record = laarne_swot.history.latest()
    url = reverse("admin:learning_swot_simple_history", args=[laarne_swot.pk, record.pk])
    response = client.post(
        url,
        {
            "programme": zele_bohicon.programme.pk,
            "owners": [zele_bohicon.north.pk],
            "project_name": "Moved",
            "items-TOTAL_FORMS": "0",
            "items-INITIAL_FORMS": "0",
        },
    )
    assert_sent_to_admin_login(response)
    laarne_swot.refresh_from_db()
    assert laarne_swot.programme == programme
    assert list(laarne_swot.owners.all()) == [laarne]
    assert laarne_swot.project_name == "Secret draft project"


def test_programme_staff_cannot_read_or_write_comments_in_the_admin(
    client, staff_b, laarne_swot, focal_point
):
    CommentFactory(sheet=laarne_swot, author=focal_point, text="A draft remark")
    client.force_login(staff_b)
    response = client.get(reverse("admin:learning_comment_changelist"))
    assert_sent_to_admin_login(response)
    assert "A draft remark" not in response.text
    response = client.post(
        reverse("admin:learning_comment_add"),
        {
            "content_type": ContentType.objects.get_for_model(Swot).pk,
            "object_id": laarne_swot.pk,
            "author": focal_point.pk,
            "text": "Written in someone else's name",
        },
    )
    assert_sent_to_admin_login(response)
    assert not Comment.objects.filter(text="Written in someone else's name").exists()


def test_programme_staff_cannot_import_local_governments(client, staff_b, laarne):
    client.force_login(staff_b)
    csv = f"id,name,website\n{laarne.pk},Laarne,javascript:alert(document.domain)\n"
    response = client.post(
        reverse("admin:partnerships_localgovernment_import"),
        {"format": "0", "import_file": io.BytesIO(csv.encode())},
    )
    assert_sent_to_admin_login(response)
    laarne.refresh_from_db()
    assert laarne.website == ""


def test_programme_staff_cannot_observe_an_umbrella_organisation(client, staff_b, ouinhi):
    umbrella = ouinhi.umbrella
    client.force_login(staff_b)
    response = client.post(
        reverse("admin:partnerships_umbrellaorganisation_change", args=[umbrella.pk]),
        {
            "acronym": umbrella.acronym,
            "name": umbrella.name,
            "country": umbrella.country_id,
            "observers": [staff_b.pk],
        },
    )
    assert_sent_to_admin_login(response)
    assert not UmbrellaOrganisation.objects.filter(observers=staff_b).exists()


def test_focal_points_cannot_open_the_admin(client, focal_point):
    client.force_login(focal_point)
    assert_sent_to_admin_login(client.get(reverse("admin:index")))


def test_making_someone_programme_staff_does_not_open_the_admin(client, programme):
    newcomer = UserFactory()
    services.programme_staff_add(programme=programme, user=newcomer)
    newcomer.refresh_from_db()
    assert newcomer in programme.staff.all()
    assert not newcomer.is_staff
    assert not newcomer.groups.exists()
    client.force_login(newcomer)
    assert_sent_to_admin_login(client.get(reverse("admin:index")))


def test_the_migration_takes_the_admin_group_from_existing_staff(staff_b, superuser):
    import importlib

    from django.apps import apps

    migration = importlib.import_module(
        "partnerships.migrations.0002_website_web_schemes_and_no_staff_admin_group"
    )
    superuser.groups.add(Group.objects.get(name="Programme staff"))
    migration.remove_staff_admin_group(apps, None)
    staff_b.refresh_from_db()
    superuser.refresh_from_db()
    assert not staff_b.is_staff
    assert not staff_b.groups.exists()
    assert superuser.is_staff and superuser.is_superuser
    assert not Group.objects.filter(name="Programme staff").exists()


# Superusers: the admin works, and keeps the rules of the app.


def test_the_admin_refuses_a_website_that_is_not_a_web_page(client, superuser, laarne):
    client.force_login(superuser)
    url = reverse("admin:partnerships_localgovernment_change", args=[laarne.pk])
    data = admin_form_data(client.get(url))
    data["website"] = "ftp://files.laarne.example/"
    response = client.post(url, data)
    assert response.status_code == 200
    assert "website" in response.context["adminform"].form.errors
    laarne.refresh_from_db()
    assert laarne.website == ""


def test_the_import_refuses_a_javascript_website(client, superuser, laarne):
    client.force_login(superuser)
    csv = (
        "id,name,kind,country,umbrella,population,website\n"
        f"{laarne.pk},Laarne,municipality,{laarne.country_id},{laarne.umbrella_id},,"
        "javascript:alert(document.domain)\n"
    )
    response = client.post(
        reverse("admin:partnerships_localgovernment_import"),
        {"format": "0", "resource": "0", "import_file": io.BytesIO(csv.encode())},
    )
    assert response.status_code == 200
    assert response.context["result"].has_validation_errors()
    assert "confirm_form" not in response.context or response.context["confirm_form"] is None
    laarne.refresh_from_db()
    assert laarne.website == ""


def test_a_stale_admin_save_of_a_sheet_is_refused(client, superuser, laarne_swot):
    client.force_login(superuser)
    url = reverse("admin:learning_swot_change", args=[laarne_swot.pk])
    data = admin_form_data(client.get(url))
    # Meanwhile, the owners save the sheet on the site.
    Swot.objects.filter(pk=laarne_swot.pk).update(project_name="Their newer text", version=2)
    data["project_name"] = "The administrator's older copy"
    response = client.post(url, data)
    assert response.status_code == 200
    assert "version 2" in response.text
    laarne_swot.refresh_from_db()
    assert laarne_swot.project_name == "Their newer text"
    assert laarne_swot.version == 2


def test_an_admin_save_of_a_sheet_takes_the_next_version(client, superuser, laarne_swot):
    client.force_login(superuser)
    url = reverse("admin:learning_swot_change", args=[laarne_swot.pk])
    data = admin_form_data(client.get(url))
    data["project_name"] = "Corrected by the administrator"
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    laarne_swot.refresh_from_db()
    assert laarne_swot.project_name == "Corrected by the administrator"
    assert laarne_swot.version == 2
    assert laarne_swot.history.latest().history_user == superuser


def test_a_sheets_history_reads_but_does_not_revert_in_the_admin(
    client, superuser, laarne_swot, programme, zele_bohicon
):
    client.force_login(superuser)
    record = laarne_swot.history.latest()
    assert client.get(reverse("admin:learning_swot_history", args=[laarne_swot.pk])).status_code
    url = reverse("admin:learning_swot_simple_history", args=[laarne_swot.pk, record.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert "Revert" not in response.text
    data = admin_form_data(response)
    data["programme"] = zele_bohicon.programme.pk
    assert client.post(url, data).status_code == 403
    laarne_swot.refresh_from_db()
    assert laarne_swot.programme == programme


def test_a_comment_added_in_the_admin_is_in_the_administrators_name(
    client, superuser, laarne_swot, focal_point
):
    client.force_login(superuser)
    response = client.post(
        reverse("admin:learning_comment_add"),
        {
            "content_type": ContentType.objects.get_for_model(Swot).pk,
            "object_id": laarne_swot.pk,
            "author": focal_point.pk,
            "text": "Seen by the administrator",
        },
    )
    assert response.status_code == 302
    comment = Comment.objects.get(text="Seen by the administrator")
    assert comment.author == superuser


def test_admin_search_finds_a_municipality(client, superuser, laarne):
    LocalGovernmentFactory(name="Zele")
    client.force_login(superuser)
    response = client.get(reverse("admin:partnerships_localgovernment_changelist"), {"q": "Laar"})
    assert list(response.context["cl"].queryset) == [laarne]
    assert LocalGovernment.objects.count() > 1
    assert User.objects.filter(is_superuser=True).count() == 1


def test_the_admin_has_no_log_in_form_of_its_own(client, superuser):
    """The app's log-in page, with its rate limit, is the only way in."""
    response = client.get(reverse("admin:login"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
    response = client.post(
        reverse("admin:login"), {"username": superuser.username, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_a_logged_in_person_who_may_not_enter_the_admin_gets_403(client, staff_b):
    client.force_login(staff_b)
    response = client.get(reverse("admin:index"), follow=True)
    assert response.status_code == 403
