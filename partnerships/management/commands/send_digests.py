"""Mail the daily digest of notifications (run once a day, for example from cron)."""

from django.core.management.base import BaseCommand

from partnerships.notifications import send_digests


class Command(BaseCommand):
    help = "Mail each person who chose the daily digest their unread notifications."

    def handle(self, *args, **options):
        sent = send_digests()
        self.stdout.write(f"{sent} digest(s) sent.")
