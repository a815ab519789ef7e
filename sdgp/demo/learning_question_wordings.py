"""The pilot's learning-question tables and how their questions evolved: the questions as the
municipalities wrote them, then each step they took (reword, split, merge into the joint table,
move, drop), oldest first; `tools_learning_questions` runs the steps through the same services
as the pages (its docstring says where the texts come from).

Each question is written in the language its municipality writes in (French for Ouinhi and
Covè, Dutch for Laarne, Sint-Truiden and their joint table), as are the notes, obstacles,
sub-questions and reasons around it; its translations ("en", "nl") give the report's wordings
where the report has one, so that appendix 8.11 reads as the report does in English and in
Dutch, and an English one otherwise."""

import datetime

from learning.tools.learning_questions import LearningQuestion, LearningQuestionTable, SubQuestion

Trigger = LearningQuestion.Trigger
MUST, LIKE, NICE = (SubQuestion.Priority.MUST, SubQuestion.Priority.LIKE, SubQuestion.Priority.NICE)
OPEN, PARTLY, ANSWERED = (
    SubQuestion.AnswerStatus.OPEN,
    SubQuestion.AnswerStatus.PARTLY,
    SubQuestion.AnswerStatus.ANSWERED,
)

# key -> (owners, author, status)
TABLES = {
    "Ouinhi": (("Ouinhi",), "focal_ouinhi", LearningQuestionTable.Status.REVIEWED),
    "Covè": (("Covè",), "focal_cove", LearningQuestionTable.Status.REVIEWED),
    "Laarne": (("Laarne",), "focal_laarne", LearningQuestionTable.Status.SHARED),
    "Sint-Truiden": (("Sint-Truiden",), "focal_sint_truiden", LearningQuestionTable.Status.SHARED),
    "joint": (
        ("Laarne", "Sint-Truiden"),
        "focal_laarne",
        LearningQuestionTable.Status.REVIEWED,
    ),
}

# The day the consultant set as each municipality's starting point: the tables as first shared
# at the start of the pilot.
BASELINE = datetime.date(2024, 3, 1)

# The questions as typed into a table: key -> dict. Those dated after BASELINE were added later.
WRITTEN = {
    "ouinhi-revenue": {
        "table": "Ouinhi",
        "order": 1,
        "date": datetime.date(2024, 2, 6),
        "text": "Comment la commune peut-elle augmenter ses recettes fiscales ?",
        "en": "How can the municipality increase its tax revenue?",
        "tags": ["17.1"],
    },
    "ouinhi-women": {
        "table": "Ouinhi",
        "order": 2,
        "date": datetime.date(2024, 2, 20),
        "text": (
            "Comment la commune peut-elle renforcer la participation des femmes à la politique ?"
        ),
        "en": "How can the municipality strengthen women's participation in politics?",
        "nl": "Hoe kan de gemeente participatie vrouwen in de politiek versterken?",
        "tags": ["5.5"],
    },
    "ouinhi-website": {
        "table": "Ouinhi",
        "order": 3,
        "date": datetime.date(2024, 2, 20),
        "text": "Comment développer un site web ?",
        "en": "How do we develop a website?",
        "nl": "Hoe ontwikkelen we een website?",
        "tags": ["16.10"],
        "obstacles": [
            "Le premier projet de site web était trop ambitieux pour nos moyens.",
            "Personne dans l'administration ne tient aujourd'hui les contenus web à jour.",
        ],
        "subquestions": [
            ("Quelles informations les acteurs économiques locaux demandent-ils ?", MUST, ANSWERED),
            (
                "Comment publier les décisions du conseil communal de façon transparente ?",
                LIKE,
                ANSWERED,
            ),
            ("Qui tient à jour le site web de Laarne, et comment ?", LIKE, PARTLY),
        ],
    },
    "laarne-evaluations": {
        "table": "Laarne",
        "order": 1,
        "date": datetime.date(2024, 2, 15),
        "text": "Hoe kan de gemeente participatieve post-project evaluaties organiseren?",
        "en": "How can the municipality organise participatory post-project evaluations?",
        "tags": ["16.7"],
        "subquestions": [
            (
                "Hoe nemen lokale actoren deel aan de participatieve evaluatie van "
                "projectvoorstellen?",
                MUST,
                ANSWERED,
            ),
        ],
    },
    "laarne-witches": {
        "table": "Laarne",
        "order": 2,
        "date": datetime.date(2024, 2, 15),
        "text": "Hoe kunnen we in Laarne rond heksen werken om vrouwenrechten aan te kaarten?",
        "en": "How can we use witches in Laarne to raise awareness of women's rights?",
        "tags": ["5.1"],
    },
    "laarne-associations": {
        "table": "Laarne",
        "order": 3,
        "date": datetime.date(2024, 2, 15),
        "text": "Hoe kunnen we het vrouwenverenigingsleven dynamiseren?",
        "en": "How can we revitalise women's associations?",
        "tags": ["5.5"],
    },
    "st-trust": {
        "table": "Sint-Truiden",
        "order": 1,
        "date": datetime.date(2024, 2, 15),
        "text": "Hoe kan de gemeente het vertrouwen van de burger in de gemeente versterken?",
        "en": "How can the municipality strengthen citizens' trust in the municipality?",
        "tags": ["16.6"],
    },
    "cove-articulation": {
        "table": "Covè",
        "order": 1,
        "date": datetime.date(2024, 2, 20),
        "text": (
            "Comment la commune peut-elle articuler l'agriculture, la nature et le tourisme "
            "pour renforcer l'économie locale ?"
        ),
        "en": (
            "How can the municipality articulate agriculture, nature and tourism to strengthen "
            "the local economy?"
        ),
        "nl": (
            "Hoe kan de gemeente de landbouw, natuur en toerisme articuleren om de lokale "
            "economie te versterken?"
        ),
        "tags": ["8.9", "15"],
    },
    # Report section 6.2: Covè's second question, like Ouinhi's, a website; added after the
    # start, and dropped when a Facebook page took its place.
    "cove-website": {
        "table": "Covè",
        "order": 2,
        "date": datetime.date(2024, 4, 11),
        "text": "Comment mettre en place un site web pour faire connaître Covè ?",
        "en": "How do we set up a website to make Covè known?",
        "tags": ["16.10"],
    },
}

