"""Load the demo data of the 2024-2025 pilot; running it again changes nothing."""

import importlib
import types

from django.core.management.base import BaseCommand
from django.db import connection, transaction

from sdgp.demo import MODULES


class Command(BaseCommand):
    help = (
        "Load the demo data: the 2024-2025 pilot with its partnerships and one account per role. "
        "Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--password", default="demo", help="Password of every demo account (default: demo)."
        )
        parser.add_argument(
            "--quiet", action="store_true", help="Do not print the table of demo accounts."
        )

    def handle(self, *args, password, quiet, **options):
        world = types.SimpleNamespace(password=password)
        with transaction.atomic():
            for dotted_path in MODULES:
                importlib.import_module(dotted_path).load(world)
        if connection.vendor == "postgresql":
            # Table statistics now, not at autovacuum's next pass: without them the planner
            # guesses, and the first pages after loading pay for it.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        if not quiet:
            self.print_accounts(world, password)

    def print_accounts(self, world, password):
        rows = [("ROLE", "USERNAME", "MUNICIPALITY")]
        for role, user in world.users.items():
            places = [m.local_government.name for m in user.memberships.all()]
            places += [f"({umbrella.acronym})" for umbrella in user.observed_umbrellas.all()]
            rows.append((role, user.username, ", ".join(places) or "-"))
        widths = [max(len(row[column]) for row in rows) for column in range(3)]
        self.stdout.write(self.style.SUCCESS("Demo data loaded. Demo accounts:"))
        for row in rows:
            line = "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
            self.stdout.write(line.rstrip())
        self.stdout.write(f"Password of every demo account: {password}")
