"""The learning journals of the pilot's two site visits (report section 5.2.4): in September
2024 the Beninese delegations kept the journal per activity (tool 8, "Journal d'apprentissage"),
one row for each activity of their programme (tool 6), in French; in March 2025 the Flemish
delegations kept the journal per objective (tool 9), in Dutch: up to three objectives per
question of the joint table of Laarne and Sint-Truiden, a score from 0 to 3 on each field day
at the partner (days 2 to 4) and a page per day. They filled them in "together with the
consultant or the VVSG representative, either on site or via WhatsApp": the last day's page
with the guide. "It was sometimes difficult to do this after a long day": Sint-Truiden has no
page for its third day, only its scores, given the next evening.

The texts follow what the report says each delegation saw and took home (Ouinhi: Laarne's
market and advisory councils, the information on its website; Covè: Sint-Truiden's tourism,
its "DNA" and the map of its tourist assets; Laarne and Sint-Truiden: Ouinhi's participatory
evaluation with scores, its advisory council of economic operators, the village level, the
markets of Ouinhi and Covè). Like the other demo tools, each journal is shared and reviewed
without notifying anyone of these past events.
"""

import datetime

from learning import services as sheets
from learning.tools.registry import get_tool
from visits.models import DailyScore, DayObjectiveNote, Delegation, JournalDay

from .visits import FOCAL_POINTS, day

# Tool 8: (visit, partnership) -> {(day, start): (outcomes, applicable, missing)}; the other
# activities of the programme keep an empty row.
ENTRIES = {
    ("september", "Laarne-Ouinhi"): {
        (1, "10:30"): (
            "Le cycle d'apprentissage : partir de nos défis, formuler des questions, les tester.",
            "Reformuler nos questions d'apprentissage après chaque étape.",
            "",
        ),
        (2, "09:30"): (
            "La commune connaît ses marchands : un responsable du marché les rencontre chaque "
            "semaine et note leurs demandes.",
            "Désigner à Ouinhi un agent qui recueille les besoins des marchands au marché.",
            "Comment la commune finance l'entretien du marché.",
        ),
        (2, "14:00"): (
            "Les marchands demandent surtout les jours et les règles du marché, les taxes et "
            "ce que la commune en fait.",
            "Publier ces informations pour les acteurs économiques, sur un petit site web.",
            "",
        ),
        (3, "09:30"): (
            "Les décisions du collège et du conseil sont publiées en ligne ; le magazine Klaar "
            "informe chaque ménage.",
            "Un petit site web, tenu à jour par un agent désigné, plutôt qu'un grand site.",
            "Le coût de l'hébergement et de la mise à jour du site.",
        ),
        (3, "14:00"): (
            "Chaque conseil consultatif a des statuts, se réunit régulièrement et donne des "
            "avis au collège, qui y répond.",
            "Créer un conseil consultatif des acteurs économiques locaux à Ouinhi.",
            "",
        ),
        (3, "19:30"): (
            "Le conseil de l'économie locale discute ouvertement avec l'échevin ; les membres "
            "représentent des associations.",
            "Inviter les présidents des filières, les transformatrices et les artisans.",
            "Comment garder les membres motivés sur la durée.",
        ),
        (4, "09:30"): (
            "La vente directe à la ferme donne un meilleur prix au producteur.",
            "",
            "Le lien entre la ferme et le marché communal.",
        ),
        (4, "14:00"): (
            "Le collège suit les avis des conseils et rend compte de ce qu'il en fait.",
            "Rendre compte aux acteurs économiques de la suite donnée à leurs propositions.",
            "",
        ),
    },
    ("september", "Sint-Truiden-Covè"): {
        (1, "10:30"): (
            "Les outils du projet et le cycle d'apprentissage.",
            "",
            "",
        ),
        (2, "09:30"): (
            "Le service du tourisme vit des vergers : circuits de la floraison, fêtes des "
            "fruits, produits du terroir.",
            "Relier le tourisme de Covè à ses produits agricoles.",
            "Comment commencer quand le tourisme est presque inexistant.",
        ),
        (2, "14:00"): (
            "Un verger accueille des visiteurs et vend ses produits à la ferme.",
            "",
            "",
        ),
        (3, "09:30"): (
            "Sint-Truiden a formulé son « ADN » avec les arboriculteurs, l'horeca et les "
            "commerçants : dix éléments qui la rendent unique.",
            "Formuler l'« ADN » local de Covè avec nos acteurs locaux et le diffuser dans une "
            "brochure.",
            "",
        ),
        (3, "14:00"): (
            "Shop & the City rassemble les commerçants du centre-ville autour d'actions communes.",
            "",
            "",
        ),
        (4, "09:30"): (
            "La carte des atouts touristiques nomme pour chaque atout les acteurs qui le portent.",
            "Cartographier les atouts touristiques de Covè et contacter leurs acteurs.",
            "Le budget d'un office du tourisme.",
        ),
        (4, "14:00"): (
            "",
            "Créer un office du tourisme et organiser les acteurs locaux en un conseil.",
            "",
        ),
    },
}

