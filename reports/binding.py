"""Binding the report: its parts, each laid out and written on its own, into one PDF.

Laid out as one document, the programme 25 times larger than the pilot (3,300 pages) held
4 GB and took three times as long per page as the pilot's; laid out about ten pages at a
time, each part's boxes are dropped once its PDF is written. WeasyPrint then no longer sees
the whole report, so the book keeps, for every page, what crosses parts: the anchors, the
internal links and the headings of the outline. `bind` joins the parts (pypdf) behind the
front matter, laid out last with every page known, and adds the links, the outline and the
page labels, printed at each page's foot (reports/folios.py): i, ii, ... on the front matter,
then 1, 2, ...
"""

from dataclasses import dataclass, field
from io import BytesIO

from pypdf import PdfReader, PdfWriter
from pypdf.annotations import Link
from pypdf.generic import Fit, NameObject, TextStringObject

from .folios import print_folios

# PDF points per CSS pixel.
POINT = 0.75


@dataclass
class Marks:
    """What one page holds that a PDF of several parts has to link: in PDF points from the
    page's bottom-left corner."""

    anchors: dict = field(default_factory=dict)  # name: (x, y)
    links: list = field(default_factory=list)  # (rectangle, anchor name)
    outline: list = field(default_factory=list)  # (level, label, x, y, open)


@dataclass
class Part:
    """A part of the body, laid out and written: its PDF, and its pages' marks."""

    pdf: bytes
    marks: list

    @classmethod
    def of(cls, document):
        """The part of a laid-out WeasyPrint document, whose boxes may then be dropped."""
        marks = take_marks(document)
        return cls(document.write_pdf(), marks)


class Book:
    """The report's body, part after part (`add`), then bound behind its front matter."""

    def __init__(self):
        # The printed page of each anchor in the body: the body's pages are numbered from 1.
        self.pages = {}
        self._parts = []
        self._marks = []

    @property
    def page_count(self):
        return len(self._marks)

    def add(self, part):
        """Keep a part of the body (`Part`), the next one in the report, and what its pages
        link: its pages follow those of the parts before."""
        for marks in part.marks:
            self._marks.append(marks)
            for name in marks.anchors:
                self.pages.setdefault(name, len(self._marks))
        self._parts.append(part.pdf)

    def bind(self, front, *, title, language):
        """The report's PDF: the front matter (a laid-out document) and then the body."""
        marks = take_marks(front) + self._marks
        writer = PdfWriter()
        for pdf in [front.write_pdf(), *self._parts]:
            writer.append(PdfReader(BytesIO(pdf)), import_outline=False)
        front_pages = len(front.pages)
        _link(writer, marks)
        _outline(writer, marks)
        writer.set_page_label(0, front_pages - 1, style="/r", start=1)
        if self.page_count:
            writer.set_page_label(front_pages, len(marks) - 1, style="/D", start=1)
        # The labels are printed at the foot of every page but the cover, the front's first.
        print_folios(writer, [None, *writer.page_labels[1:]])
        writer.add_metadata({"/Title": title})
        writer.root_object[NameObject("/Lang")] = TextStringObject(language)
        output = BytesIO()
        writer.write(output)
        return output.getvalue()


def take_marks(document):
    """The marks of the document's pages, taken away from WeasyPrint, which would write
    only those it can resolve within the document."""
    taken = []
    for page in document.pages:
        top = page.height * POINT
        marks = Marks()
        for name, (x, y, *_corner) in page.anchors.items():
            marks.anchors.setdefault(name, (x * POINT, top - y * POINT))
        for kind, target, (x1, y1, x2, y2), _box in page.links:
            if kind == "internal":
                rectangle = (x1 * POINT, top - y2 * POINT, x2 * POINT, top - y1 * POINT)
                marks.links.append((rectangle, target))
        for level, label, (x, y), state in page.bookmarks:
            marks.outline.append((level, label, x * POINT, top - y * POINT, state == "open"))
        page.anchors = {}
        page.links = [link for link in page.links if link[0] != "internal"]
        page.bookmarks = []
        taken.append(marks)
    return taken


def _targets(marks):
    """Each anchor's page index and point; the first of a name wins, as in WeasyPrint."""
    targets = {}
    for index, page in enumerate(marks):
        for name, point in page.anchors.items():
            targets.setdefault(name, (index, point))
    return targets


def _link(writer, marks):
    targets = _targets(marks)
    for index, page in enumerate(marks):
        for rectangle, name in page.links:
            if name in targets:
                target, (x, y) = targets[name]
                writer.add_annotation(
                    page_number=index,
                    annotation=Link(
                        rect=rectangle, target_page_index=target, fit=Fit.xyz(left=x, top=y)
                    ),
                )


def _outline(writer, marks):
    """The headings as the PDF's outline, nested by level."""
    parents = []  # (level, outline item) of the open headings
    for index, page in enumerate(marks):
        for level, label, x, y, is_open in page.outline:
            while parents and parents[-1][0] >= level:
                parents.pop()
            item = writer.add_outline_item(
                title=label,
                page_number=index,
                parent=parents[-1][1] if parents else None,
                fit=Fit.xyz(left=x, top=y),
                is_open=is_open,
            )
            parents.append((level, item))
