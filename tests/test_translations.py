"""The French and Dutch catalogues are complete and compiled."""

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
    assert problems == []


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
