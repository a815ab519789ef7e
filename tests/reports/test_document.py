"""The pilot programme's report, built from the demo data, reads like the pilot's own report:
every chapter with its content, the two overview tables with the four municipalities, in
English, French and Dutch, and a table of contents with the right pages."""

import re

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import translation
from django.utils.translation import gettext as _

from learning.tools.registry import tools
from partnerships.models import Programme, User
from reports.models import ReportNarrative
from reports.rendering import render_report
from reports.sections import sections

from .documents import flat, job_for, pdf_text

pytestmark = pytest.mark.django_db

LANGUAGES = ("en", "fr", "nl")

NARRATIVE = {
    "results_method": "The experiment was a success: the four municipalities learned.",
    "lessons_actors": "A committed director makes the difference.",
    "recommendations_method": "Keep the bilateral meetings short.",
    "conclusions": "The reciprocal formula works when both sides apply what they learn.",
}


@pytest.fixture(scope="module")
def pilot(django_db_setup, django_db_blocker, tmp_path_factory):
    """The staff's report of the pilot in each language, with every appendix: {language:
    (the PDF's text with its pages, the progress reported)}. The demo is loaded once for all
    the tests here, and rolled back afterwards."""
    rendered = {}
    with (
        override_settings(
            MEDIA_ROOT=tmp_path_factory.mktemp("media"),
            PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        ),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        call_command("seed_demo", quiet=True)
        programme = Programme.objects.get()
        ReportNarrative.objects.create(programme=programme, **NARRATIVE)
        staff = User.objects.get(email="staff@demo.example")
        for language in LANGUAGES:
            steps = []
            job = job_for(staff, programme, language=language)
            result = render_report(job, progress=lambda *step, steps=steps: steps.append(step))
            rendered[language] = (pdf_text(result.pdf), steps, result.pages)
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


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_table_of_contents_gives_each_chapter_its_page(pilot, language):
    text, _steps, page_count = pilot[language]
    pages = text.split("\f")
    contents = flat(pages[1])
    with translation.override(language):
        titles = [str(section.title) for section in sections() if section.numbered]
    found = 0
    for number, title in enumerate(titles, start=1):
        entry = re.search(rf"\b{number} {re.escape(title)} ?\.+ ?(\d+)", contents)
        if entry is None:
            continue  # a chapter with nothing to show
        found += 1
        page = int(entry[1])
        assert 2 < page <= page_count
        # The chapter's heading opens that page (in capitals, see report.css).
        assert flat(pages[page - 1]).find(f"{number} {title.upper()}") >= 0
    assert found == len(titles)


def test_progress_is_told_chapter_by_chapter_up_to_the_end(pilot):
    steps = pilot["en"][1]
    percents = [percent for percent, _step in steps]
    assert percents == sorted(percents) and percents[-1] == 100
    assert [str(step) for _percent, step in steps][:2] == ["Cover", "Table of contents"]
    assert all(len(str(step)) <= 60 for _percent, step in steps)


def test_tool_5_s_appendix_refers_to_the_drawings_of_the_learning_cycles(pilot):
    """Each family of wordings is drawn once, in the learning cycles' chapter; tool 5's
    appendix names the drawing and its page instead of drawing it again."""
    text, _steps, page_count = pilot["en"]
    pages = [flat(page) for page in text.split("\f")]
    references = re.findall(
        r"“([^”]+)”: how it evolved is drawn in (\d+\.\d+) ([^,]+), page (\d+)", flat(text)
    )
    assert len(references) >= 4
    for question, part, name, page in references:
        page = int(page)
        assert 2 < page <= page_count
        # The drawing starts on that page, under its municipality's part, with the question.
        assert question in " ".join(pages[page - 1 : page + 1])
        heading = pages.index(next(p for p in pages[2:] if f"{part} {name}" in p))
        assert heading <= page - 1


def test_tool_9_s_appendix_refers_to_the_progress_charts_of_the_journals_chapter(pilot):
    """Each journal's progress chart is drawn once, in the chapter on journals and action
    plans; tool 9's appendix names that drawing and its page instead of drawing it again."""
    text, _steps, page_count = pilot["en"]
    pages = [flat(page) for page in text.split("\f")]
    references = re.findall(
        r"The daily progress per objective is drawn in (\d+\.\d+) ([^,]+), page (\d+)", flat(text)
    )
    assert references  # the demo's two journals per objective
    chapter = _("Learning journals and action plans").upper()
    for part, name, page in references:
        page = int(page)
        assert 2 < page <= page_count
        # The chart's page is in the journals' chapter, after its part's heading.
        heading = pages.index(next(p for p in pages[2:] if f"{part} {name}" in p))
        assert heading <= page - 1
        assert any(chapter in p for p in pages[:page])
    # Each chart's scale ("3 revelation!", its top line) is drawn once, in the chapter only.
    assert flat(text).count("3 revelation!") == len(references)
