"""The pilot programme's report, built from the demo data, reads like the pilot's own report:
every chapter with its content, the two overview tables with the four municipalities, in
English, French and Dutch, and a table of contents with the right pages. The pages are
numbered as printed (`printed_pages`): the cover and the table of contents i, ii, ..., the
chapters from 1."""

import re
import warnings
from concurrent.futures import ProcessPoolExecutor
from io import BytesIO
from unittest.mock import patch

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import translation
from django.utils.translation import gettext as _
from pypdf import PdfReader

from learning.tools.registry import tools
from partnerships.models import Programme, User
from reports.models import ReportNarrative
from reports.press import Press
from reports.rendering import PART_SIZE, render_report
from reports.sections import sections

from .documents import flat, job_for, pdf_text, printed_pages

pytestmark = pytest.mark.django_db

LANGUAGES = ("en", "fr", "nl")

NARRATIVE = {
    "results_method": "The experiment was a success: the four municipalities learned.",
    "lessons_actors": "A committed director makes the difference.",
    "recommendations_method": "Keep the bilateral meetings short.",
    "conclusions": "The reciprocal formula works when both sides apply what they learn.",
}


# Besides each language, the English report laid out in the press's processes
# (reports/press.py): as in a report job's worker ("en-press"); a piece at a time, as a report
# of thousands of pages is laid out in parts ("en-parts"); and in parts of 100,000 characters,
# where tools 5's and 9's references fall in a part while the pages they refer to are still in
# the press ("en-waits").
LAYOUTS = dict.fromkeys(LANGUAGES, (PART_SIZE, False)) | {
    "en-press": (PART_SIZE, True),
    "en-parts": (1, True),
    "en-waits": (100_000, True),
}
# How often the press waited for the parts in it before the end of the body, by layout.
WAITED = {}


