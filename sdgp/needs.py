"""What needs a person, for the top of their home page, most urgent first: their own tools
returned for changes and the partner's questions their municipality has not answered (members
of a municipality's team); the tools waiting for review, the questions without any answer for
a while and, for programme staff, the people invited who never came (consultants and staff);
before a site visit, the terms of reference to validate (the visiting municipality's team) or to
sign (the host's team), and the Must-have sub-questions its programme leaves without an activity
(the visiting team and the partnership's consultants); after a visit, the actions of its
action plan past their due date (the visiting team and the consultants) and, while the visit is
under way or just over, a day of its learning journal not filled in (the visiting team); the
open tasks meetings set the person or their municipality; then what they were notified of and
have not read. The visits to come that concern the person come with them, for the home to list.
Each item is one tap from the page where it is done; the queries are as many whatever the size
of the programme."""

import datetime
from dataclasses import dataclass

from django.db.models import Exists, F, Max, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone

from coaching.models import Task
from learning.tools.learning_questions import LearningQuestion, Response
from learning.tools.registry import tools
from learning.views.overview import readable_sheets
from learning.workflows import Status
from partnerships.access import Access
from partnerships.models import LocalGovernment, Notification, Partnership, User
from visits.coverage import with_gap_counts
from visits.models import Action, ActionPlan, Delegation
from visits.reminders import unfilled_days_of, with_unfilled_days

# How many of each kind the home lists; the rest are a link away.
SHOWN = 5
# How many delegations of visits to come the home lists, soonest first.
UPCOMING_SHOWN = 10
TO_REVIEW = {Status.SHARED, Status.CHANGED}
# A question shared this long ago without any answer is worth the consultant's attention.
UNANSWERED_FOR = datetime.timedelta(days=30)
# A municipality whose tools have not changed for this long may need a word from its consultant.
QUIET_FOR = datetime.timedelta(days=30)
NEVER = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)


@dataclass
class Needs:
    returned: list  # (sheet, name) pairs
    waiting: list
    notifications: list
    more_notifications: bool
    to_answer: list = ()  # the partner's questions the person's municipality has not answered
    unanswered: list = ()  # questions in the person's care without any answer for a while
    not_joined: list = ()  # people invited who never logged in
    quiet: list = ()  # municipalities in the person's care whose tools have not changed lately
    to_validate: list = ()  # terms of reference of the person's municipality's visits
    to_sign: list = ()  # terms of reference of visits the person's municipality hosts
    gaps: list = ()  # delegations whose programme leaves Must-have sub-questions uncovered
    upcoming: list = ()  # the delegations of visits to come that concern the person
    overdue: list = ()  # open actions of action plans past their due date
    journal_days: list = ()  # (journal, day): a day of a recent visit left empty
    tasks: list = ()  # open tasks of the person or their municipality, soonest due first

    def __bool__(self):
        return any(
            (
                self.returned,
                self.waiting,
                self.notifications,
                self.to_answer,
                self.unanswered,
                self.not_joined,
                self.quiet,
                self.to_validate,
                self.to_sign,
                self.gaps,
                self.overdue,
                self.journal_days,
                self.tasks,
            )
        )


