"""The French and Dutch catalogues are complete and compiled, and French and Dutch pages show
no English from widgets or templates."""

import ast
import gettext
from pathlib import Path

import pytest
from django.utils import translation

LOCALE = Path(__file__).resolve().parent.parent / "locale"


def entries(po_file):
    """(key, msgstr values, is_fuzzy) for each entry of a .po file, header excluded."""
    found, current, fuzzy, field = [], None, False, None
    for line in po_file.read_text().splitlines() + [""]:
        if not line.strip():
            if current and current["msgid"]:
                key = current["msgid"]
                if current["msgctxt"]:
                    key = f"{current['msgctxt']}\x04{key}"  # how gettext keys a context
                found.append((key, current["msgstr"], fuzzy))
            current, fuzzy, field = None, False, None
            continue
        if line.startswith("#,") and "fuzzy" in line:
            fuzzy = True
        if line.startswith("#"):
            continue
        current = current or {"msgid": "", "msgstr": {}, "msgctxt": ""}
        keyword, _, rest = line.partition(" ")
        if keyword in ("msgid", "msgid_plural", "msgctxt"):
            field = keyword
            if keyword in ("msgid", "msgctxt"):
                current[keyword] += ast.literal_eval(rest)
        elif keyword.startswith("msgstr"):
            field = keyword
            current["msgstr"][field] = ast.literal_eval(rest)
        elif line.startswith('"'):
            if field in ("msgid", "msgctxt"):
                current[field] += ast.literal_eval(line)
            elif field and field.startswith("msgstr"):
                current["msgstr"][field] += ast.literal_eval(line)
    return found


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_every_string_is_translated(language):
    po_file = LOCALE / language / "LC_MESSAGES" / "django.po"
    problems = [
        msgid
        for msgid, msgstrs, fuzzy in entries(po_file)
        if fuzzy or not all(value.strip() for value in msgstrs.values())
    ]
    assert len(entries(po_file)) > 100
    assert problems == [], problems


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_every_plural_has_each_form_the_language_counts(language):
    """French counts three forms (one, many, other: "4 membres" is the third); a plural missing
    one shows English for those numbers."""
    folder = LOCALE / language / "LC_MESSAGES"
    with (folder / "django.mo").open("rb") as compiled:
        forms = gettext.GNUTranslations(compiled)._info["plural-forms"]
    count = int(forms.split("nplurals=")[1].split(";")[0])
    expected = {f"msgstr[{index}]" for index in range(count)}
    plurals = [
        (msgid, msgstrs)
        for msgid, msgstrs, _fuzzy in entries(folder / "django.po")
        if "msgstr[0]" in msgstrs
    ]
    assert plurals
    assert [msgid for msgid, msgstrs in plurals if set(msgstrs) != expected] == []


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_compiled_catalogue_matches_the_source(language):
    folder = LOCALE / language / "LC_MESSAGES"
    with (folder / "django.mo").open("rb") as compiled:
        catalogue = gettext.GNUTranslations(compiled)._catalog
    stale = [
        msgid
        for msgid, msgstrs, fuzzy in entries(folder / "django.po")
        if not fuzzy and "msgstr" in msgstrs and catalogue.get(msgid) != msgstrs["msgstr"]
    ]
    assert stale == []


def test_product_strings_speak_french_and_dutch():
    with translation.override("fr"):
        assert translation.gettext("Partnerships") != "Partnerships"
    with translation.override("nl"):
        assert translation.gettext("Partnerships") != "Partnerships"


# Pages in French and Dutch: no English from a widget, from Django's or a third party's templates,
# or from the site's own. Each string is looked for as a whole word or phrase in the page's text
# (tags and attributes left out), with the page's own content in the fixtures kept free of it.
ENGLISH = (
    "Select an option",
    "Currently",
    "Change",
    "Clear",
    "Page not found",
    "Username",
    "username",
    "unknown person",
    "Thumbnail",
)


def visible_text(response):
    """The page's text as a reader sees it: without tags, scripts, styles and templates."""
    import re

    html = response.content.decode()
    html = re.sub(r"<(script|style|template)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


def english_in(text):
    import re

    return [word for word in ENGLISH if re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text)]


@pytest.fixture
def form_pages(db, client, programme, laarne, focal_point, consultant):
    """The forms with selects and a file input (tools 1, 3 and 4, the sub-question editor,
    the knowledge-network filter), a history with a photo, a missing page and the log-in
    page."""
    from django.urls import reverse

    from learning.tools.learning_questions import LearningQuestion
    from learning.tools.registry import get_tool
    from tests.learning.sheets import create_sheet
    from tests.learning.test_presentation import shared_sheet

    presentation = shared_sheet(laarne, programme, image_count=1)
    client.force_login(consultant)
    create_sheet(client, get_tool("learning-questions"), laarne)
    question = LearningQuestion.objects.latest("pk")
    pages = {
        "consultant": [
            reverse("learning:sheet_create", args=["factors", laarne.pk]),
            reverse("learning:sheet_create", args=["swot", laarne.pk]),
            reverse("learning:sheet_update", args=["presentation", presentation.pk]),
            # Its photo, added by no one in particular: a thumbnail and the system's change.
            reverse("learning:sheet_history", args=["presentation", presentation.pk]),
            reverse("learning:question_update", args=[question.pk]),
            reverse("learning:knowledge_network", args=[programme.pk]),
            "/no-such-page/",
        ],
        None: [reverse("login")],
    }
    client.logout()
    return pages


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_form_pages_speak_no_english(client, form_pages, consultant, language, settings):
    settings.DEBUG = True  # the demo's setting: the site's 404 page all the same
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    problems = []
    for user, urls in form_pages.items():
        if user:
            client.force_login(consultant)
        for url in urls:
            response = client.get(url)
            assert response.status_code in (200, 404), url
            problems += [f"{url}: {word}" for word in english_in(visible_text(response))]
        client.logout()
    assert problems == [], problems
