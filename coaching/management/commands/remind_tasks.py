"""Tell the owners of the tasks that are due (run once a day, for example from cron)."""

from django.core.management.base import BaseCommand

from coaching.services import remind_tasks


class Command(BaseCommand):
    help = "Notify the owners of open tasks that are due, once per task."

    def handle(self, *args, **options):
        reminded = remind_tasks()
        self.stdout.write(f"{reminded} task(s) reminded.")
