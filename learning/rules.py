"""Who may do what with a filled-in tool. Reading is decided by `ToolSheet.objects.visible_to`
(a stranger gets 404); these permissions decide the actions (403).

- create a sheet for a municipality: its team and the consultants of its partnerships;
- change it: the owners' teams and the owners' consultants (programme staff read only);
- share it with the partner: the owners' teams;
- review it or return it for changes: the owners' consultants;
- comment: whoever reads it, except the umbrella organisations' observers.
"""

import rules
from django.db.models import Q

from partnerships.models import Membership, Partnership


@rules.predicate
def is_member_of(user, local_government):
    if local_government is None:
        return False
    return Membership.objects.filter(user=user, local_government=local_government).exists()


@rules.predicate
def is_consultant_of_local_government(user, local_government):
    if local_government is None:
        return False
    return (
        Partnership.objects.of_local_government(local_government).filter(consultants=user).exists()
    )


@rules.predicate
def is_owner_member(user, sheet):
    """In the team of one of the sheet's owner municipalities."""
    if sheet is None:
        return False
    return Membership.objects.filter(
        user=user, local_government__in=sheet.owners.values("pk")
    ).exists()


@rules.predicate
def is_owner_consultant(user, sheet):
    """Consultant of a partnership of one of the owners."""
    if sheet is None:
        return False
    return sheet.owner_partnerships().filter(consultants=user).exists()


@rules.predicate
def is_partner_member(user, sheet):
    """In the team of a partner municipality of one of the owners."""
    if sheet is None:
        return False
    partnerships = sheet.owner_partnerships()
    return Membership.objects.filter(
        Q(local_government__in=partnerships.values("north"))
        | Q(local_government__in=partnerships.values("south")),
        user=user,
    ).exists()


@rules.predicate
def is_programme_staff_of(user, sheet):
    if sheet is None:
        return False
    return sheet.programme.staff.filter(pk=user.pk).exists()


is_superuser = rules.is_superuser

can_change = is_superuser | is_owner_member | is_owner_consultant

can_create = is_superuser | is_member_of | is_consultant_of_local_government

rules.add_perm("learning.create_sheet", can_create)
rules.add_perm("learning.change_sheet", can_change)
rules.add_perm("learning.share_sheet", is_superuser | is_owner_member)
rules.add_perm("learning.review_sheet", is_superuser | is_owner_consultant)
rules.add_perm("learning.return_sheet", is_superuser | is_owner_consultant)
# Draft-era text (in the history) is the owners', their consultants' and programme staff's.
rules.add_perm("learning.view_sheet_drafts", can_change | is_programme_staff_of)
rules.add_perm("learning.comment_sheet", can_change | is_partner_member | is_programme_staff_of)

from learning import question_rules  # noqa: E402, F401  (learning questions and the exchange)
