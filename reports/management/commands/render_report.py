"""Build a final report without a job, a worker or a browser, and write it to a file.

By default the report shows everything, as a superuser reads it (drafts included, as in the
Django admin); `--user` builds it with one person's reading rights instead, as the job that
person starts from a page would."""

import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from partnerships.models import LocalGovernment, Partnership, Programme, User
from reports.jobs import report_filename
from reports.models import ReportJob
from reports.rendering import render_report


class Command(BaseCommand):
    help = (
        "Build the final report of a programme (--programme), a partnership (--partnership) or "
        "a municipality (--local-government, with --programme if it takes part in several) "
        "and write the PDF to a file. It reads everything unless --user is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("--programme", type=int, metavar="ID")
        parser.add_argument("--partnership", type=int, metavar="ID")
        parser.add_argument("--local-government", type=int, metavar="ID")
        parser.add_argument(
            "--language", choices=[code for code, _name in settings.LANGUAGES], default="en"
        )
        parser.add_argument(
            "--user",
            metavar="USERNAME",
            help="Build the report with this person's reading rights (default: everything).",
        )
        parser.add_argument(
            "--no-appendices", action="store_true", help="Leave the filled-in tools out."
        )
        parser.add_argument("--no-images", action="store_true", help="Leave the images out.")
        parser.add_argument(
            "--output", "-o", help="Where to write the PDF (default: a name in this folder)."
        )

    def handle(self, *args, **options):
        verbosity = options["verbosity"]
        reader = self.reader(options["user"], options["language"])
        job = ReportJob(
            requested_by=reader,
            language=options["language"],
            with_appendices=not options["no_appendices"],
            with_images=not options["no_images"],
            **self.scope(options),
        )
        started = time.monotonic()

        def progress(percent, step):
            if verbosity >= 2:
                self.stderr.write(f"{percent:3.0f} % {step}")

        rendered = render_report(job, progress=progress)
        output = Path(options["output"] or report_filename(job))
        output.write_bytes(rendered.pdf)
        if verbosity:
            self.stdout.write(
                f"{output}: {rendered.pages} pages, {len(rendered.pdf) // 1024} KB, "
                f"{time.monotonic() - started:.1f} s"
            )

    def reader(self, username, language):
        """The person whose reading rights the report follows; by default an unsaved
        superuser, who reads everything."""
        if username is None:
            return User(username="render_report", is_superuser=True, language=language)
        try:
            return User.objects.get(username=username)
        except User.DoesNotExist:
            raise CommandError(f"No user {username!r}.") from None

    def scope(self, options):
        programme_id = options["programme"]
        partnership_id = options["partnership"]
        local_government_id = options["local_government"]
        if partnership_id is not None:
            if programme_id is not None or local_government_id is not None:
                raise CommandError("Give --partnership alone.")
            partnership = self.get(Partnership, partnership_id)
            return {"programme": partnership.programme, "partnership": partnership}
        if local_government_id is not None:
            local_government = self.get(LocalGovernment, local_government_id)
            programmes = Programme.objects.filter(
                pk__in=Partnership.objects.of_local_government(local_government).values("programme")
            )
            if programme_id is not None:
                programmes = programmes.filter(pk=programme_id)
            programmes = list(programmes[:2])
            if len(programmes) != 1:
                raise CommandError(
                    f"{local_government} takes part in several programmes: choose one with "
                    "--programme."
                    if len(programmes) > 1
                    else f"{local_government} takes part in no such programme."
                )
            return {"programme": programmes[0], "local_government": local_government}
        if programme_id is None:
            raise CommandError("Give --programme, --partnership or --local-government.")
        return {"programme": self.get(Programme, programme_id)}

    def get(self, model, pk):
        try:
            return model.objects.get(pk=pk)
        except model.DoesNotExist:
            raise CommandError(f"No {model._meta.verbose_name} with id {pk}.") from None
