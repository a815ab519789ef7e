"""What the terms of reference show (tool 7): their own fields and rows, and the parts drawn
from the visit, the learning questions (tool 5) and the activities table (tool 6). Drawn parts
are read live while the terms are a draft; validating them keeps them as they then stood
(`TermsOfReference.frozen`), so signed terms say what was signed. Programme changes made after
the signature are listed from the activities table's history."""

import copy
from collections import defaultdict

from django.utils.dateparse import parse_date
from django.utils.translation import ngettext

from learning.history import name_related, sheet_history
from learning.tools.learning_questions import SubQuestion
from learning.workflows import Status

from .coverage import current_questions, current_subquestions


def title(visit, delegations=None):
    """ "Study visit to Belgium by 2 delegations from Benin": the countries of the hosts and of
    the visitors of the visit's delegations that were not withdrawn."""
    if delegations is None:
        delegations = list(
            visit.delegations.active().select_related("visitor__country", "host__country")
        )
    hosts = sorted({str(d.host.country) for d in delegations})
    visitors = sorted({str(d.visitor.country) for d in delegations})
    count = len(delegations)
    return ngettext(
        "Study visit to %(hosts)s by %(count)s delegation from %(visitors)s",
        "Study visit to %(hosts)s by %(count)s delegations from %(visitors)s",
        count,
    ) % {"hosts": ", ".join(hosts), "count": count, "visitors": ", ".join(visitors)}


def drawn_parts(terms):
    """The parts of the terms that come from elsewhere, as plain values (what `frozen` keeps):
    the title, the visitor's questions with their sub-questions, the programme per day from the
    activities table, the delegation's members."""
    delegation = terms.delegation
    visit = delegation.visit
    subquestions = defaultdict(list)
    for subquestion in current_subquestions(delegation):
        subquestions[subquestion.question_id].append(
            {
                "number": subquestion.order,
                "text": subquestion.text,
                "priority": subquestion.priority,
            }
        )
    questions = current_questions(delegation).order_by("table", "order", "pk")
    table = shared_table(delegation)
    activities = []
    if table is not None:
        for activity in table.activities.order_by("date", "start", "pk"):
            activities.append(
                {
                    "date": activity.date.isoformat(),
                    "start": activity.start.strftime("%H:%M"),
                    "end": activity.end.strftime("%H:%M") if activity.end else "",
                    "activity": activity.activity,
                    "place": activity.place,
                }
            )
    return {
        "title": title(visit),
        "start": visit.start_date.isoformat(),
        "end": visit.end_date.isoformat(),
        "visitor": str(delegation.visitor),
        "host": str(delegation.host),
        "questions": [
            {
                "pk": question.pk,
                "number": question.order,
                "text": question.localized_text,
                "subquestions": subquestions.get(question.pk, []),
            }
            for question in questions
        ],
        "activities": activities,
        "members": [str(member) for member in delegation.members.all()],
    }


def terms_context(terms):
    """The partial's context (no request: the report renders it in a task)."""
    # A copy: the labels added below are for the page, not for the frozen parts.
    frozen = terms.frozen and terms.status != Status.DRAFT
    drawn = copy.deepcopy(terms.frozen) if frozen else drawn_parts(terms)
    objectives = defaultdict(list)
    for objective in terms.specific_objectives.all():
        objectives[objective.question_id].append(objective.text)
    plans = {plan.date: plan for plan in terms.day_plans.all()}
    by_date = defaultdict(list)
    for activity in drawn["activities"]:
        by_date[parse_date(activity["date"])].append(activity)
    visit = terms.delegation.visit
    days = []
    for number, date in enumerate(visit.days, start=1):
        plan = plans.get(date)
        days.append(
            {
                "number": number,
                "date": date,
                "central_question": plan.central_question if plan else "",
                "overall_activity": plan.overall_activity if plan else "",
                "activities": by_date.get(date, []),
            }
        )
    priorities = dict(SubQuestion.Priority.choices)
    for question in drawn["questions"]:
        question["objectives"] = objectives.get(question["pk"], [])
        for subquestion in question["subquestions"]:
            subquestion["priority_label"] = priorities.get(subquestion["priority"], "")
    return {
        "drawn": drawn,
        "days": days,
        "live": terms.status == Status.DRAFT,
        "late_changes": late_changes(terms),
    }


def late_changes(terms):
    """The changes of the activities table after the terms were signed."""
    if terms.status != Status.SIGNED or terms.signed_at is None:
        return []
    table = shared_table(terms.delegation)
    if table is None:
        return []
    return name_related(sheet_history(table, since=terms.signed_at))


def shared_table(delegation):
    """The delegation's activities table once shared: the terms, which the partner and the
    observers read once validated, draw nothing from a draft."""
    table = getattr(delegation, "activitytable", None)
    if table is None or not table.is_shared:
        return None
    return table
