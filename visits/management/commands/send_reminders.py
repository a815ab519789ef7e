"""Notify what is overdue (run once a day, for example from cron, before send_digests)."""

from django.core.management.base import BaseCommand

from visits.reminders import remind_overdue_actions, remind_unfilled_journal_days


class Command(BaseCommand):
    help = (
        "Notify, once, the visiting team and the consultants of each action of an action plan past "
        "its due date, and the visiting team of a day of its learning journal left empty."
    )

    def handle(self, *args, **options):
        actions = remind_overdue_actions()
        days = remind_unfilled_journal_days()
        self.stdout.write(
            f"{len(actions)} overdue action(s) and {len(days)} journal day(s) notified."
        )
