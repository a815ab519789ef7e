"""The demo programme, built through the pages' own services, reproduces the report's appendix
8.11 word for word, in English (the English report's rows, Sint-Truiden's translated) and in
Dutch (the Dutch original), with the report's own column headings."""

import re
from html import unescape

import pytest
from django.core.management import call_command
from django.urls import reverse

from partnerships.models import Programme, User

pytestmark = pytest.mark.django_db

HEADINGS = {
    "en": [
        "Municipality",
        "Initial learning questions",
        "Final learning questions",
        "Application of what has been learned",
    ],
    "nl": ["Gemeente", "Beginleervragen", "Eindleervragen", "Toepassing van het geleerde"],
}
FIGURE_4_HEADINGS = {
    "en": [
        "Municipality",
        "Starting point for learning questions",
        "Development of learning questions",
        "Concrete application of what has been learned",
    ],
    "nl": [
        "Gemeente",
        "Startpunt leervragen",
        "Ontwikkeling leervragen",
        "Concrete toepassing van het geleerde",
    ],
}

# The report's rows: municipality, initial questions, final questions, application paragraphs.
ROWS = {
    "en": [
        (
            "Ouinhi",
            [
                "How can the municipality ensure that local economic actors pay more tax?",
                "How can the municipality strengthen women's participation in politics?",
                "How do we develop a website?",
            ],
            [
                "How can the municipality best support local economic actors?",
                "How can we create a website that supports local economic actors?",
            ],
            [
                "Set up an advisory council with local economic actors, establish a structural "
                "dialogue with the local council, which will take measures to support local "
                "economic actors",
                "Setting up a small website with information requested by local economic "
                "actors, among others",
            ],
        ),
        (
            "Laarne",
            [
                "How can the municipality organise participatory post-project evaluations?",
                "How can we use witches in Laarne to raise awareness of women's rights?",
                "How can we revitalise women's associations?",
            ],
            [
                "How can we strengthen, revitalise and make more meaningful citizen "
                "participation in councils and other structures?",
                "How can we strengthen the local marketing of local products?",
            ],
            [
                "A wide range of innovative ways to strengthen citizen participation in local "
                "advisory councils, including by focusing more on the micro level, writing to "
                "potential participants by name, emphasising associations rather than "
                "individuals, etc."
            ],
        ),
        (
            "Covè",
            [
                "How can the municipality articulate agriculture, nature and tourism to "
                "strengthen the local economy?"
            ],
            [
                "How can the municipality strengthen tourism, for example by organising local "
                "actors, identifying local ADN, etc.?"
            ],
            [
                "Setting up a tourism office, systematising local 'DNA' in a document and "
                "distributing it together with local actors, mapping and contacting local actors "
                "in relation to tourism, organising these actors into a council, etc."
            ],
        ),
        (
            "Sint-Truiden",
            ["How can the municipality strengthen citizens' trust in the municipality?"],
            [
                "How can we strengthen the local marketing of local products?",
                "How can we strengthen, revitalise and make more meaningful citizen "
                "participation in councils and other structures? E.g. in the agricultural "
                "council for a participatory food strategy?",
            ],
            ["Interrupted by political decisions. Perhaps in…"],
        ),
    ],
    "nl": [
        (
            "Ouinhi",
            [
                "Hoe kan de gemeente ervoor zorgen dat de lokale economische actoren meer "
                "belasting betalen?",
                "Hoe kan de gemeente participatie vrouwen in de politiek versterken?",
                "Hoe ontwikkelen we een website?",
            ],
            [
                "Hoe kan de gemeente de lokale economische actoren het beste ondersteunen?",
                "Hoe maken we een website die de lokale economische actoren ondersteunt?",
            ],
            [
                "Opstarten van een adviesraad met lokale economische actoren, structurele "
                "dialoog met gemeente die maatregelen neemt om de lokale economische actoren te "
                "ondersteunen",
                "Opzetten van een kleine website met informatie die o.a. gevraagd was door de "
                "lokale economische actoren",
            ],
        ),
        (
            "Laarne",
            [
                "Hoe kan de gemeente participatieve post-project evaluaties organiseren?",
                "Hoe kunnen we in Laarne rond heksen werken om vrouwenrechten aan te kaarten?",
                "Hoe kunnen we het vrouwenverenigingsleven dynamiseren?",
            ],
            [
                "Hoe kunnen we burgerparticipatie in raden en andere structuren versterken "
                "dynamiseren en zinvoller maken?",
                "Hoe kunnen we de lokale vermarkting van lokale produkten versterken?",
            ],
            [
                "Brede waaier van innovatieve manieren om burgerparticipatie in lokale "
                "adviesraden te versterken, o.a. door sterker naar het microniveau te gaan, "
                "mogelijke deelnemers nominatief aanschrijven, nadruk op verenigingen ipv alleen "
                "individuen, ..."
            ],
        ),
        (
            "Covè",
            [
                "Hoe kan de gemeente de landbouw, natuur en toerisme articuleren om de lokale "
                "economie te versterken?"
            ],
            [
                "Hoe kan de gemeente toerisme versterken, via o.a. het organiseren van lokale "
                "actoren, het identificeren van lokaal ADN, ... ?"
            ],
            [
                'Het opzetten van een toerismebureau, het systematiseren van lokaal "ADN" in een '
                "document en het verspreiden ervan samen met lokale actoren, het mappen en "
                "contacteren van lokale actoren in relatie met toerisme, het organiseren van "
                "deze actoren in een raad, ..."
            ],
        ),
        (
            "Sint-Truiden",
            ["Hoe kan de gemeente het vertrouwen van de burger in de gemeente versterken?"],
            [
                "Hoe kunnen we de lokale vermarkting van lokale produkten versterken?",
                "Hoe kunnen we burgerparticipatie in raden en andere structuren versterken "
                "dynamiseren en zinvoller maken? Bv. in landbouwraad voor participatieve "
                "voedselstrategie?",
            ],
            ["Onderbroken door politieke beslissingen. Misscdhien in…"],
        ),
    ],
}

