"""Reminders that no click sets off, in the words of partnerships/notifications.py, sent by
`manage.py send_reminders` (once a day from cron, before `send_digests`), each once: its
notification, which names what it is about, records that it was told.

- An open action of an action plan past its due date: the visiting municipality's team and the
  partnership's consultants.
- A day of a visit under way or just over (JOURNAL_CATCH_UP) without a page of the delegation's
  journal per objective (tool 9), or whose rows of its journal per activity (tool 8) are all
  empty: the visiting municipality's team. The home lists the same (sdgp/needs.py)."""

import datetime

from django.db.models import Case, Exists, OuterRef, Q, Subquery, When
from django.utils import timezone
from django.utils.translation import gettext_noop

from partnerships.models import Notification, User
from partnerships.notifications import notify

from .models import (
    Action,
    Activity,
    Delegation,
    JournalByObjective,
    JournalDay,
    JournalEntry,
)

OVERDUE = gettext_noop("The action “%(action)s” of %(owners)s is past its due date, %(date)s")
JOURNAL_DAY = gettext_noop("The learning journal of %(delegation)s is not filled in for %(date)s")
# A journal's day left empty is worth a reminder from the visit's start until this long after
# its end (the pilot's delegations sometimes caught up later, with the consultant).
JOURNAL_CATCH_UP = datetime.timedelta(days=14)


def with_unfilled_days(delegations, today):
    """[delegation]: the active `delegations` on a visit under way or ended less than
    JOURNAL_CATCH_UP ago with a day left empty before `today`, each with `day_without_page`
    (the first day of its programme without a page of its journal per objective, if it keeps
    one) and `day_left_empty` (the first day whose rows of its journal per activity are all
    empty), in one query. The few delegations of those visits are read with both and kept here
    when one is set: filtering on them in SQL would copy both subqueries into its WHERE."""
    page = JournalDay.objects.filter(
        sheet__delegation=OuterRef(OuterRef("pk")), date=OuterRef("date")
    )
    without_page = (
        Activity.objects.filter(sheet__delegation=OuterRef("pk"), date__lt=today)
        .filter(~Exists(page))
        .order_by("date")
        .values("date")[:1]
    )
    filled = JournalEntry.objects.filter(sheet=OuterRef("sheet"), date=OuterRef("date")).exclude(
        outcomes="", applicable="", missing=""
    )
    empty_day = (
        JournalEntry.objects.filter(sheet__delegation=OuterRef("pk"), date__lt=today)
        .filter(~Exists(filled))
        .order_by("date")
        .values("date")[:1]
    )
    has_journal = Exists(JournalByObjective.objects.filter(delegation=OuterRef("pk")))
    recent = (
        delegations.active()
        .filter(
            visit__start_date__lte=today,
            visit__end_date__gte=today - JOURNAL_CATCH_UP,
        )
        .annotate(
            day_without_page=Case(When(has_journal, then=Subquery(without_page))),
            day_left_empty=Subquery(empty_day),
        )
        .order_by("visit__start_date", "pk")
    )
    return [d for d in recent if d.day_without_page is not None or d.day_left_empty is not None]


def unfilled_days_of(delegation):
    """[(journal, day)] of a delegation read by `with_unfilled_days`, with its journals."""
    days = []
    if delegation.day_without_page:
        days.append((delegation.journalbyobjective, delegation.day_without_page))
    if delegation.day_left_empty:
        days.append((delegation.journalbyactivity, delegation.day_left_empty))
    return days


def remind_overdue_actions(*, today=None):
    """Notify each overdue action not notified yet; returns the actions notified."""
    today = today or timezone.localdate()
    actions = (
        Action.objects.filter(
            status__in=(Action.Status.PLANNED, Action.Status.IN_PROGRESS), due_date__lt=today
        )
        .select_related("sheet__delegation__visitor", "sheet__delegation__partnership")
        .order_by("due_date", "pk")
    )
    told = []
    for action in actions:
        if Notification.objects.filter(verb=OVERDUE, params__action_id=action.pk).exists():
            continue
        delegation = action.sheet.delegation
        recipients = User.objects.filter(
            Q(memberships__local_government=delegation.visitor_id)
            | Q(coached_partnerships=delegation.partnership_id)
        ).distinct()
        notify(
            recipients,
            verb=OVERDUE,
            params={
                "action_id": action.pk,
                "action": action.action,
                "owners": str(delegation.visitor),
                "date": action.due_date.isoformat(),
            },
            url=action.sheet.get_absolute_url(),
            partnership=delegation.partnership,
        )
        told.append(action)
    return told


def remind_unfilled_journal_days(*, today=None):
    """Notify the visiting team of each journal's first day left empty, once a day and
    journal; returns the (journal, day) pairs notified."""
    today = today or timezone.localdate()
    delegations = with_unfilled_days(
        Delegation.objects.select_related(
            "visit", "visitor", "host", "partnership", "journalbyobjective", "journalbyactivity"
        ),
        today,
    )
    told = []
    for delegation in delegations:
        for journal, day in unfilled_days_of(delegation):
            url = journal.get_absolute_url()
            if Notification.objects.filter(
                verb=JOURNAL_DAY, url=url, params__date=day.isoformat()
            ).exists():
                continue
            notify(
                User.objects.filter(memberships__local_government=delegation.visitor_id),
                verb=JOURNAL_DAY,
                params={"delegation": str(delegation), "date": day.isoformat()},
                url=url,
                partnership=delegation.partnership,
            )
            told.append((journal, day))
    return told
