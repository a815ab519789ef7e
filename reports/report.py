"""What one report may show: the job, its requester, and the querysets narrowed to what the
requester may read (`visible_to`) and to the report's scope.

The scope is the programme; a partnership, that is its two municipalities; or one
municipality, which the report follows on its own, its partners appearing only where they
concern it (its partnerships, the responses to its questions). Every chapter reads from here,
so a report holds nothing its requester could not open in the application.
"""

from dataclasses import dataclass
from functools import cached_property

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch

from learning.tools.base import number_sheets
from learning.tools.learning_questions.evolution import evolution_rows
from learning.tools.learning_questions.models import EvolutionSummary, LearningQuestion
from partnerships.models import LocalGovernment, Partnership, PartnershipStatusChange, Programme

from .models import ReportNarrative
from .sections import Chapter, sections


class Report:
    def __init__(self, job):
        self.job = job
        self.user = job.requested_by or AnonymousUser()
        self.programme = job.programme
        self._sheets = {}
        self._numbered = 0
        self.chapters = []
        # Wordings drawn in the learning cycles' chapter: {pk: {"anchor", "part"}}.
        self.drawn_wordings = {}
        # Learning journals whose progress chart the journals' chapter draws: {pk: same}.
        self.drawn_charts = {}
        # The printed page of each anchor laid out so far (reports/binding.py `Book.pages`).
        self.pages = {}
        # The anchors referred to (`Reference.page`) before they were laid out.
        self.unplaced = set()
        if not Programme.objects.visible_to(self.user).filter(pk=job.programme_id).exists():
            raise PermissionDenied("The requester may not read this programme.")

    # The chapters ----------------------------------------------------------------------------

    def sections(self):
        """The registered chapters that belong in this report's scope, in order."""
        return [section for section in sections() if section.applies_to(self.job)]

    def read(self, section):
        """The chapter of `section` in this report, numbered after those read before; None if
        it has nothing to show. The rendering keeps the chapters it reads in `chapters`, for
        the table of contents."""
        context = section.context(self)
        if context is None:
            return None
        chapter = Chapter(section, context, parts=context.get("parts", []))
        if section.numbered:
            self._numbered += 1
            chapter.number = str(self._numbered)
            for count, part in enumerate(chapter.parts, start=1):
                part.number = f"{chapter.number}.{count}"
        return chapter

    def pieces(self, *, front):
        """The pieces of the chapters read (`Section.pieces`), of the front matter (the cover
        and the table of contents) or of the body, in order."""
        return [
            piece
            for chapter in self.chapters
            if chapter.section.front == front
            for piece in chapter.pieces()
        ]

    def contents(self):
        """The table of contents: each numbered chapter, then its parts, as a `Reference` to
        where it starts (its `part` the chapter or the part)."""
        return [
            self.reference(entry.anchor, entry)
            for chapter in self.chapters
            if chapter.number
            for entry in (chapter, *chapter.parts)
        ]

    def reference(self, anchor, part):
        """A reference from one place in the report to `anchor`, drawn in `part`: its page
        once the anchor is laid out (see `Reference`)."""
        return Reference(anchor, part, self)

    # What the requester may read, in scope ---------------------------------------------------

    @cached_property
    def partnerships(self):
        """The programme's partnerships in scope, with their sides, theme, consultants and
        status history."""
        partnerships = (
            Partnership.objects.visible_to(self.user)
            .filter(programme=self.programme)
            .with_sides()
            .prefetch_related(
                Prefetch(
                    "status_changes",
                    PartnershipStatusChange.objects.select_related("withdrawn_by"),
                )
            )
        )
        if self.job.partnership_id:
            partnerships = partnerships.filter(pk=self.job.partnership_id)
        elif self.job.local_government_id:
            partnerships = partnerships.of_local_government(self.job.local_government_id)
        return sorted(partnerships, key=lambda p: (p.north.name, p.south.name))

    @cached_property
    def local_governments(self):
        """The municipalities the report is about: the programme's or the partnership's sides,
        or the one municipality."""
        if self.job.local_government_id:
            pks = {self.job.local_government_id}
        else:
            pks = {pk for p in self.partnerships for pk in (p.north_id, p.south_id)}
        return list(
            LocalGovernment.objects.visible_to(self.user)
            .filter(pk__in=pks)
            .select_related("country", "umbrella")
            .order_by("name")
        )

    @cached_property
    def local_government_pks(self):
        return [local_government.pk for local_government in self.local_governments]

    def sheets(self, tool):
        """The filled-in sheets of `tool` in scope that the requester may read, by owner."""
        if tool.slug not in self._sheets:
            self._sheets[tool.slug] = self._read_sheets(tool)
        return self._sheets[tool.slug]

    def _read_sheets(self, tool):
        # The sheets' rows (the tool's inlines) for all of them at once: the appendices lay out
        # every sheet, a query per sheet and kind of rows otherwise.
        sheets = list(
            tool.model.objects.visible_to(self.user)
            .filter(programme=self.programme, owners__in=self.local_government_pks)
            .select_related("programme", *tool.sheet_related)
            .prefetch_related("owners", *rows_of(tool))
        )
        sheets.sort(key=lambda sheet: ([str(owner) for owner in sheet.owners.all()], sheet.pk))
        number_sheets(sheets)
        return sheets

    @cached_property
    def questions(self):
        """The learning questions of the programme the requester may read (every wording)."""
        return LearningQuestion.objects.visible_to(self.user).filter(
            table__programme=self.programme
        )

    @cached_property
    def evolution_rows(self):
        """Appendix 8.11's and Figure 4's rows, one per municipality in scope with questions,
        each with what it applied (its action plans' actions) that the requester may read."""
        return evolution_rows(
            self.programme,
            self.questions,
            local_governments=self.local_government_pks,
            user=self.user,
        )

    @cached_property
    def summaries(self):
        return {
            summary.local_government_id: summary
            for summary in EvolutionSummary.objects.visible_to(self.user).filter(
                programme=self.programme
            )
        }

    @cached_property
    def narrative(self):
        """The chapters staff write for the programme, if any."""
        return ReportNarrative.objects.filter(programme=self.programme).first()


@dataclass
class Reference:
    """Where something referred to is drawn: its anchor, its part and, when it was laid out
    before the reference, its printed page; within the same layout the page is left to
    WeasyPrint (`.page-reference` in static/css/report.css). An anchor not laid out yet is
    noted in `Report.unplaced`."""

    anchor: str
    part: object
    report: "Report"

    @property
    def page(self):
        page = self.report.pages.get(self.anchor)
        if page is None:
            self.report.unplaced.add(self.anchor)
        return page or ""


def rows_of(tool):
    """The accessors of a sheet's repeating rows (`tool.inlines`), to prefetch."""
    accessors = []
    for inline in tool.inlines:
        for field in inline.model._meta.get_fields():
            if (
                field.many_to_one
                and field.related_model is tool.model
                and inline.fk_name in (None, field.name)
            ):
                accessors.append(field.remote_field.get_accessor_name())
    return accessors
