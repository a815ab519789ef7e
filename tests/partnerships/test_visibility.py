import pytest

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
