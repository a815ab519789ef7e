"""Who may do what with site visits. Reading is `visible_to` (404); these decide actions (403).

- plan a visit, change its dates and delegations: programme staff and the programme's
  consultants;
- edit a delegation's members, withdraw it: its visiting municipality's team, its consultants
  and programme staff;
- the activities table and the terms of reference are tools: both municipalities' teams and
  their consultants edit them (learning/rules.py);
- validate the terms: the visiting municipality's team; sign them: the host's team; reopen
  them: either team or their consultants, with a reason;
- set a sub-question's priority from the activities table: as changing the question
  (learning/rules.py).
"""

import rules

from learning.rules import (
    is_owner_consultant,
    is_owner_member,
    is_programme_consultant,
    is_programme_staff,
    is_superuser,
)
from partnerships.access import Access


@rules.predicate
def is_visitor_member(user, sheet):
    return sheet is not None and sheet.delegation.visitor_id in Access.of(user).member_of


@rules.predicate
def is_host_member(user, sheet):
    return sheet is not None and sheet.delegation.host_id in Access.of(user).member_of


@rules.predicate
def is_visit_organiser(user, visit):
    if visit is None:
        return False
    programme = visit.programme
    return is_programme_staff(user, programme) or is_programme_consultant(user, programme)


@rules.predicate
def is_delegation_coach(user, delegation):
    """Programme staff, or a consultant of the delegation's partnership."""
    if delegation is None:
        return False
    access = Access.of(user)
    return (
        delegation.visit.programme_id in access.staff_of
        or delegation.partnership_id in access.coached_partnerships
    )


@rules.predicate
def is_delegation_visitor(user, delegation):
    return delegation is not None and delegation.visitor_id in Access.of(user).member_of


rules.add_perm("visits.plan_visit", is_superuser | is_programme_staff | is_programme_consultant)
rules.add_perm("visits.change_sitevisit", is_superuser | is_visit_organiser)
rules.add_perm(
    "visits.change_delegation", is_superuser | is_delegation_coach | is_delegation_visitor
)
rules.add_perm(
    "visits.withdraw_delegation", is_superuser | is_delegation_coach | is_delegation_visitor
)
rules.add_perm("visits.validate_terms", is_superuser | is_visitor_member)
rules.add_perm("visits.sign_terms", is_superuser | is_host_member)
rules.add_perm(
    "visits.reopen_terms", is_superuser | is_visitor_member | is_host_member | is_owner_consultant
)


# The action plan (tool 10) is the visiting municipality's: its team and its consultants add
# actions to it and follow them (status and progress notes), and write a learning question from
# one; the partner and the programme's staff read them where they read the plan.
@rules.predicate
def is_delegation_consultant(user, delegation):
    """A consultant of the delegation's partnership."""
    return (
        delegation is not None and delegation.partnership_id in Access.of(user).coached_partnerships
    )


rules.add_perm("visits.add_action", is_superuser | is_delegation_visitor | is_delegation_consultant)
rules.add_perm("visits.follow_action", is_superuser | is_owner_member | is_owner_consultant)