# Activities added to the journal during the visit, which the programme did not have:
# (visit, partnership) -> [(day, start, activity, outcomes)].
ADDED = {
    ("september", "Sint-Truiden-Covè"): [
        (
            4,
            "19:00",
            "Dîner avec les membres du comité de jumelage de Sint-Truiden",
            "Les bénévoles portent les jumelages autant que la ville.",
        )
    ],
}

# Tool 9: (visit, partnership) -> [(question key, number, text, [sub-question numbers],
# [score on days 2, 3, 4], [note on days 2, 3, 4])]
OBJECTIVES = {
    ("march", "Laarne-Ouinhi"): [
        (
            "joint-participation",
            1,
            "Zien hoe lokale actoren projectvoorstellen met scores beoordelen.",
            [1],
            [3, 1, 1],
            [
                "De actoren geven elk voorstel punten op vaste criteria; de gemeente maakt de "
                "scores bekend. Een openbaring.",
                "",
                "",
            ],
        ),
        (
            "joint-participation",
            2,
            "Begrijpen hoe Ouinhi zijn adviesraden levendig houdt.",
            [2],
            [1, 3, 2],
            [
                "",
                "De leden vertegenwoordigen de ketens en verenigingen, niet zichzelf; de "
                "gemeente antwoordt op elk advies.",
                "De raad vergadert elk kwartaal en kiest zelf zijn agenda.",
            ],
        ),
        (
            "joint-participation",
            3,
            "Participatie dichter bij de mensen: dorpen, straten en wijken.",
            [3, 4],
            [0, 1, 3],
            [
                "",
                "",
                "De dorpshoofden brengen de informatie tot bij elk gezin en halen de vragen op.",
            ],
        ),
        (
            "joint-marketing",
            1,
            "Zien hoe Ouinhi zijn producenten helpt om op de markt te verkopen.",
            [1],
            [0, 2, 1],
            ["", "De opslagloods laat de producenten verkopen wanneer de prijs goed is.", ""],
        ),
    ],
    ("march", "Sint-Truiden-Covè"): [
        (
            "joint-marketing",
            1,
            "Zien welke rol de gemeente speelt in de verkoop van lokale producten.",
            [2],
            [2, 2, 1],
            [
                "De gemeente brengt de producentengroeperingen samen op de markt.",
                "",
                "",
            ],
        ),
        (
            "joint-marketing",
            2,
            "Leren hoe producenten hun producten lokaal verkopen.",
            [1],
            [2, 1, 0],
            ["Verwerkers verkopen vooral via vrouwengroeperingen.", "", ""],
        ),
        (
            "joint-participation",
            3,
            "Horen wat producenten verwachten van een landbouwraad.",
            [4, 3],
            [0, 3, 1],
            ["", "", "Wijk- en dorpsverantwoordelijken zijn een brug naar de inwoners."],
        ),
    ],
}

# (visit, partnership) -> {day: (unexpected, contributed most, difficulties, meaning,
# with the guide)}
PAGES = {
    ("march", "Laarne-Ouinhi"): {
        2: (
            "Dat een kleine gemeente met weinig middelen haar inwoners projecten laat scoren.",
            "De evaluatie zelf meemaken, naast de lokale actoren.",
            "De vertaling: niet alles werd in het Frans voor ons herhaald.",
            "We kunnen onze adviesraden projectvoorstellen laten scoren voor het meerjarenplan.",
            False,
        ),
        3: (
            "Hoe open de leden van de adviesraad met de schepen discussiëren.",
            "De vergadering van de adviesraad van de economische operatoren.",
            "Een lange dag met veel verplaatsingen.",
            "Deelnemers nominatief aanschrijven, met nadruk op verenigingen in plaats van alleen "
            "individuen.",
            False,
        ),
        4: (
            "De rol van de dorpshoofden.",
            "Het gesprek met de dorpshoofden.",
            "Na een lange dag was het moeilijk om nog te schrijven; samen met de consultant "
            "lukte het.",
            "Een dorpsraad samenstellen door loting, om participatie naar het microniveau te "
            "brengen.",
            True,
        ),
    },
    ("march", "Sint-Truiden-Covè"): {
        2: (
            "Hoeveel producentengroeperingen er op de markt van Covè zijn.",
            "Het bezoek aan de markt met de producenten.",
            "Onze dienst Toerisme kon niet mee.",
            "Shop & the City kan de lokale producten in het centrum van Sint-Truiden "
            "zichtbaarder maken.",
            False,
        ),
        4: (
            "Dat wijkverantwoordelijken de stem van de inwoners zo goed kennen.",
            "Het gesprek met de wijk- en dorpsverantwoordelijken.",
            "We konden dag 3 niet meer op papier zetten; de scores gaven we samen met de "
            "consultant.",
            "Een landbouwraad die de voedselstrategie mee draagt, met de producenten aan tafel.",
            True,
        ),
    },
}

