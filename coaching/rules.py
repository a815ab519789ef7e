"""Who may do what with meetings and tasks. Reading is `visible_to` (404); these decide actions
(403).

- plan a meeting in a programme: its staff and consultants; a partnership's teams, to record a
  bilateral they held themselves;
- edit a meeting, record its attendance and minutes, set its tasks, send its pre-read: programme
  staff; a consultant for the bilaterals of the partnerships they coach, the individual coaching
  of those partnerships' municipalities and the network meetings of their programme; a
  partnership's teams for the bilaterals they held without the consultant;
- change a task (mark it done): its owner, the owner municipality's team, the municipality's
  consultants in the task's programme and programme staff.
"""

import rules

from learning.rules import is_programme_consultant, is_programme_staff, is_superuser
from partnerships.access import Access


@rules.predicate
def is_programme_member(user, programme):
    """A member of a municipality with a partnership in the programme."""
    return programme is not None and programme.pk in Access.of(user).partnered


def may_facilitate(access, meeting):
    """Programme staff, or the consultant of what the meeting is about."""
    from .models import Meeting

    programme = meeting.programme_id
    if programme in access.staff_of:
        return True
    if meeting.kind == Meeting.Kind.BILATERAL:
        return meeting.partnership_id in access.coached_partnerships
    if meeting.kind == Meeting.Kind.INDIVIDUAL:
        return meeting.local_government_id in access.coached.get(programme, ())
    return programme in access.coached


def is_own_direct_exchange(access, meeting):
    """A bilateral the partners held themselves, recorded by one of their teams."""
    partnership = meeting.partnership
    return (
        meeting.without_consultant
        and partnership is not None
        and bool({partnership.north_id, partnership.south_id} & access.member_of)
    )


@rules.predicate
def is_meeting_editor(user, meeting):
    if meeting is None:
        return False
    access = Access.of(user)
    return may_facilitate(access, meeting) or is_own_direct_exchange(access, meeting)


@rules.predicate
def is_task_owner_or_coach(user, task):
    if task is None:
        return False
    access = Access.of(user)
    if task.owner_user_id == user.pk or task.programme_id in access.staff_of:
        return True
    owner = task.owner_local_government_id
    return owner is not None and (
        owner in access.member_of or owner in access.coached.get(task.programme_id, ())
    )


rules.add_perm(
    "coaching.plan_meeting",
    is_superuser | is_programme_staff | is_programme_consultant | is_programme_member,
)
rules.add_perm("coaching.change_meeting", is_superuser | is_meeting_editor)
rules.add_perm("coaching.change_task", is_superuser | is_task_owner_or_coach)


# Interim evaluations and the methodology log -------------------------------------------------
#
# - create a round of interim evaluation, change its dates: the programme's staff;
# - answer a round (once, editable until it closes): the participants of its programme, that is
#   the teams of the municipalities of its partnerships and its consultants;
# - record and correct an adjustment in the methodology log: the programme's staff and
#   consultants. Everyone in the programme reads the log and the rounds; who reads which
#   answers is `EvaluationAnswer.objects.visible_to`.


def programme_of(obj):
    """The programme of a round or an adjustment, or the programme itself."""
    return getattr(obj, "programme", obj)


@rules.predicate
def is_coaching_staff(user, obj):
    return obj is not None and programme_of(obj).pk in Access.of(user).staff_of


@rules.predicate
def is_coaching_consultant(user, obj):
    return obj is not None and programme_of(obj).pk in Access.of(user).coached


@rules.predicate
def is_participating_member(user, obj):
    """In the team of a municipality that has a partnership in the programme."""
    if obj is None:
        return False
    access = Access.of(user)
    return bool(access.member_of & access.partnered.get(programme_of(obj).pk, frozenset()))


rules.add_perm("coaching.add_evaluationround", is_superuser | is_coaching_staff)
rules.add_perm("coaching.change_evaluationround", is_superuser | is_coaching_staff)
rules.add_perm(
    "coaching.answer_evaluationround",
    is_superuser | is_participating_member | is_coaching_consultant,
)
rules.add_perm(
    "coaching.add_methodologyadjustment",
    is_superuser | is_coaching_staff | is_coaching_consultant,
)
rules.add_perm(
    "coaching.change_methodologyadjustment",
    is_superuser | is_coaching_staff | is_coaching_consultant,
)