def needs_of(user):
    access = Access.of(user)
    reviewer_of = set(Access.sides(access.coached))
    if access.staff_of:
        sides = Partnership.objects.filter(programme__in=access.staff_of).values_list(
            "north", "south"
        )
        reviewer_of.update(side for pair in sides for side in pair)
    sheets = readable_sheets(user, sorted(access.member_of | reviewer_of), None)
    returned, waiting, seen = [], [], set()
    for (_slug, owner), entries in sheets.items():
        for sheet, name in entries:
            key = (type(sheet), sheet.pk)
            if key in seen:  # a joint sheet is listed under each owner
                continue
            seen.add(key)
            if owner in access.member_of and sheet.status == Status.RETURNED:
                returned.append((sheet, name))
            elif owner in reviewer_of and sheet.status in TO_REVIEW:
                waiting.append((sheet, name))
    unread = Notification.objects.visible_to(user).unread().select_related("actor")
    notifications = list(unread[: SHOWN + 1])
    questions = (
        LearningQuestion.objects.visible_to(user)
        .active()
        .filter(table__status__in=Status.shared_values())
        .select_related("table")
        .order_by("changed_date", "pk")
    )
    to_answer, unanswered, not_joined, quiet = [], [], [], []
    if access.member_of:
        answered = Response.objects.filter(
            question=OuterRef("pk"), local_government__in=access.member_of
        )
        to_answer = list(
            questions.exclude(table__owners__in=access.member_of)
            .filter(~Exists(answered))
            .distinct()[:SHOWN]
        )
    if reviewer_of:
        since = timezone.localdate() - UNANSWERED_FOR
        unanswered = list(
            questions.filter(table__owners__in=reviewer_of, changed_date__lte=since)
            .filter(~Exists(Response.objects.filter(question=OuterRef("pk"))))
            .distinct()[:SHOWN]
        )
    if access.coached:
        quiet = list(quiet_municipalities(Access.sides(access.coached))[:SHOWN])
    if access.staff_of:
        not_joined = list(
            User.objects.filter(
                memberships__local_government__in=reviewer_of, last_login__isnull=True
            )
            .distinct()
            .order_by("date_joined")[:SHOWN]
        )
    upcoming = upcoming_delegations(user, access)
    tasks = list(
        Task.objects.visible_to(user)
        .open()
        .filter(Q(owner_user=user) | Q(owner_local_government__in=access.member_of))
        .select_related("owner_local_government")
        .order_by(F("due_date").asc(nulls_last=True), "pk")[:SHOWN]
    )
    to_validate, to_sign, gaps = [], [], []
    for delegation in upcoming:
        if delegation.is_withdrawn:
            continue
        terms = getattr(delegation, "termsofreference", None)
        status = terms.status if terms is not None else None
        if status == Status.DRAFT and delegation.visitor_id in access.member_of:
            to_validate.append(terms)
        elif status == Status.VALIDATED and delegation.host_id in access.member_of:
            to_sign.append(terms)
        table = getattr(delegation, "activitytable", None)
        concerned = (
            delegation.visitor_id in access.member_of
            or delegation.partnership_id in access.coached_partnerships
        )
        if table is not None and delegation.gap_count and concerned:
            gaps.append(delegation)
    return Needs(
        returned=returned[:SHOWN],
        waiting=waiting[:SHOWN],
        notifications=notifications[:SHOWN],
        more_notifications=len(notifications) > SHOWN,
        to_answer=to_answer,
        unanswered=unanswered,
        not_joined=not_joined,
        quiet=quiet,
        to_validate=to_validate[:SHOWN],
        to_sign=to_sign[:SHOWN],
        gaps=gaps[:SHOWN],
        upcoming=upcoming,
        overdue=overdue_actions(user, access),
        journal_days=unfilled_journal_days(user, access),
        tasks=tasks,
    )


def overdue_actions(user, access):
    """The planned or started actions past their due date of the action plans of the person's
    municipality's visits or of the partnerships they coach, most overdue first: one query,
    none for someone they cannot concern."""
    if not (access.member_of or access.coached_partnerships):
        return []
    concerned = Q(sheet__delegation__visitor__in=access.member_of) | Q(
        sheet__delegation__partnership__in=access.coached_partnerships
    )
    return list(
        Action.objects.filter(concerned)
        .filter(
            sheet__in=ActionPlan.objects.visible_to(user).values("pk"),
            status__in=(Action.Status.PLANNED, Action.Status.IN_PROGRESS),
            due_date__lt=timezone.localdate(),
        )
        .select_related("sheet__delegation__visitor")
        .order_by("due_date", "pk")[:SHOWN]
    )


def unfilled_journal_days(user, access):
    """[(journal, day)]: for the delegations of the person's municipality on a visit under way
    or just over, the first past day of its programme without a page of its journal per
    objective (tool 9), or whose rows of its journal per activity (tool 8) are all empty
    (`visits.reminders.with_unfilled_days`); one query, none for someone outside a
    municipality's team."""
    if not access.member_of:
        return []
    delegations = with_unfilled_days(
        Delegation.objects.visible_to(user).filter(visitor__in=access.member_of),
        timezone.localdate(),
    ).select_related("visit", "visitor", "host", "journalbyobjective", "journalbyactivity")
    days = []
    for delegation in delegations[:SHOWN]:
        days.extend(unfilled_days_of(delegation))
    return days[:SHOWN]


def upcoming_delegations(user, access):
    """The delegations of the visits to come that concern `user` (their municipality's, the
    partnerships they coach, their programme's), with their visit, sides, activities table,
    terms of reference and Must-have gaps: one query, none for someone they do not concern."""
    if not (access.superuser or access.member_of or access.staff_of or access.coached_partnerships):
        return []
    delegations = (
        Delegation.objects.visible_to(user)
        .concerning(user)
        .upcoming(timezone.localdate())
        .select_related("visit", "visitor", "host", "activitytable", "termsofreference")
        .order_by("visit__start_date", "visit", "visitor__name", "pk")
    )
    return list(with_gap_counts(delegations)[:UPCOMING_SHOWN])


def quiet_municipalities(local_government_ids):
    """The municipalities of `local_government_ids` none of whose tools changed for QUIET_FOR,
    quietest first, each with `last_change` (None: never), in one query."""
    latest = [
        Coalesce(
            Subquery(
                tool.model.objects.filter(owners=OuterRef("pk"))
                .order_by()
                .values("owners")
                .annotate(last=Max("updated_at"))
                .values("last")[:1]
            ),
            Value(NEVER),
        )
        for tool in tools()
    ]
    since = timezone.now() - QUIET_FOR
    return (
        LocalGovernment.objects.filter(pk__in=local_government_ids)
        .annotate(last_change=Greatest(*latest) if len(latest) > 1 else latest[0])
        .filter(last_change__lt=since)
        .order_by("last_change", "name")
    )
