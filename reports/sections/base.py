"""The report's chapters, registered like the tools: a `Section` says what differs, the base
class does the rest, and `reports/rendering.py` iterates the registry.

A chapter is one module in this package (a `Section` subclass and one `register(...)` line),
one template `templates/reports/sections/<slug>.html` and its import in `__init__.py`. Its
`context(report)` reads what it shows from the `Report`, whose querysets hold only what the
requester may read within the report's scope; it returns None to leave the chapter out (an
executive summary nobody wrote).

The report is laid out a part of about ten pages at a time (reports/rendering.py), so a
chapter is rendered in pieces (`Piece`): by default a piece per numbered part, its template
extending `reports/sections/chapter.html`, which opens the chapter in its first piece only.
"""

from dataclasses import dataclass, field, replace

from reports.models import ReportJob

Scope = ReportJob.Scope
EVERY_SCOPE = frozenset(Scope.values)


class Section:
    """Base of every chapter. Set the attributes; override a hook where the chapter differs."""

    slug: str
    title: str  # lazy: translated when the report renders, in the report's language
    # The place in the report, in steps of ten so that a chapter can come in between.
    order: int
    # The scopes (ReportJob.Scope) of the reports the chapter belongs in.
    scopes = EVERY_SCOPE
    # A numbered chapter has a number and a line in the table of contents; the cover and the
    # table of contents itself have neither.
    numbered = True
    # The cover and the table of contents come before the chapters, with pages of their own.
    front = False
    # A part whose `data` is a long list (the appendices' sheets) is cut into pieces of this
    # many rows; None keeps each part whole.
    rows_per_piece = None

    @property
    def template(self):
        return f"reports/sections/{self.slug}.html"

    def __repr__(self):
        return f"<{type(self).__name__} {self.slug}>"

    def applies_to(self, job):
        """Whether the chapter belongs in the report of `job`: by default, by its scope."""
        return job.scope in self.scopes

    def context(self, report):
        """What the template needs, read from `report` (a few queries); None leaves the
        chapter out. A chapter with numbered parts lists them as `parts` (see `Part`), and the
        table of contents lists them too."""
        return {}

    def pieces(self, chapter):
        """The chapter in the pieces that are laid out one after the other: a piece per
        part, a long part cut into pieces of `rows_per_piece` rows, the later ones continuing
        it without its heading; a chapter without parts is one piece."""
        cuts = [cut for part in chapter.parts for cut in self._cut(part)] or [None]
        for number, cut in enumerate(cuts):
            yield Piece(chapter, parts=[cut] if cut else [], first=number == 0)

    def _cut(self, part):
        rows = self.rows_per_piece
        if not rows or not isinstance(part.data, list) or len(part.data) <= rows:
            return [part]
        return [
            replace(part, data=part.data[start : start + rows], continued=start > 0)
            for start in range(0, len(part.data), rows)
        ]


@dataclass
class Part:
    """A numbered part of a chapter (3.2, 8.11): its anchor and title in the table of contents;
    `data` is what the chapter's template shows in it."""

    anchor: str
    title: str
    data: object = None
    number: str = ""
    # Rows of a part cut into pieces (`Section.rows_per_piece`) after its first: no heading.
    continued: bool = False


@dataclass
class Chapter:
    """A section as it appears in one report: its number, context and numbered parts."""

    section: Section
    context: dict
    number: str = ""
    parts: list = field(default_factory=list)

    @property
    def anchor(self):
        return f"chapter-{self.section.slug}"

    @property
    def title(self):
        return self.section.title

    def pieces(self):
        return self.section.pieces(self)


@dataclass
class Piece:
    """What of a chapter is rendered at once: its opening (`first`) or not, and some of its
    parts (`Section.pieces`)."""

    chapter: Chapter
    parts: list
    first: bool = True


_sections = {}


def register(section):
    """Add a chapter (an instance of a `Section` subclass) to the registry; returns it."""
    for existing in _sections.values():
        if existing.order == section.order and existing.slug != section.slug:
            raise ValueError(f"Place {section.order} is taken by {existing.slug}")
    _sections[section.slug] = section
    return section


def sections():
    """Every registered chapter, in the report's order."""
    return sorted(_sections.values(), key=lambda section: section.order)