@pytest.fixture(scope="module")
def pilot(django_db_setup, django_db_blocker, tmp_path_factory):
    """The staff's report of the pilot, with every appendix, in each of LAYOUTS: {layout:
    (the PDF's text with its pages, the progress reported, each page's printed number, the
    PDF)}. The demo is loaded once for all the tests here, and rolled back afterwards."""
    rendered = {}
    with (
        override_settings(
            MEDIA_ROOT=tmp_path_factory.mktemp("media"),
            PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
            REPORT_LAYOUT_PROCESSES=2,
        ),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        call_command("seed_demo", quiet=True)
        programme = Programme.objects.get()
        ReportNarrative.objects.create(programme=programme, **NARRATIVE)
        staff = User.objects.get(email="staff@demo.example")
        for layout, (part_size, forked) in LAYOUTS.items():
            steps = []
            job = job_for(staff, programme, language=layout[:2])
            with (
                patch("reports.rendering.PART_SIZE", part_size),
                # The test runner has a thread of its own; the press's processes only use
                # the fonts and stylesheets they are forked with.
                patch("reports.press.single_threaded", return_value=forked),
                patch("reports.press.ProcessPoolExecutor", wraps=ProcessPoolExecutor) as pool,
                patch.object(Press, "settle", autospec=True, side_effect=Press.settle) as settle,
                warnings.catch_warnings(action="ignore", category=DeprecationWarning),
            ):
                result = render_report(job, progress=lambda *s, steps=steps: steps.append(s))
            assert pool.called == forked
            WAITED[layout] = settle.call_count - 1  # the body's end waits for the last parts
            printed = printed_pages(result.pdf)
            assert len(printed) == result.pages
            rendered[layout] = (pdf_text(result.pdf), steps, printed, result.pdf)
        transaction.set_rollback(True)
    return rendered


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_programme_report_has_every_chapter_with_its_content(pilot, language):
    text = flat(pilot[language][0])
    with translation.override(language):
        # Every chapter but the cover, which has no heading.
        titles = [str(section.title) for section in sections() if section.slug != "cover"]
        tool_titles = [str(tool.title) for tool in tools()]
    for title in titles:
        assert title in text
    # The cover: the programme, its period and the consultant with the country track.
    assert "SDG Partnerships 2024-2025" in text
    with translation.override(language):
        assert f"Demo Consultant ({translation.gettext('SDG Partnerships')}" in text
    # The summary and the conclusions as staff wrote them.
    for written in NARRATIVE.values():
        assert written in text
    # The context: every partnership, and why the ended ones ended.
    assert "Schoten – Lalo" in text and "Laarne – Ouinhi" in text
    assert "After the departure of the accompanying civil servant" in text
    # The methodology: the tools of the registry, each an appendix too.
    for title in tool_titles:
        assert title in text
    # The learning cycles: the questions through time (in the reader's language, else as Ouinhi
    # wrote them, in French), the partner's responses, the application and the people involved.
    final = {
        "en": "How can the municipality best support local economic actors?",
        "fr": "Comment la commune peut-elle soutenir au mieux les acteurs économiques locaux ?",
        "nl": "Hoe kan de gemeente de lokale economische actoren het beste ondersteunen?",
    }
    assert final[language] in text
    assert "Demo Focal Point Sint-Truiden" in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_evolution_tables_list_the_four_municipalities(pilot, language):
    text = pilot[language][0]
    with translation.override(language):
        figure_4 = table_after(text, _("Brief overview of the development of the learning cycles"))
        appendix = table_after(
            text,
            _(
                "Overview of the evolution of learning questions and their application per "
                "municipality"
            ),
        )
    for name in ("Ouinhi", "Laarne", "Covè", "Sint-Truiden"):
        assert name in figure_4 and name in appendix
    # Figure 4's phrase and the appendix's application text as the consultant wrote them, or
    # translated (into English; French has none: the Dutch original).
    assert "Temporarily suspended due to political decisions." in figure_4
    interrupted = {"en": "Interrupted by political decisions."}
    assert interrupted.get(language, "Onderbroken door politieke beslissingen.") in appendix
    # A question in the reader's language where translated, else as written (Ouinhi writes in
    # French).
    initial = {
        "en": "How can the municipality strengthen women's participation in politics?",
        "nl": "Hoe kan de gemeente participatie vrouwen in de politiek versterken?",
    }
    written = "Comment la commune peut-elle renforcer la participation des femmes à la politique ?"
    assert initial.get(language, written) in appendix


def table_after(text, heading):
    """The text from the last page with `heading` (not the table of contents) on."""
    pages = text.split("\f")
    start = max(number for number, page in enumerate(pages) if heading in flat(page))
    return flat(" ".join(pages[start:]))


def test_the_dutch_report_heads_its_tables_as_the_dutch_pilot_report(pilot):
    text = flat(pilot["nl"][0])
    for heading in (
        "Beginleervragen",
        "Eindleervragen",
        "Toepassing van het geleerde",
        "Startpunt leervragen",
        "Ontwikkeling leervragen",
        "Concrete toepassing van het geleerde",
    ):
        assert heading in text


@pytest.mark.parametrize("language", LAYOUTS)
def test_the_table_of_contents_gives_each_chapter_its_page(pilot, language):
    text, _steps, printed, pdf = pilot[language]
    pages = text.split("\f")
    assert printed[:2] == ["i", "ii"] and printed[2] == "1"
    # Each entry as laid out: its number, its title and, at the right, its page.
    lines = pdf_text(pdf, layout=True).split("\f")[1].splitlines()
    entries = [
        entry.groups() for line in lines if (entry := re.match(r"\s*([\d.]+) (.+?)\s+(\d+)$", line))
    ]
    with translation.override(language[:2]):
        titles = [str(section.title) for section in sections() if section.numbered]
    chapters = {number: (title, page) for number, title, page in entries if "." not in number}
    assert chapters == {
        str(number): (title, chapters[str(number)][1]) for number, title in enumerate(titles, 1)
    }
    for number, (title, page) in chapters.items():
        # The chapter's heading opens that page (in capitals, see report.css).
        assert flat(pages[printed.index(page)]).find(f"{number} {title.upper()}") >= 0
    # Each entry links to its page, and the outline lists the chapters with their parts.
    reader = PdfReader(BytesIO(pdf))
    assert [printed[target] for target in toc_targets(reader)] == [page for *_, page in entries]
    outline = [item.title for item in reader.outline if not isinstance(item, list)]
    assert [title for title in outline if title[0].isdigit()] == [
        f"{number} {title}" for number, title in enumerate(titles, start=1)
    ]


@pytest.mark.parametrize("language", LAYOUTS)
def test_each_page_but_the_cover_prints_its_number_at_its_foot(pilot, language):
    text, _steps, printed, _pdf = pilot[language]
    pages = text.split("\f")[: len(printed)]
    assert printed[0] == "i" and "i" not in pages[0].split()
    for page, number in zip(pages[1:], printed[1:], strict=True):
        assert page.split()[-1] == number


def toc_targets(reader):
    """The page each entry of the table of contents links to, top to bottom: a link laid out
    in several boxes or over two lines counts once."""
    index = {page.indirect_reference.idnum: number for number, page in enumerate(reader.pages)}
    links = sorted(
        (annotation.get_object() for annotation in reader.pages[1]["/Annots"]),
        key=lambda link: (-float(link["/Rect"][1]), float(link["/Rect"][0])),
    )
    targets = []
    for link in links:
        page, _fit, _left, top, _zoom = link["/Dest"]
        target = (index[page.idnum], round(float(top)))
        if not targets or targets[-1] != target:
            targets.append(target)
    return [page for page, _top in targets]


def test_a_report_laid_out_in_parts_continues_its_numbers_and_running_headers(pilot):
    text, _steps, printed, _pdf = pilot["en-parts"]
    assert printed == ["i", "ii", *(str(number) for number in range(1, len(printed) - 1))]
    pages = text.split("\f")[2:-1]
    chapters = [str(section.title) for section in sections() if section.numbered]
    current = None
    for page in pages:
        report_title, running, body = page.split("\n\n", 2)
        for number, title in enumerate(chapters, start=1):
            if f"{number} {title.upper()}" in flat(body):
                current = f"{number} {title}"
        # The programme, then the chapter the page is in, whatever part it was laid out in.
        assert report_title == "SDG Partnerships 2024-2025"
        assert flat(running) == current
    # Each part starts a page of its own: more pages than in parts of ten pages.
    assert len(printed) > len(pilot["en"][2])


def test_the_press_s_processes_lay_out_the_same_report(pilot):
    """Laid out several parts at once, as in a report job's worker, the report is the one laid
    out a part after the other: its pages, their text and numbers, and its progress."""
    text, steps, printed, _pdf = pilot["en-press"]
    assert text == pilot["en"][0]
    assert printed == pilot["en"][2]
    assert steps == pilot["en"][1]


def test_a_part_that_refers_to_a_page_still_in_the_press_waits_for_it(pilot):
    """Tool 5's appendix names the pages of the learning cycles' drawings, tool 9's those of the
    journals' charts; in parts of 100,000 characters those pages are still being laid out when
    the appendices are rendered. The press waits for them, and the references carry their
    pages (the tests of tools 5 and 9 below read them)."""
    assert WAITED["en-waits"] >= 1
    assert WAITED["en"] == 0  # one part after the other, every page before is known


def test_progress_is_told_chapter_by_chapter_up_to_the_end(pilot):
    steps = pilot["en"][1]
    percents = [percent for percent, _step in steps]
    assert percents == sorted(percents) and percents[-1] == 100
    assert [str(step) for _percent, step in steps][:2] == ["Cover", "Table of contents"]
    assert all(len(str(step)) <= 60 for _percent, step in steps)


@pytest.mark.parametrize("layout", ("en", "en-press", "en-parts", "en-waits"))
def test_tool_5_s_appendix_refers_to_the_drawings_of_the_learning_cycles(pilot, layout):
    """Each family of wordings is drawn once, in the learning cycles' chapter; tool 5's
    appendix names the drawing and its page instead of drawing it again."""
    text, _steps, printed, _pdf = pilot[layout]
    pages = [flat(page) for page in text.split("\f")]
    references = re.findall(
        r"“([^”]+)”: how it evolved is drawn in (\d+\.\d+) ([^,]+), page (\d+)", flat(text)
    )
    assert len(references) >= 4
    for question, part, name, page in references:
        page = printed.index(page)
        # The drawing starts on that page, under its municipality's part, with the question.
        assert question in " ".join(pages[page : page + 2])
        heading = pages.index(next(p for p in pages[2:] if f"{part} {name}" in p))
        assert heading <= page


@pytest.mark.parametrize("layout", ("en", "en-press", "en-parts", "en-waits"))
def test_tool_9_s_appendix_refers_to_the_progress_charts_of_the_journals_chapter(pilot, layout):
    """Each journal's progress chart is drawn once, in the chapter on journals and action
    plans; tool 9's appendix names that drawing and its page instead of drawing it again."""
    text, _steps, printed, _pdf = pilot[layout]
    pages = [flat(page) for page in text.split("\f")]
    references = re.findall(
        r"The daily progress per objective is drawn in (\d+\.\d+) ([^,]+), page (\d+)", flat(text)
    )
    assert references  # the demo's two journals per objective
    chapter = _("Learning journals and action plans").upper()
    for part, name, page in references:
        page = printed.index(page)
        # The chart's page is in the journals' chapter, after its part's heading.
        heading = pages.index(next(p for p in pages[2:] if f"{part} {name}" in p))
        assert heading <= page
        assert any(chapter in p for p in pages[: page + 1])
    # Each chart's scale ("3 revelation!", its top line) is drawn once, in the chapter only.
    assert flat(text).count("3 revelation!") == len(references)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_journal_s_heading_and_scale_stay_with_its_chart(pilot, language):
    """A page does not end between a journal's heading, the line of its scale and its chart."""
    text, _steps, _printed, _pdf = pilot[language]
    with translation.override(language):
        scale = _(
            "Daily progress: 0 = nothing learned, 1 = learned a little, 2 = significant "
            "progress, 3 = a revelation!"
        )
        top = f"3 {_('revelation!')}"
    pages = [flat(page) for page in text.split("\f")]
    charts = [page for page in pages if top in page]
    assert len(charts) == 2  # the demo's two journals per objective
    for page in charts:
        assert page.count(scale) == page.count(top)
