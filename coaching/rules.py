"""Who may do what in coaching. Reading is decided by the `visible_to` querysets (404); these
permissions decide the actions (403)."""

import rules

from partnerships.access import Access

is_superuser = rules.is_superuser

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
