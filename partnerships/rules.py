"""Who may do what with the partnership domain. Reading is decided by `visible_to` querysets;
these predicates decide the actions."""

import rules

from .access import Access


@rules.predicate
def is_programme_staff(user):
    """Runs at least one programme."""
    return bool(Access.of(user).staff_of)


@rules.predicate
def is_consultant(user):
    return bool(Access.of(user).coached_partnerships)


@rules.predicate
def is_staff_of_partnership(user, partnership):
    return partnership is not None and partnership.programme_id in Access.of(user).staff_of


@rules.predicate
def is_consultant_of(user, partnership):
    return partnership is not None and partnership.pk in Access.of(user).coached_partnerships


@rules.predicate
def is_staff_of_local_government(user, local_government):
    staff_of = Access.of(user).staff_of
    if local_government is None or not staff_of:
        return False
    from .models import Partnership

    return (
        Partnership.objects.of_local_government(local_government)
        .filter(programme__in=staff_of)
        .exists()
    )


is_superuser = rules.is_superuser

rules.add_perm("partnerships.view_programme_overview", is_superuser | is_programme_staff)
rules.add_perm("partnerships.change_partnership_status", is_superuser | is_staff_of_partnership)
rules.add_perm("partnerships.invite_consultant", is_superuser | is_staff_of_partnership)
rules.add_perm("partnerships.invite_member", is_superuser | is_staff_of_local_government)
rules.add_perm("partnerships.add_partnership", is_superuser | is_programme_staff)
rules.add_perm("partnerships.add_localgovernment", is_superuser | is_programme_staff)
rules.add_perm("partnerships.change_localgovernment", is_superuser | is_staff_of_local_government)
