import pytest
from django.db.models import Q

from partnerships.models import LocalGovernment, Partnership

pytestmark = pytest.mark.django_db


def visible_partnerships(user):
    return set(Partnership.objects.visible_to(user))


def test_focal_point_sees_only_their_own_partnership(focal_point, partnership, other_partnership):
    assert visible_partnerships(focal_point) == {partnership}


def test_consultant_sees_the_partnerships_they_coach(consultant, partnership, other_partnership):
    assert visible_partnerships(consultant) == {partnership}


def test_staff_see_every_partnership_of_their_programme(staff, partnership, other_partnership):
    assert visible_partnerships(staff) == {partnership, other_partnership}


def test_observer_sees_partnerships_with_a_municipality_of_their_umbrella(
    observer, partnership, other_partnership
):
    # Ouinhi and Lalo are both members of ANCB.
    assert visible_partnerships(observer) == {partnership, other_partnership}


def test_focal_point_sees_their_municipality_and_its_partner(
    focal_point, laarne, ouinhi, other_partnership
):
    assert set(LocalGovernment.objects.visible_to(focal_point)) == {laarne, ouinhi}


def test_anonymous_sees_nothing(partnership):
    from django.contrib.auth.models import AnonymousUser

    assert not Partnership.objects.visible_to(AnonymousUser()).exists()


def test_a_users_access_is_read_in_one_query_whatever_their_roles(
    django_assert_num_queries, observer, consultant, staff, focal_point, ouinhi, partnership
):
    from partnerships.access import Access
    from tests.factories import MembershipFactory

    # One person with every role: a member of Ouinhi whose umbrella they also observe.
    MembershipFactory(user=observer, local_government=ouinhi)
    partnership.consultants.add(observer)
    partnership.programme.staff.add(observer)
    with django_assert_num_queries(1):
        access = Access.read(observer)

    assert access.member_of == {ouinhi.pk}
    assert access.staff_of == {partnership.programme_id}
    assert access.coached_partnerships == {partnership.pk}
    assert ouinhi.pk not in access.observed_local_governments
    assert access.partnered == {partnership.programme_id: {partnership.north_id, ouinhi.pk}}


def test_one_of_filters_ids_like_in_also_across_a_relation(
    laarne, ouinhi, partnership, other_partnership
):
    ids = {laarne.pk, ouinhi.pk}

    assert set(LocalGovernment.objects.filter(pk__one_of=ids)) == {laarne, ouinhi}
    assert set(Partnership.objects.filter(south__one_of=ids)) == {partnership}
    assert not LocalGovernment.objects.filter(pk__one_of=set()).exists()
    either = Partnership.objects.filter(Q(south__one_of=set()) | Q(north__one_of=ids))
    assert set(either) == {partnership}


def test_one_of_sends_the_ids_as_one_array_on_postgresql(laarne, ouinhi):
    from django.db import connection

    from partnerships.access import OneOf

    query = LocalGovernment.objects.filter(pk__one_of={laarne.pk, ouinhi.pk}).query
    compiler = query.get_compiler(connection=connection)
    lookup = query.where.children[0]
    assert isinstance(lookup, OneOf)
    sql, params = lookup.as_postgresql(compiler, connection)
    assert sql.endswith("= ANY(%s)")
    assert params == (sorted([laarne.pk, ouinhi.pk]),)
