"""Who may do what with a filled-in tool and everything under it. Reading is decided by the
`visible_to` querysets (a stranger gets 404); these permissions decide the actions (403).

Every predicate is written once, against the sheet an object belongs to (a sheet is its own; a
learning question belongs to its table) and the user's `Access` (partnerships/access.py), so
rows, questions and what later tools hang under a sheet reuse them:

- create a sheet for a municipality: its team and the consultants of its partnerships;
- change it: the owners' teams and the owners' consultants (programme staff read only);
- share it with the partner: the owners' teams;
- review it or return it for changes: the owners' consultants;
- comment: whoever reads it, except the umbrella organisations' observers;
- read its draft-era history: the owners' teams, their consultants and programme staff;
- change a current learning question, reformulate or drop it: as for its table;
- respond to a question: the team of a partner municipality (the one offering expertise);
- write coaching notes: the owners' consultants; read them: they and programme staff;
- the programme's supply-and-demand table and evolution overview: programme staff and the
  programme's consultants;
- edit a municipality's evolution summary (the report's phrases): its consultants and staff.
"""

import rules

from partnerships.access import Access


def sheet_of(obj):
    """The sheet an object belongs to: itself, or `obj.sheet` (a question's table)."""
    return getattr(obj, "sheet", obj)


def owner_ids(sheet):
    if not hasattr(sheet, "_owner_ids"):
        sheet._owner_ids = frozenset(owner.pk for owner in sheet.owners.all())
    return sheet._owner_ids


@rules.predicate
def is_owner_member(user, obj):
    """In the team of one of the owner municipalities."""
    return obj is not None and bool(owner_ids(sheet_of(obj)) & Access.of(user).member_of)


@rules.predicate
def is_owner_consultant(user, obj):
    """Consultant of a partnership of one of the owners, in the sheet's programme."""
    if obj is None:
        return False
    sheet = sheet_of(obj)
    coached = Access.of(user).coached.get(sheet.programme_id, frozenset())
    return bool(owner_ids(sheet) & coached)


@rules.predicate
def is_partner_member(user, obj):
    """In the team of a partner of one of the owners in the sheet's programme (not an owner)."""
    if obj is None:
        return False
    sheet, access = sheet_of(obj), Access.of(user)
    owners = owner_ids(sheet)
    partnered = access.partnered.get(sheet.programme_id, frozenset())
    return bool(owners & partnered) and not owners & access.member_of


@rules.predicate
def is_programme_staff_of(user, obj):
    return obj is not None and sheet_of(obj).programme_id in Access.of(user).staff_of


@rules.predicate
def is_editable(user, obj):
    """The sheet's status lets it be changed (a frozen sheet does not)."""
    return obj is not None and sheet_of(obj).is_editable


@rules.predicate
def is_member_of(user, local_government):
    return local_government is not None and local_government.pk in Access.of(user).member_of


@rules.predicate
def is_consultant_of_local_government(user, local_government):
    if local_government is None:
        return False
    return any(local_government.pk in sides for sides in Access.of(user).coached.values())


@rules.predicate
def is_question_active(user, question):
    return question is not None and question.is_active


@rules.predicate
def is_table_shared(user, question):
    return question is not None and question.table.is_shared


@rules.predicate
def is_programme_staff(user, programme):
    return programme is not None and programme.pk in Access.of(user).staff_of


@rules.predicate
def is_programme_consultant(user, programme):
    return programme is not None and programme.pk in Access.of(user).coached


@rules.predicate
def is_summary_consultant(user, summary):
    """Consultant of a partnership of the summary's municipality in its programme."""
    if summary is None:
        return False
    coached = Access.of(user).coached.get(summary.programme_id, frozenset())
    return summary.local_government_id in coached


@rules.predicate
def is_summary_staff(user, summary):
    return summary is not None and summary.programme_id in Access.of(user).staff_of


is_superuser = rules.is_superuser

can_change = is_superuser | is_owner_member | is_owner_consultant
can_create = is_superuser | is_member_of | is_consultant_of_local_government

rules.add_perm("learning.create_sheet", can_create)
rules.add_perm("learning.change_sheet", can_change & is_editable)
rules.add_perm("learning.share_sheet", is_superuser | is_owner_member)
rules.add_perm("learning.review_sheet", is_superuser | is_owner_consultant)
rules.add_perm("learning.return_sheet", is_superuser | is_owner_consultant)
rules.add_perm("learning.view_sheet_drafts", can_change | is_programme_staff_of)
rules.add_perm("learning.comment_sheet", can_change | is_partner_member | is_programme_staff_of)

# Learning questions. Earlier wordings stay as they were: only a current question changes.
can_change_question = can_change & is_editable & is_question_active

rules.add_perm("learning.change_learningquestion", can_change_question)
rules.add_perm("learning.reformulate_learningquestion", can_change_question)
rules.add_perm(
    "learning.respond_learningquestion", is_table_shared & (is_superuser | is_partner_member)
)
rules.add_perm("learning.add_coachingnote", is_superuser | is_owner_consultant)
rules.add_perm(
    "learning.view_coachingnote", is_superuser | is_owner_consultant | is_programme_staff_of
)
rules.add_perm(
    "learning.view_programme_exchange",
    is_superuser | is_programme_staff | is_programme_consultant,
)
rules.add_perm(
    "learning.change_evolutionsummary", is_superuser | is_summary_staff | is_summary_consultant
)
