"""Who may do what with learning questions and the exchange around them. Reading is decided by
the `visible_to` querysets (a stranger gets 404); these permissions decide the actions (403).

- change a current question (obstacles, sub-questions, their answer status), reformulate or
  drop it: the owners' teams and the owners' consultants, as for the table itself;
- respond to it: the team of a partner municipality (the one offering expertise);
- write coaching notes: the owners' consultants; read them: they and programme staff;
- the programme's supply-and-demand table and evolution overview: programme staff and the
  programme's consultants;
- edit a municipality's evolution summary (the report's phrases): its consultants and staff.
"""

import rules
from django.db.models import Q

from partnerships.models import Membership, Partnership


@rules.predicate
def is_question_owner_member(user, question):
    """In the team of one of the municipalities asking the question."""
    if question is None:
        return False
    return Membership.objects.filter(
        user=user, local_government__in=question.table.owners.values("pk")
    ).exists()


@rules.predicate
def is_question_owner_consultant(user, question):
    if question is None:
        return False
    return question.table.partnerships().filter(consultants=user).exists()


@rules.predicate
def is_question_partner_member(user, question):
    """In the team of a municipality that offers expertise on the question."""
    if question is None:
        return False
    return Membership.objects.filter(
        user=user, local_government__in=question.table.partners().values("pk")
    ).exists()


@rules.predicate
def is_question_programme_staff(user, question):
    if question is None:
        return False
    return question.table.programme.staff.filter(pk=user.pk).exists()


@rules.predicate
def is_question_active(user, question):
    return question is not None and question.is_active


@rules.predicate
def is_table_shared(user, question):
    return question is not None and question.table.is_shared


@rules.predicate
def is_programme_staff(user, programme):
    return programme is not None and programme.staff.filter(pk=user.pk).exists()


@rules.predicate
def is_programme_consultant(user, programme):
    return (
        programme is not None
        and Partnership.objects.filter(programme=programme, consultants=user).exists()
    )


@rules.predicate
def is_summary_consultant(user, summary):
    """Consultant of a partnership of the summary's municipality in its programme."""
    if summary is None:
        return False
    return (
        Partnership.objects.filter(programme=summary.programme_id, consultants=user)
        .filter(Q(north=summary.local_government_id) | Q(south=summary.local_government_id))
        .exists()
    )


@rules.predicate
def is_summary_staff(user, summary):
    return summary is not None and is_programme_staff(user, summary.programme)


is_superuser = rules.is_superuser
# Earlier wordings stay as they were: only a current question changes.
can_change_question = (
    is_superuser | is_question_owner_member | is_question_owner_consultant
) & is_question_active

rules.add_perm("learning.change_learningquestion", can_change_question)
rules.add_perm("learning.reformulate_learningquestion", can_change_question)
rules.add_perm(
    "learning.respond_learningquestion",
    is_table_shared & (is_superuser | is_question_partner_member),
)
rules.add_perm("learning.add_coachingnote", is_superuser | is_question_owner_consultant)
rules.add_perm(
    "learning.view_coachingnote",
    is_superuser | is_question_owner_consultant | is_question_programme_staff,
)
rules.add_perm(
    "learning.view_programme_exchange",
    is_superuser | is_programme_staff | is_programme_consultant,
)
rules.add_perm(
    "learning.change_evolutionsummary", is_superuser | is_summary_staff | is_summary_consultant
)