FIELD_DAYS = (2, 3, 4)


def load(world):
    for key, name in ENTRIES:
        delegation = _delegation(world, key, name)
        _journal_per_activity(world, (key, name), delegation, ENTRIES[key, name])
    for key, name in OBJECTIVES:
        delegation = _delegation(world, key, name)
        _journal_per_objective(world, delegation, OBJECTIVES[key, name], PAGES[key, name])


def _delegation(world, key, name):
    partnership = world.partnerships[name]
    return (
        world.visits[key]
        .delegations.select_related("visit", "visitor")
        .get(partnership=partnership)
    )


def _journal_per_activity(world, key, delegation, texts):
    """Tool 8: a row for each activity of the delegation's programme, in its order."""
    if Delegation.objects.filter(pk=delegation.pk, journalbyactivity__isnull=False).exists():
        return
    author = world.users[FOCAL_POINTS[delegation.visitor.name]]
    start = delegation.visit.start_date
    numbers = {date: number for number, date in enumerate(delegation.visit.days, start=1)}
    rows = []
    for activity in delegation.activitytable.activities.order_by("date", "start", "pk"):
        outcomes, applicable, missing = texts.get(
            (numbers[activity.date], f"{activity.start:%H:%M}"), ("", "", "")
        )
        rows.append(
            {
                "activity": activity,
                "date": activity.date,
                "start": activity.start,
                "title": activity.activity,
                "outcomes": outcomes,
                "applicable": applicable,
                "missing": missing,
            }
        )
    for number, begin, title, outcomes in ADDED.get(key, ()):
        rows.append(
            {
                "activity": None,
                "date": day(start, number),
                "start": datetime.time.fromisoformat(begin),
                "title": title,
                "outcomes": outcomes,
                "applicable": "",
                "missing": "",
            }
        )
    sheet = sheets.sheet_create(
        tool=get_tool("journal-per-activity"),
        owner=delegation.visitor,
        programme=world.programme,
        user=author,
        values={"delegation": delegation},
        rows={"entries": rows},
    )
    sheet.entries.update(written_by=author)
    sheet.transition("share", by=author)
    sheet.transition("review", by=world.users["consultant"])


def _journal_per_objective(world, delegation, objectives, pages):
    """Tool 9: the objectives on the sheet, then each field day's scores and page."""
    if Delegation.objects.filter(pk=delegation.pk, journalbyobjective__isnull=False).exists():
        return
    author = world.users[FOCAL_POINTS[delegation.visitor.name]]
    guide = world.users["consultant"]
    questions = world.learning_questions
    sheet = sheets.sheet_create(
        tool=get_tool("journal-per-objective"),
        owner=delegation.visitor,
        programme=world.programme,
        user=author,
        values={"delegation": delegation},
        rows={
            "objectives": [
                {
                    "question": questions[question],
                    "number": number,
                    "text": text,
                    "subquestions": [
                        questions[question].subquestions.get(order=order) for order in orders
                    ],
                }
                for question, number, text, orders, _scores, _notes in objectives
            ]
        },
    )
    saved = list(sheet.objectives.order_by("pk"))
    start = delegation.visit.start_date
    for objective, (*_spec, scores, _notes) in zip(saved, objectives, strict=True):
        for number, score in zip(FIELD_DAYS, scores, strict=True):
            DailyScore.objects.create(
                objective=objective, date=day(start, number), score=score, written_by=author
            )
    for number, (unexpected, contributed, difficulties, meaning, with_guide) in pages.items():
        page = JournalDay.objects.create(
            sheet=sheet,
            date=day(start, number),
            unexpected=unexpected,
            contributed_most=contributed,
            difficulties=difficulties,
            meaning=meaning,
            with_guide=with_guide,
            written_by=guide if with_guide else author,
        )
        for objective, (*_spec, notes) in zip(saved, objectives, strict=True):
            text = notes[FIELD_DAYS.index(number)]
            if text:
                DayObjectiveNote.objects.create(day=page, objective=objective, text=text)
    sheet.transition("share", by=author)
    sheet.transition("review", by=guide)