FIGURE_4 = [
    (
        "Ouinhi",
        [
            "Increase in tax contributions by local economic actors",
            "Strengthening women's participation in politics",
            "Website development",
        ],
        [
            "Support for local economic actors",
            "Setting up a website to support local economic actors",
        ],
        [
            "Launch of advisory council for local economic actors",
            "Structural dialogue between municipality and advisory council",
            "Concrete support for local economic actors",
            "Small website to strengthen local economic actors",
        ],
    ),
    (
        "Laarne",
        [
            "Organisation of participatory post-project evaluations",
            "Working on women's rights through the theme of 'witches'",
            "Revitalising women's associations",
        ],
        ["Strengthening citizen participation in councils and other structures"],
        ["Strengthening citizen participation in advisory councils through innovation"],
    ),
    (
        "Covè",
        ["Articulation of agriculture, nature and tourism"],
        ["Organising local actors around tourism", "Developing a vision on tourism"],
        [
            "Setting up a tourism office",
            "Strengthening cooperation with local actors around tourism",
            "Participatory development of a vision on tourism",
        ],
    ),
    (
        "Sint-Truiden",
        [
            "Strengthening citizens' trust in the municipality",
            "Strengthening citizen involvement (food strategy)",
        ],
        [
            "Strengthening local marketing of local products",
            "Strengthening citizen participation (agricultural council, food strategy)",
        ],
        ["Temporarily suspended due to political decisions."],
    ),
]


def text_of(html):
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def table(page, table_id):
    """The headings and, per row, the cells' items (list items, else lines) of a table."""
    html = re.search(rf'<table[^>]*id="{table_id}".*?</table>', page, re.S).group(0)
    headings = [text_of(cell) for cell in re.findall(r"<th scope=\"col\">(.*?)</th>", html, re.S)]
    rows = []
    for row in re.findall(r"<tr>\s*<th scope=\"row\">(.*?)</tr>", html, re.S):
        name, _sep, cells = row.partition("</th>")
        items = []
        for cell in re.findall(r"<td[^>]*>(.*?)</td>", cells, re.S):
            texts = re.findall(r'<span class="question-text">(.*?)</span>', cell, re.S)
            if not texts:
                texts = re.findall(r"<li>(.*?)</li>", cell, re.S)
            if not texts:
                paragraphs = re.search(r'<div class="application">(.*?)</div>', cell, re.S)
                texts = re.split(r"<br\s*/?>", paragraphs.group(1)) if paragraphs else []
            items.append([text_of(text) for text in texts if text_of(text)])
        rows.append((text_of(name), *items))
    return headings, rows


@pytest.fixture
def overview(client):
    call_command("seed_demo", quiet=True)
    programme = Programme.objects.get()
    client.force_login(User.objects.get(username__startswith="consultant@"))

    def read(language):
        client.cookies["django_language"] = language
        response = client.get(reverse("learning:evolution_overview", args=[programme.pk]))
        assert response.status_code == 200
        return response.content.decode()

    return read


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_overview_reads_as_appendix_8_11(overview, language):
    headings, rows = table(overview(language), "evolution-table")
    assert headings == HEADINGS[language]
    assert rows == ROWS[language]


@pytest.mark.parametrize("language", ["en", "nl"])
def test_figure_4_has_the_report_s_headings_and_phrases(overview, language):
    headings, rows = table(overview(language), "learning-cycles-table")
    assert headings == FIGURE_4_HEADINGS[language]
    if language == "en":
        assert rows == FIGURE_4


def test_the_initial_questions_say_as_of_when(overview):
    page = overview("en")
    assert page.count("as of 1 March 2024") == 4
    # Laarne took up the marketing question from Sint-Truiden's table in the joint table.
    assert "added on 6 November 2024" in page
