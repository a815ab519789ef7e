"""The pilot's learning-question tables and every wording of their questions, oldest first, with
their obstacles and sub-questions; `tools_learning_questions` loads them (its docstring says
where they come from)."""

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

# Each wording, oldest first: key -> dict. "replaces" names earlier keys; a wording that a
# later one replaces is marked reformulated on the later one's date.
QUESTIONS = {
    # Ouinhi
    "ouinhi-tax": {
        "table": "Ouinhi",
        "order": 1,
        "date": datetime.date(2024, 2, 20),
        "text": "How can the municipality ensure that local economic actors pay more tax?",
        "tags": ["17.1"],
    },
    "ouinhi-women": {
        "table": "Ouinhi",
        "order": 2,
        "date": datetime.date(2024, 2, 20),
        "text": "How can the municipality strengthen women's participation in politics?",
        "tags": ["5.5"],
        "dropped": (
            datetime.date(2024, 4, 25),
            "The partnership's theme is the local economy: Ouinhi keeps two questions, on "
            "local economic actors and on the website.",
        ),
    },
    "ouinhi-website": {
        "table": "Ouinhi",
        "order": 3,
        "date": datetime.date(2024, 2, 20),
        "text": "How do we develop a website?",
        "tags": ["16.10"],
    },
    "ouinhi-dialogue": {
        "table": "Ouinhi",
        "order": 1,
        "date": datetime.date(2024, 9, 27),
        "text": (
            "How can the municipality develop a constructive dialogue with local economic "
            "actors, to better meet their needs and so promote trust and local economic growth?"
        ),
        "replaces": ["ouinhi-tax"],
        "trigger": Trigger.SITE_VISIT,
        "note": "The Laarne market: the municipality consults the traders regularly.",
        "tags": ["8.3", "16.7"],
    },
    "ouinhi-support": {
        "table": "Ouinhi",
        "order": 1,
        "date": datetime.date(2024, 11, 14),
        "text": "How can the municipality best support local economic actors?",
        "replaces": ["ouinhi-dialogue"],
        "trigger": Trigger.BILATERAL_MEETING,
        "note": "Bilateral meeting with Laarne, in preparation of the visit to Ouinhi.",
        "tags": ["8.3", "16.7"],
        "obstacles": [
            "Local economic actors see little return for the taxes they pay.",
            "There is no regular consultation between the municipality and the actors of the "
            "market.",
            "The municipality knows the needs of producers, processors and artisans poorly.",
        ],
        "subquestions": [
            ("How does Laarne get to know the needs of the traders at its market?", MUST, ANSWERED),
            ("How is an advisory council of economic actors composed and run?", MUST, ANSWERED),
            ("Which concrete support can a municipality give with a small budget?", LIKE, PARTLY),
            (
                "How do we report back on what the municipality did with their proposals?",
                NICE,
                OPEN,
            ),
        ],
    },
    "ouinhi-small-website": {
        "table": "Ouinhi",
        "order": 2,
        "date": datetime.date(2024, 11, 14),
        "text": "How can we create a website that supports local economic actors?",
        "replaces": ["ouinhi-website"],
        "trigger": Trigger.PARTNER_RESPONSE,
        "note": "A full website proved too ambitious; a smaller one, for the economic actors.",
        "tags": ["16.6", "16.10"],
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
    # Laarne and Sint-Truiden, then their joint table
    "laarne-evaluations": {
        "table": "Laarne",
        "order": 1,
        "date": datetime.date(2024, 2, 15),
        "text": "How can the municipality organise participatory post-project evaluations?",
        "tags": ["16.7"],
    },
    "laarne-witches": {
        "table": "Laarne",
        "order": 2,
        "date": datetime.date(2024, 2, 15),
        "text": "How can we use witches in Laarne to raise awareness of women's rights?",
        "tags": ["5.1"],
        "dropped": (
            datetime.date(2024, 4, 18),
            "Working on women's issues through the theme of witchcraft proved a sensitive "
            "matter in Benin; Laarne focuses on its advisory councils instead.",
        ),
    },
    "laarne-associations": {
        "table": "Laarne",
        "order": 3,
        "date": datetime.date(2024, 2, 15),
        "text": "How can we revitalise women's associations?",
        "tags": ["5.5"],
    },
    "st-trust": {
        "table": "Sint-Truiden",
        "order": 1,
        "date": datetime.date(2024, 2, 15),
        "text": "How can the municipality strengthen citizens' trust in the municipality?",
        "tags": ["16.6"],
    },
    "joint-participation": {
        "table": "joint",
        "order": 1,
        "date": datetime.date(2024, 11, 6),
        "text": (
            "How can we strengthen, revitalise and make more meaningful citizen participation "
            "in councils and other structures?"
        ),
        "replaces": ["laarne-evaluations", "laarne-associations", "st-trust"],
        "trigger": Trigger.KNOWLEDGE_NETWORK,
        "note": "Laarne's and Sint-Truiden's questions had become increasingly similar.",
        "tags": ["16.7"],
        "obstacles": [
            "The advisory councils have lost much of their dynamism.",
            "The same few people take part; the councils are not socially diverse.",
            "Members defend individual rather than common goals.",
        ],
        "subquestions": [
            ("How does Ouinhi keep its advisory councils so dynamic?", MUST, ANSWERED),
            (
                "How do local actors take part in the participatory evaluation of project "
                "proposals?",
                MUST,
                ANSWERED,
            ),
            ("How can participation reach the micro level: streets, neighbourhoods?", LIKE, PARTLY),
            ("How can the agricultural council carry a participatory food strategy?", LIKE, OPEN),
        ],
    },
    "joint-marketing": {
        "table": "joint",
        "order": 2,
        "date": datetime.date(2024, 11, 6),
        "text": "How can we strengthen the local marketing of local products?",
        "replaces": ["st-trust"],
        "trigger": Trigger.KNOWLEDGE_NETWORK,
        "note": "Sint-Truiden's food strategy: the local sale of local products.",
        "tags": ["2.3", "12"],
        "obstacles": [
            "Local producers find few outlets in the municipality.",
            "The role the municipality should play is unclear.",
        ],
        "subquestions": [
            ("How does Ouinhi help its producers to sell at the market?", MUST, PARTLY),
            ("What role should the municipality play in marketing local products?", LIKE, OPEN),
        ],
    },
    # Covè
    "cove-articulation": {
        "table": "Covè",
        "order": 1,
        "date": datetime.date(2024, 2, 20),
        "text": (
            "How can the municipality articulate agriculture, nature and tourism to strengthen "
            "the local economy?"
        ),
        "tags": ["8.9", "15"],
    },
    "cove-office": {
        "table": "Covè",
        "order": 1,
        "date": datetime.date(2024, 4, 11),
        "text": "How can the municipality build and organise a tourist office?",
        "replaces": ["cove-articulation"],
        "trigger": Trigger.BILATERAL_MEETING,
        "note": "Narrowed down to tourism, where Sint-Truiden has much experience.",
        "tags": ["8.9"],
    },
    "cove-tourism": {
        "table": "Covè",
        "order": 1,
        "date": datetime.date(2025, 3, 21),
        "text": (
            "How can the municipality strengthen tourism, for example by organising local "
            "actors, identifying local ADN, etc.?"
        ),
        "replaces": ["cove-office"],
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
}
