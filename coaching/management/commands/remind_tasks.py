"""Tell the owners of the tasks that are due, and the participants of tomorrow's meetings with
their pre-read (run once a day, for example from cron)."""

from django.core.management.base import BaseCommand

from coaching.services import remind_meetings, remind_tasks


class Command(BaseCommand):
    help = (
        "Notify the owners of open tasks that are due, once per task, and the participants of "
        "the meetings of the next day, once per meeting."
    )

    def handle(self, *args, **options):
        reminded = remind_tasks()
        announced = remind_meetings()
        self.stdout.write(f"{reminded} task(s) reminded, {announced} meeting(s) announced.")