# Each step, oldest first. "reword": a new wording of one question, or of several (a merge,
# with "also"), in its table or in "table" (a move); "split": one question becomes several;
# "drop": set aside with a reason. "obstacles" and "subquestions" are added to the new wording
# afterwards, as on its edit page.
STEPS = [
    {
        "reword": "ouinhi-revenue",
        "as": "ouinhi-tax",
        "date": datetime.date(2024, 2, 20),
        "text": (
            "Comment la commune peut-elle faire en sorte que les acteurs économiques locaux "
            "paient davantage d'impôts ?"
        ),
        "en": "How can the municipality ensure that local economic actors pay more tax?",
        "nl": (
            "Hoe kan de gemeente ervoor zorgen dat de lokale economische actoren meer belasting "
            "betalen?"
        ),
        "trigger": Trigger.COACHING,
        "note": "Travail sur le tableau des questions d'apprentissage avec le consultant.",
    },
    {
        "drop": "laarne-witches",
        "date": datetime.date(2024, 4, 18),
        "reason": (
            "Werken rond vrouwenrechten via het thema hekserij bleek in Benin gevoelig te "
            "liggen; Laarne richt zich in de plaats daarvan op zijn adviesraden."
        ),
    },
    {
        "drop": "ouinhi-women",
        "date": datetime.date(2024, 4, 25),
        "reason": (
            "Le thème du partenariat est l'économie locale : Ouinhi garde deux questions, sur "
            "les acteurs économiques locaux et sur le site web."
        ),
    },
    {
        "reword": "ouinhi-tax",
        "as": "ouinhi-contribute",
        "date": datetime.date(2024, 5, 16),
        "text": (
            "Comment les acteurs économiques locaux peuvent-ils contribuer davantage aux impôts "
            "locaux, en se sentant soutenus par la commune ?"
        ),
        "en": (
            "How can local economic actors contribute more to local taxes, feeling supported "
            "by the municipality?"
        ),
        "trigger": Trigger.PARTNER_RESPONSE,
        "note": "La croissance locale passe avant des contributions fiscales plus élevées.",
        "obstacles": [
            "Les acteurs économiques locaux voient peu de retour pour les impôts qu'ils paient.",
            "Il n'y a pas de concertation régulière entre la commune et les acteurs du marché.",
            "La commune connaît mal les besoins des producteurs, des transformatrices et des "
            "artisans.",
        ],
        "subquestions": [
            (
                "Comment Laarne apprend-elle à connaître les besoins des marchands de son marché ?",
                MUST,
                ANSWERED,
            ),
            (
                "Comment un conseil consultatif des acteurs économiques est-il composé et animé ?",
                MUST,
                ANSWERED,
            ),
        ],
    },
    {
        "reword": "laarne-evaluations",
        "also": ["laarne-associations"],
        "as": "laarne-councils",
        "date": datetime.date(2024, 5, 23),
        "text": "Hoe kunnen we onze adviesraden opnieuw dynamisch maken?",
        "en": "How can we make our advisory councils dynamic again?",
        "trigger": Trigger.COACHING,
        "note": "De adviesraden hebben veel van hun dynamiek verloren.",
        "obstacles": [
            "De adviesraden hebben veel van hun dynamiek verloren.",
            "Altijd dezelfde mensen nemen deel; de raden zijn sociaal weinig divers.",
        ],
        "subquestions": [
            ("Hoe houdt Ouinhi zijn adviesraden zo dynamisch?", MUST, ANSWERED),
            (
                "Hoe kan participatie het microniveau bereiken: straten, wijken?",
                LIKE,
                PARTLY,
            ),
        ],
    },
    {
        "split": "st-trust",
        "into": [
            (
                "st-local-sale",
                "Hoe kunnen we de lokale verkoop van lokale producten versterken?",
                "How can we strengthen the local sale of local products?",
            ),
            (
                "st-agricultural-council",
                "Hoe kunnen we de burgerparticipatie in de landbouwraad versterken, voor een "
                "participatieve voedselstrategie?",
                "How can we strengthen citizen participation in the agricultural council, for a "
                "participatory food strategy?",
            ),
        ],
        "date": datetime.date(2024, 6, 12),
        "trigger": Trigger.OTHER,
        "note": "De focus van het programma verschoof naar de lokale economie: een "
        "voedselstrategie.",
        "subquestions_of": {
            "st-agricultural-council": [
                (
                    "Hoe kan de landbouwraad een participatieve voedselstrategie dragen?",
                    LIKE,
                    OPEN,
                ),
            ],
            "st-local-sale": [
                ("Hoe helpt Ouinhi zijn producenten om op de markt te verkopen?", MUST, PARTLY),
            ],
        },
    },
    {
        "reword": "ouinhi-contribute",
        "as": "ouinhi-dialogue",
        "date": datetime.date(2024, 9, 27),
        "text": (
            "Comment la commune peut-elle développer un dialogue constructif avec les acteurs "
            "économiques locaux, pour mieux répondre à leurs besoins et favoriser ainsi la "
            "confiance et la croissance économique locale ?"
        ),
        "en": (
            "How can the municipality develop a constructive dialogue with local economic "
            "actors, to better meet their needs and so promote trust and local economic growth?"
        ),
        "trigger": Trigger.SITE_VISIT,
        "note": "Le marché de Laarne : la commune consulte régulièrement les marchands.",
        "tags": ["8.3", "16.7"],
    },
    {
        "reword": "laarne-councils",
        "also": ["st-agricultural-council"],
        "table": "joint",
        "as": "joint-participation",
        "date": datetime.date(2024, 11, 6),
        "text": (
            "Hoe kunnen we burgerparticipatie in raden en andere structuren versterken "
            "dynamiseren en zinvoller maken?"
        ),
        "en": (
            "How can we strengthen, revitalise and make more meaningful citizen participation "
            "in councils and other structures?"
        ),
        "trigger": Trigger.KNOWLEDGE_NETWORK,
        "note": "De vragen van Laarne en Sint-Truiden waren steeds meer op elkaar gaan lijken.",
        "obstacles": ["Leden verdedigen eerder individuele dan gemeenschappelijke doelen."],
    },
    {
        "reword": "st-local-sale",
        "table": "joint",
        "as": "joint-marketing",
        "date": datetime.date(2024, 11, 6),
        "text": "Hoe kunnen we de lokale vermarkting van lokale produkten versterken?",
        "en": "How can we strengthen the local marketing of local products?",
        "trigger": Trigger.KNOWLEDGE_NETWORK,
        "note": "De voedselstrategie van Sint-Truiden, nu een vraag van beide gemeenten.",
        "tags": ["2.3", "12"],
        "obstacles": [
            "Lokale producenten vinden weinig afzetkanalen in de gemeente.",
            "Welke rol de gemeente moet spelen, is onduidelijk.",
        ],
        "subquestions": [
            (
                "Welke rol moet de gemeente spelen in de vermarkting van lokale producten?",
                LIKE,
                OPEN,
            ),
        ],
    },
    {
        "reword": "ouinhi-dialogue",
        "as": "ouinhi-support",
        "date": datetime.date(2024, 11, 14),
        "text": "Comment la commune peut-elle soutenir au mieux les acteurs économiques locaux ?",
        "en": "How can the municipality best support local economic actors?",
        "nl": "Hoe kan de gemeente de lokale economische actoren het beste ondersteunen?",
        "trigger": Trigger.BILATERAL_MEETING,
        "note": "Réunion bilatérale avec Laarne, en préparation de la visite à Ouinhi.",
        "subquestions": [
            (
                "Quel soutien concret une commune peut-elle apporter avec un petit budget ?",
                LIKE,
                PARTLY,
            ),
            (
                "Comment rendre compte de ce que la commune a fait de leurs propositions ?",
                NICE,
                OPEN,
            ),
        ],
    },
    {
        "reword": "ouinhi-website",
        "as": "ouinhi-small-website",
        "date": datetime.date(2024, 11, 14),
        "text": ("Comment créer un site web qui soutienne les acteurs économiques locaux ?"),
        "en": "How can we create a website that supports local economic actors?",
        "nl": "Hoe maken we een website die de lokale economische actoren ondersteunt?",
        "trigger": Trigger.PARTNER_RESPONSE,
        "note": (
            "Un site web complet s'est révélé trop ambitieux ; un site plus petit, pour les "
            "acteurs économiques."
        ),
        "tags": ["16.6", "16.10"],
    },
    {
        "reword": "cove-articulation",
        "as": "cove-office",
        "date": datetime.date(2024, 4, 11),
        "text": "Comment la commune peut-elle créer et organiser un office du tourisme ?",
        "en": "How can the municipality build and organise a tourist office?",
        "trigger": Trigger.BILATERAL_MEETING,
        "note": "Recentrée sur le tourisme, où Sint-Truiden a beaucoup d'expérience.",
        "tags": ["8.9"],
    },
    {
        "reword": "cove-office",
        "as": "cove-tourism",
        "date": datetime.date(2025, 3, 21),
        "text": (
            "Comment la commune peut-elle renforcer le tourisme, par exemple en organisant les "
            "acteurs locaux, en identifiant l'ADN local, etc. ?"
        ),
        "en": (
            "How can the municipality strengthen tourism, for example by organising local "
            "actors, identifying local ADN, etc.?"
        ),
        "nl": (
            "Hoe kan de gemeente toerisme versterken, via o.a. het organiseren van lokale "
            "actoren, het identificeren van lokaal ADN, ... ?"
        ),
        "trigger": Trigger.SITE_VISIT,
        "note": "La visite de Sint-Truiden à Covè, avec le représentant de Shop & the City.",
        "tags": ["8.9", "12.b"],
        "obstacles": [
            "Le tourisme est pratiquement inexistant sur le territoire.",
            "Les acteurs locaux (hôtellerie, agriculteurs, troupes de théâtre) ne sont pas "
            "organisés autour du tourisme.",
            "Il n'y a pas encore de vision partagée du tourisme.",
        ],
        "subquestions": [
            (
                "Comment Sint-Truiden a-t-elle formulé son « ADN » local avec les acteurs locaux ?",
                MUST,
                ANSWERED,
            ),
            ("Comment cartographier les atouts et les acteurs touristiques ?", MUST, ANSWERED),
            (
                "Comment un office du tourisme travaille-t-il avec les acteurs locaux ?",
                LIKE,
                ANSWERED,
            ),
            (
                "Comment relier le tourisme aux produits agricoles locaux ?",
                NICE,
                PARTLY,
            ),
        ],
    },
    {
        "drop": "cove-website",
        "date": datetime.date(2025, 5, 8),
        "reason": (
            "Pour l'instant, une page Facebook, créée pour soutenir le tourisme à Covè, remplit "
            "le rôle prévu pour le site web."
        ),
    },
]

# A joint question in one owner's own list: (question key, owner) -> (number, addition,
# the addition's translations).
PLACES = {
    ("joint-marketing", "Sint-Truiden"): (1, "", {}),
    ("joint-participation", "Sint-Truiden"): (
        2,
        "Bv. in landbouwraad voor participatieve voedselstrategie?",
        {"en": "E.g. in the agricultural council for a participatory food strategy?"},
    ),
}
