"""The pilot's learning-question tables and how their questions evolved: the questions as the
municipalities wrote them, then each step they took (reword, split, merge into the joint table,
move, drop), oldest first; `tools_learning_questions` runs the steps through the same services
as the pages (its docstring says where the texts come from).

Texts are written in the municipality's working language of the tables (English for the
report's rows, Dutch for Sint-Truiden's own questions), with a translation where the report
gives one, so that appendix 8.11 reads as the report does in English and in Dutch."""

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
        "text": "How can the municipality increase its tax revenue?",
        "tags": ["17.1"],
    },
    "ouinhi-women": {
        "table": "Ouinhi",
        "order": 2,
        "date": datetime.date(2024, 2, 20),
        "text": "How can the municipality strengthen women's participation in politics?",
        "nl": "Hoe kan de gemeente participatie vrouwen in de politiek versterken?",
        "tags": ["5.5"],
    },
    "ouinhi-website": {
        "table": "Ouinhi",
        "order": 3,
        "date": datetime.date(2024, 2, 20),
        "text": "How do we develop a website?",
        "nl": "Hoe ontwikkelen we een website?",
        "tags": ["16.10"],
        "obstacles": [
            "The first plan for a website was too ambitious for our means.",
            "Nobody in the administration keeps web content up to date today.",
        ],
        "subquestions": [
            ("Which information do local economic actors ask for?", MUST, ANSWERED),
            ("How can we publish the municipal council's decisions transparently?", LIKE, ANSWERED),
            ("Who keeps Laarne's website up to date, and how?", LIKE, PARTLY),
        ],
    },
    "laarne-evaluations": {
        "table": "Laarne",
        "order": 1,
        "date": datetime.date(2024, 2, 15),
        "text": "How can the municipality organise participatory post-project evaluations?",
        "nl": "Hoe kan de gemeente participatieve post-project evaluaties organiseren?",
        "tags": ["16.7"],
        "subquestions": [
            (
                "How do local actors take part in the participatory evaluation of project "
                "proposals?",
                MUST,
                ANSWERED,
            ),
        ],
    },
    "laarne-witches": {
        "table": "Laarne",
        "order": 2,
        "date": datetime.date(2024, 2, 15),
        "text": "How can we use witches in Laarne to raise awareness of women's rights?",
        "nl": "Hoe kunnen we in Laarne rond heksen werken om vrouwenrechten aan te kaarten?",
        "tags": ["5.1"],
    },
    "laarne-associations": {
        "table": "Laarne",
        "order": 3,
        "date": datetime.date(2024, 2, 15),
        "text": "How can we revitalise women's associations?",
        "nl": "Hoe kunnen we het vrouwenverenigingsleven dynamiseren?",
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
        "text": "How do we set up a website to make Covè known?",
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
        "text": "How can the municipality ensure that local economic actors pay more tax?",
        "nl": (
            "Hoe kan de gemeente ervoor zorgen dat de lokale economische actoren meer belasting "
            "betalen?"
        ),
        "trigger": Trigger.COACHING,
        "note": "Working on the learning question table with the consultant.",
    },
    {
        "drop": "laarne-witches",
        "date": datetime.date(2024, 4, 18),
        "reason": (
            "Working on women's issues through the theme of witchcraft proved a sensitive "
            "matter in Benin; Laarne focuses on its advisory councils instead."
        ),
    },
    {
        "drop": "ouinhi-women",
        "date": datetime.date(2024, 4, 25),
        "reason": (
            "The partnership's theme is the local economy: Ouinhi keeps two questions, on "
            "local economic actors and on the website."
        ),
    },
    {
        "reword": "ouinhi-tax",
        "as": "ouinhi-contribute",
        "date": datetime.date(2024, 5, 16),
        "text": (
            "How can local economic actors contribute more to local taxes, feeling supported "
            "by the municipality?"
        ),
        "trigger": Trigger.PARTNER_RESPONSE,
        "note": "Local growth comes before higher tax contributions.",
        "obstacles": [
            "Local economic actors see little return for the taxes they pay.",
            "There is no regular consultation between the municipality and the actors of the "
            "market.",
            "The municipality knows the needs of producers, processors and artisans poorly.",
        ],
        "subquestions": [
            ("How does Laarne get to know the needs of the traders at its market?", MUST, ANSWERED),
            ("How is an advisory council of economic actors composed and run?", MUST, ANSWERED),
        ],
    },
    {
        "reword": "laarne-evaluations",
        "also": ["laarne-associations"],
        "as": "laarne-councils",
        "date": datetime.date(2024, 5, 23),
        "text": "How can we make our advisory councils dynamic again?",
        "trigger": Trigger.COACHING,
        "note": "The advisory councils have lost much of their dynamism.",
        "obstacles": [
            "The advisory councils have lost much of their dynamism.",
            "The same few people take part; the councils are not socially diverse.",
        ],
        "subquestions": [
            ("How does Ouinhi keep its advisory councils so dynamic?", MUST, ANSWERED),
            ("How can participation reach the micro level: streets, neighbourhoods?", LIKE, PARTLY),
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
        "note": "The programme's focus shifted towards the local economy: a food strategy.",
        "subquestions_of": {
            "st-agricultural-council": [
                (
                    "How can the agricultural council carry a participatory food strategy?",
                    LIKE,
                    OPEN,
                ),
            ],
            "st-local-sale": [
                ("How does Ouinhi help its producers to sell at the market?", MUST, PARTLY),
            ],
        },
    },
    {
        "reword": "ouinhi-contribute",
        "as": "ouinhi-dialogue",
        "date": datetime.date(2024, 9, 27),
        "text": (
            "How can the municipality develop a constructive dialogue with local economic "
            "actors, to better meet their needs and so promote trust and local economic growth?"
        ),
        "trigger": Trigger.SITE_VISIT,
        "note": "The Laarne market: the municipality consults the traders regularly.",
        "tags": ["8.3", "16.7"],
    },
    {
        "reword": "laarne-councils",
        "also": ["st-agricultural-council"],
        "table": "joint",
        "as": "joint-participation",
        "date": datetime.date(2024, 11, 6),
        "text": (
            "How can we strengthen, revitalise and make more meaningful citizen participation "
            "in councils and other structures?"
        ),
        "nl": (
            "Hoe kunnen we burgerparticipatie in raden en andere structuren versterken "
            "dynamiseren en zinvoller maken?"
        ),
        "trigger": Trigger.KNOWLEDGE_NETWORK,
        "note": "Laarne's and Sint-Truiden's questions had become increasingly similar.",
        "obstacles": ["Members defend individual rather than common goals."],
    },
    {
        "reword": "st-local-sale",
        "table": "joint",
        "as": "joint-marketing",
        "date": datetime.date(2024, 11, 6),
        "text": "How can we strengthen the local marketing of local products?",
        "nl": "Hoe kunnen we de lokale vermarkting van lokale produkten versterken?",
        "trigger": Trigger.KNOWLEDGE_NETWORK,
        "note": "Sint-Truiden's food strategy, now a question of both municipalities.",
        "tags": ["2.3", "12"],
        "obstacles": [
            "Local producers find few outlets in the municipality.",
            "The role the municipality should play is unclear.",
        ],
        "subquestions": [
            ("What role should the municipality play in marketing local products?", LIKE, OPEN),
        ],
    },
    {
        "reword": "ouinhi-dialogue",
        "as": "ouinhi-support",
        "date": datetime.date(2024, 11, 14),
        "text": "How can the municipality best support local economic actors?",
        "nl": "Hoe kan de gemeente de lokale economische actoren het beste ondersteunen?",
        "trigger": Trigger.BILATERAL_MEETING,
        "note": "Bilateral meeting with Laarne, in preparation of the visit to Ouinhi.",
        "subquestions": [
            ("Which concrete support can a municipality give with a small budget?", LIKE, PARTLY),
            (
                "How do we report back on what the municipality did with their proposals?",
                NICE,
                OPEN,
            ),
        ],
    },
    {
        "reword": "ouinhi-website",
        "as": "ouinhi-small-website",
        "date": datetime.date(2024, 11, 14),
        "text": "How can we create a website that supports local economic actors?",
        "nl": "Hoe maken we een website die de lokale economische actoren ondersteunt?",
        "trigger": Trigger.PARTNER_RESPONSE,
        "note": "A full website proved too ambitious; a smaller one, for the economic actors.",
        "tags": ["16.6", "16.10"],
    },
    {
        "reword": "cove-articulation",
        "as": "cove-office",
        "date": datetime.date(2024, 4, 11),
        "text": "How can the municipality build and organise a tourist office?",
        "trigger": Trigger.BILATERAL_MEETING,
        "note": "Narrowed down to tourism, where Sint-Truiden has much experience.",
        "tags": ["8.9"],
    },
    {
        "reword": "cove-office",
        "as": "cove-tourism",
        "date": datetime.date(2025, 3, 21),
        "text": (
            "How can the municipality strengthen tourism, for example by organising local "
            "actors, identifying local ADN, etc.?"
        ),
        "nl": (
            "Hoe kan de gemeente toerisme versterken, via o.a. het organiseren van lokale "
            "actoren, het identificeren van lokaal ADN, ... ?"
        ),
        "trigger": Trigger.SITE_VISIT,
        "note": "Sint-Truiden's visit to Covè, with the representative of Shop & the City.",
        "tags": ["8.9", "12.b"],
        "obstacles": [
            "Tourism is practically non-existent in the territory.",
            "Local actors (hospitality, farmers, theatre groups) are not organised around tourism.",
            "There is no shared vision of tourism yet.",
        ],
        "subquestions": [
            ("How did Sint-Truiden formulate its local 'ADN' with local actors?", MUST, ANSWERED),
            ("How are tourist assets and actors mapped?", MUST, ANSWERED),
            ("How does a tourist office work with local actors?", LIKE, ANSWERED),
            ("How can tourism be linked to local agricultural products?", NICE, PARTLY),
        ],
    },
    {
        "drop": "cove-website",
        "date": datetime.date(2025, 5, 8),
        "reason": (
            "For now a Facebook page, set up to support tourism in Covè, does what the website "
            "was to do."
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
