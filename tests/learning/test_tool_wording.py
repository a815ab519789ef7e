"""Tools 1 to 5 speak the words of their original templates (the appendices of the pilot's
report), so that people recognise the forms they know: each tool's edit and read pages, in French
and in Dutch, carry a few of the template's own headings."""

from html import unescape

import pytest

from learning.tools.registry import get_tool
from tests.learning.sheets import create_sheet, url

# Per tool and language: words of the edit page, then words of the read page.
WORDING = {
    "presentation": {
        "fr": (
            [
                "Vos raisons pour vous engager dans ce Partenariat ODD",
                "Qu'espérez-vous obtenir à la fin de ce partenariat de 2 ans ?",
                "Structure organisationnelle de votre gouvernement local",
            ],
            [
                "1. Personnes/organisations activement impliquées dans le Partenariat ODD",
                "2. Présentation de l'autorité locale",
                "3. Présentation de votre ville/municipalité",
                "4. Vos raisons pour vous engager dans ce Partenariat ODD",
                "5. Attentes / qu'espérez-vous obtenir à la fin de ce partenariat de 2 ans ?",
            ],
        ),
        "nl": (
            [
                "Je redenen om in dit SDG-partnerschap te stappen",
                "Wat hoop je te bereiken op het einde van dit partnerschap van 2 jaar?",
            ],
            [
                "1. Personen/organisaties actief betrokken bij het SDG-partnerschap",
                "3. Voorstelling van je stad/gemeente",
                "4. Je redenen om in dit SDG-partnerschap te stappen",
                "5. Verwachtingen / wat hoop je te bereiken",
            ],
        ),
    },
    "activity-profile": {
        "fr": (
            ["Niveau de participation (quantité) / 10", "Quelle a été la valeur ajoutée"],
            ["Nom / description du projet :", "Quelle a été la valeur ajoutée (qualité) ?"],
        ),
        "nl": (
            ["Wat was de meerwaarde (kwaliteit)? / 10"],
            ["Naam/beschrijving van het project:", "Wat was de meerwaarde (kwaliteit)?"],
        ),
    },
    "factors": {
        "fr": (
            ["Déterminez et hiérarchisez les facteurs", "10 = impact élevé (positif ou négatif)"],
            [
                "Facteurs avec un impact positif",
                "Participation (civile) dans la mise en œuvre des projets de votre "
                "gouvernement local",
                "Facteurs avec un impact négatif",
                "Score /10",
            ],
        ),
        "nl": (
            ["Identificeer en prioriteer de factoren"],
            ["Factoren met een positieve impact", "Factoren met een negatieve impact"],
        ),
    },
    "swot": {
        "fr": (
            ["Nom du projet / de l'initiative", "Forces", "Menaces"],
            [
                "Nom du projet / de l'initiative :",
                "(mais n'oubliez pas : nous nous concentrons sur la question de la participation)",
                "FFOM",
                "Interne",
                "Opportunités",
            ],
        ),
        "nl": (
            ["Naam van het project/initiatief", "Sterktes", "Bedreigingen"],
            ["Naam van het project/initiatief:", "Intern", "Kansen"],
        ),
    },
    "learning-questions": {
        "fr": (
            ["Tableau de questions d'apprentissage"],
            [
                "Tableau de questions d'apprentissage",
                "Nom de la commune demandeuse de connaissance :",
                "Question d'apprentissage 1 :",
                "Obstacles – problèmes à résoudre",
                "Sous-questions",
            ],
        ),
        "nl": (
            ["Leervragentabel"],
            [
                "Naam van de gemeente die kennis vraagt:",
                "Leervraag 1:",
                "Obstakels – op te lossen problemen",
            ],
        ),
    },
}

CASES = [
    pytest.param(slug, language, id=f"{slug}-{language}")
    for slug in WORDING
    for language in ("fr", "nl")
]


@pytest.mark.parametrize(("slug", "language"), CASES)
def test_the_edit_and_read_pages_use_the_templates_own_words(
    client, focal_point, laarne, slug, language
):
    tool = get_tool(slug)
    client.force_login(focal_point)
    sheet = create_sheet(client, tool, laarne)
    client.cookies["django_language"] = language
    edit_words, read_words = WORDING[slug][language]

    edit = unescape(client.get(url("sheet_update", sheet)).content.decode())
    read = unescape(client.get(sheet.get_absolute_url()).content.decode())

    assert [word for word in edit_words if word not in edit] == []
    assert [word for word in read_words if word not in read] == []
