"""Reminders that no click sets off, in the words of partnerships/notifications.py: an open
action of an action plan past its due date is told once to the visiting municipality's team
and the partnership's consultants (`manage.py send_reminders`, once a day from cron, before
`send_digests`). Its notification, which names the action, records that it was told."""

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_noop

from partnerships.models import Notification, User
from partnerships.notifications import notify

from .models import Action

OVERDUE = gettext_noop("The action “%(action)s” of %(owners)s is past its due date, %(date)s")


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
