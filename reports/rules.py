"""Who may start which report. Reading the programme, partnership or municipality is decided by
their `visible_to` querysets (a stranger gets 404); these permissions decide who may start its
report (403). A report holds what its requester may read, so reading the subject is not
enough: the umbrella organisations' observers read partnerships but start no report.

- a programme's report: its staff and its consultants;
- a partnership's report: the programme's staff, the partnership's consultants and the teams
  of both sides;
- a municipality's report, within a programme: the programme's staff, the consultants who coach
  it there and the teams of the municipality and of its partners there;
- the chapters written for a programme's report: its staff.
"""

import rules

from learning.rules import is_programme_consultant, is_programme_staff
from partnerships.access import Access


def report_programmes(user, local_government):
    """The programmes in which `user` may start the report of `local_government`."""
    from partnerships.models import Partnership, Programme

    access = Access.of(user)
    partnerships = Partnership.objects.of_local_government(local_government)
    if access.superuser:
        return Programme.objects.filter(pk__in=partnerships.values("programme"))
    reached = {
        programme
        for mapping in (access.coached, access.partnered)
        for programme, sides in mapping.items()
        if local_government.pk in sides
    }
    if access.staff_of:
        staffed = partnerships.filter(programme__in=access.staff_of - reached)
        reached |= set(staffed.values_list("programme", flat=True))
    return Programme.objects.filter(pk__in=reached)


@rules.predicate
def is_partnership_staff(user, partnership):
    return partnership is not None and partnership.programme_id in Access.of(user).staff_of


@rules.predicate
def is_partnership_consultant(user, partnership):
    return partnership is not None and partnership.pk in Access.of(user).coached_partnerships


@rules.predicate
def is_partnership_member(user, partnership):
    if partnership is None:
        return False
    member_of = Access.of(user).member_of
    return partnership.north_id in member_of or partnership.south_id in member_of


@rules.predicate
def reaches_local_government(user, local_government):
    """Staff, consultant or team member there in some programme (not only an observer)."""
    if local_government is None:
        return False
    access = Access.of(user)
    if local_government.pk in access.member_of:
        return True
    if any(local_government.pk in sides for sides in access.coached.values()):
        return True
    if any(local_government.pk in sides for sides in access.partnered.values()):
        return True
    if not access.staff_of:
        return False
    from partnerships.models import Partnership

    return (
        Partnership.objects.of_local_government(local_government)
        .filter(programme__in=access.staff_of)
        .exists()
    )


is_superuser = rules.is_superuser

rules.add_perm(
    "reports.add_programme_report", is_superuser | is_programme_staff | is_programme_consultant
)
rules.add_perm(
    "reports.add_partnership_report",
    is_superuser | is_partnership_staff | is_partnership_consultant | is_partnership_member,
)
rules.add_perm("reports.add_local_government_report", is_superuser | reaches_local_government)
# The chapters staff write for their programme's report (the executive summary, conclusions).
rules.add_perm("reports.change_reportnarrative", is_superuser | is_programme_staff)
