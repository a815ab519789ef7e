"""Telling people what needs them: `notify()` lists a notification on each recipient's home
and mails it at once to those who chose so; `send_digests()` mails the others' unread ones once
a day, grouped by partnership. Mail goes out after the transaction commits, in the recipient's
language, and a failing mail server never breaks the page that caused it (partnerships/mail.py).
"""

from urllib.parse import urljoin

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from . import freshness
from .mail import mail_user
from .models import Notification, User


def absolute(url):
    """A page of the site as a link in a mail."""
    return urljoin(settings.SITE_URL, url)


def notify(recipients, *, verb, url, params=None, actor=None, partnership=None):
    """Tell `recipients` (users; the actor is left out) that `verb` happened (an untranslated
    message marked with gettext_noop, with %(name)s placeholders filled from `params`) on the
    page `url`."""
    people = {
        user.pk: user
        for user in recipients
        if user.is_active and (actor is None or user.pk != actor.pk)
    }
    if not people:
        return []
    now = timezone.now()
    notifications = Notification.objects.bulk_create(
        Notification(
            recipient=user,
            actor=actor,
            verb=verb,
            params=params or {},
            url=url,
            partnership=partnership,
        )
        for user in people.values()
    )
    freshness.changed()  # bulk_create sends no signal
    mailed = []
    for notification in notifications:
        user = notification.recipient
        if user.mail_notifications == User.Mail.IMMEDIATE and user.email:
            mail_user(
                user=user,
                template="emails/notification",
                context={"notification": notification, "link": absolute(notification.url)},
            )
            mailed.append(notification.pk)
    if mailed:
        Notification.objects.filter(pk__in=mailed).update(mailed_at=now)
    return notifications


def send_digests():
    """Mail each person who chose the daily digest their unread notifications not yet mailed,
    in one mail grouped by partnership; returns how many mails were sent."""
    pending = (
        Notification.objects.unread()
        .filter(mailed_at__isnull=True, recipient__mail_notifications=User.Mail.DIGEST)
        .exclude(recipient__email="")
        .select_related("recipient", "partnership")
        .order_by("recipient", "partnership", "created_at")
    )
    by_person = {}
    for notification in pending:
        by_person.setdefault(notification.recipient, []).append(notification)
    for user, notifications in by_person.items():
        groups = {}
        for notification in notifications:
            groups.setdefault(notification.partnership, []).append(
                {"notification": notification, "link": absolute(notification.url)}
            )
        with transaction.atomic():
            mail_user(
                user=user,
                template="emails/digest",
                context={"groups": list(groups.items()), "home": absolute("/")},
            )
            Notification.objects.filter(pk__in=[n.pk for n in notifications]).update(
                mailed_at=timezone.now()
            )
    return len(by_person)
