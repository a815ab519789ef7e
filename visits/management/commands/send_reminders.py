"""Notify what is overdue (run once a day, for example from cron, before send_digests)."""

from django.core.management.base import BaseCommand

from visits.reminders import remind_overdue_actions


class Command(BaseCommand):
    help = (
        "Notify the visiting team and the consultants of each action of an action plan past its "
        "due date, once."
    )

    def handle(self, *args, **options):
        told = remind_overdue_actions()
        self.stdout.write(f"{len(told)} overdue action(s) notified.")
