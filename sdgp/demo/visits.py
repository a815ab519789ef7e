"""The pilot's two site visits (report section 5.2.4 and appendices tools 6 and 7): the
Beninese delegations in Flanders from Monday 23 to Friday 27 September 2024, and the Flemish
ones in Benin from Monday 10 to Friday 14 March 2025 (the report gives the months only; these
weeks fit the questions reworded after each visit). Each week: day 1 together with all
delegations, the VVSG and the ANCB; days 2 to 4 at the partner; day 5 the review of the week and
the action plan. Lalo's delegation was expected in September (the terms' template still speaks
of three delegations) and withdrew with Schoten.

The delegations are those the report describes (the Beninese Secrétaires Exécutifs,
international-cooperation officers, technical staff and one mayor; two aldermen of Laarne;
one alderman of Sint-Truiden with the Shop & the City agency); their names are invented like the
demo accounts'. Each delegation's programme (tool 6) and terms of reference (tool 7) are written
in the visiting municipality's language (French for Ouinhi and Covè, Dutch for Laarne and
Sint-Truiden), drawn from what the report says was seen: Laarne's market and advisory councils,
Sint-Truiden's tourism and Shop & the City, Ouinhi's participatory evaluation, advisory council
and markets. Activities address the visitor's sub-questions as they stood at the visit; Covè
had none in September 2024 (it wrote them in March 2025), so its programme points at its
current ones. Sint-Truiden's programme in Covè leaves one Must-have sub-question (the
participatory evaluation of project proposals, seen in Ouinhi) without an activity: the one gap
the activities table shows. Both terms were validated by the visitor's focal point and signed
by the host's; as the other demo tools, the sheets move along their workflow without notifying
anyone of these past events.
"""

import datetime

from learning import services as sheets
from learning.tools.registry import get_tool
from visits import services
from visits.models import Delegation, DelegationMember, SiteVisit

SEPTEMBER = datetime.date(2024, 9, 23)
MARCH = datetime.date(2025, 3, 10)
LALO_WITHDRAWN_ON = datetime.date(2024, 9, 2)
LALO_REASON = (
    "Après le retrait de Schoten, la commune de Lalo a été associée autrement pendant quelques "
    "mois, puis a dû se retirer du projet : sa délégation ne se rendra pas en Belgique."
)
POLITICAL, TECHNICAL = "political", "technical"


def day(start, number):
    return start + datetime.timedelta(days=number - 1)


def at(text):
    return datetime.time.fromisoformat(text)


# key -> (direction, first day, partnerships (north-south), the week at a glance)
VISITS = {
    "september": (
        SiteVisit.Direction.SOUTH_TO_NORTH,
        SEPTEMBER,
        ("Laarne-Ouinhi", "Sint-Truiden-Covè", "Schoten-Lalo"),
        "Jour 1 : journée commune de toutes les délégations avec la VVSG et l'ANCB, à "
        "Bruxelles. Jours 2 à 4 : chaque délégation chez sa commune partenaire. Jour 5 : bilan "
        "de la semaine et plan d'action.",
    ),
    "march": (
        SiteVisit.Direction.NORTH_TO_SOUTH,
        MARCH,
        ("Laarne-Ouinhi", "Sint-Truiden-Covè"),
        "Dag 1: gezamenlijke dag van alle delegaties met de ANCB en de VVSG, in Bohicon. Dag 2 "
        "tot 4: elke delegatie bij haar partnergemeente. Dag 5: terugblik op de week en "
        "actieplan.",
    ),
}

# (visit, partnership) -> [(name, position, profile, languages)]
MEMBERS = {
    ("september", "Laarne-Ouinhi"): [
        ("Demo Maire Ouinhi", "Maire", POLITICAL, "Français, Fon"),
        ("Demo Focal Point Ouinhi", "Secrétaire Exécutif", TECHNICAL, "Français, Fon"),
        (
            "Demo Coopération Ouinhi",
            "Chargé de la coopération internationale",
            TECHNICAL,
            "Français, Fon",
        ),
        (
            "Demo Développement local Ouinhi",
            "Chef du service du développement local et de la planification",
            TECHNICAL,
            "Français, Fon",
        ),
    ],
    ("september", "Sint-Truiden-Covè"): [
        ("Demo Focal Point Covè", "Secrétaire Exécutif", TECHNICAL, "Français, Fon"),
        (
            "Demo Coopération Covè",
            "Chargée de la coopération internationale",
            TECHNICAL,
            "Français",
        ),
        (
            "Demo Tourisme Covè",
            "Service du développement local et de la planification, chargé du tourisme",
            TECHNICAL,
            "Français, Fon",
        ),
    ],
    ("march", "Laarne-Ouinhi"): [
        ("Demo Schepen 1 Laarne", "Schepen", POLITICAL, "Nederlands, Frans"),
        ("Demo Schepen 2 Laarne", "Schepen", POLITICAL, "Nederlands, Frans"),
    ],
    ("march", "Sint-Truiden-Covè"): [
        ("Demo Schepen Sint-Truiden", "Schepen", POLITICAL, "Nederlands, Frans"),
        (
            "Demo Shop & the City Sint-Truiden",
            "Medewerker agentschap Shop & the City",
            TECHNICAL,
            "Nederlands, Frans, Engels",
        ),
    ],
}

# A sub-question of the visitor: (question key, its number in the question).
# Ouinhi: ("ouinhi-support", 1) the market traders' needs (Must), 2 the advisory council (Must);
# ("ouinhi-small-website", 1) what local economic actors ask for (Must), 2 publishing the
# council's decisions, 3 who keeps Laarne's website up to date. Covè: ("cove-tourism", 1) the
# local "ADN" (Must), 2 mapping tourist assets (Must), 3 a tourist office, 4 tourism and farm
# products. Laarne and Sint-Truiden share the joint table: ("joint-participation", 1) the
# participatory evaluation of project proposals (Must), 2 Ouinhi's advisory councils (Must),
# 3 the micro level, 4 the agricultural council; ("joint-marketing", 1) Ouinhi's producers at
# the market (Must), 2 the municipality's role in marketing (Must since Sint-Truiden set it).

# Day 1 and day 5, together: (day, start, end, activity, place, accompanying, sub-questions)
JOINT = {
    "september": [
        (
            1,
            "09:30",
            "10:30",
            "Accueil des délégations de Ouinhi et de Covè par la VVSG et "
            "l'ANCB ; présentation du programme de la visite",
            "Bruxelles, VVSG",
            "VVSG",
            (),
        ),
        (
            1,
            "10:30",
            "12:30",
            "Attentes de chaque commune ; la méthodologie des cycles "
            "d'apprentissage et les outils utilisés",
            "Bruxelles, VVSG",
            "Consultant",
            (),
        ),
        (
            1,
            "14:00",
            "15:30",
            "Les ODD dans les communes flamandes (VVSG)",
            "Bruxelles, VVSG",
            "VVSG",
            (),
        ),
        (
            1,
            "15:30",
            "17:00",
            "Le contexte administratif des communes flamandes et béninoises (VVSG et ANCB)",
            "Bruxelles, VVSG",
            "ANCB",
            (),
        ),
        (
            5,
            "09:30",
            "12:30",
            "Bilan de la semaine : observations et conclusions de chaque délégation",
            "Bruxelles, VVSG",
            "Consultant",
            (),
        ),
        (
            5,
            "14:00",
            "16:30",
            "Rédaction du plan d'action pour les mois à venir",
            "Bruxelles, VVSG",
            "Consultant",
            (),
        ),
    ],
    "march": [
        (
            1,
            "09:30",
            "10:30",
            "Ontvangst van de delegaties van Laarne en Sint-Truiden door de "
            "ANCB en de VVSG; voorstelling van het programma",
            "Bohicon",
            "ANCB",
            (),
        ),
        (
            1,
            "10:30",
            "12:30",
            "Verwachtingen van elke gemeente; het bestuurlijk kader van de "
            "Beninese gemeenten (ANCB)",
            "Bohicon",
            "ANCB",
            (),
        ),
        (
            1,
            "14:00",
            "16:30",
            "Voorstelling door Ouinhi: zijn adviesraad van de economische "
            "operatoren en de steun aan zijn producenten",
            "Bohicon",
            "Consultant",
            (("joint-participation", 2), ("joint-marketing", 1)),
        ),
        (
            5,
            "09:30",
            "12:30",
            "Terugblik op de week: observaties en conclusies van elke delegatie",
            "Bohicon",
            "Consultant",
            (),
        ),
        (
            5,
            "14:00",
            "16:30",
            "Opstellen van het actieplan voor de komende maanden",
            "Bohicon",
            "Consultant",
            (),
        ),
    ],
}

# Days 2 to 4 at the partner, per (visit, partnership).
AT_THE_PARTNER = {
    ("september", "Laarne-Ouinhi"): [
        (
            2,
            "09:00",
            "09:30",
            "Préparation du journal d'apprentissage de la journée avec la commune hôte",
            "Maison communale de Laarne",
            "Service de l'économie locale",
            (),
        ),
        (
            2,
            "09:30",
            "12:00",
            "Visite du marché hebdomadaire avec le service de l'économie locale",
            "Place du marché, Laarne",
            "Service de l'économie locale",
            (("ouinhi-support", 1),),
        ),
        (
            2,
            "14:00",
            "16:00",
            "Échange avec les marchands : quelles informations attendent-ils de la commune ?",
            "Place du marché, Laarne",
            "Service de l'économie locale",
            (("ouinhi-small-website", 1), ("ouinhi-support", 1)),
        ),
        (
            3,
            "09:30",
            "11:30",
            "Le service communication : le site web, les décisions du collège "
            "et du conseil, le magazine communal Klaar",
            "Maison communale de Laarne",
            "Service communication",
            (("ouinhi-small-website", 2), ("ouinhi-small-website", 3)),
        ),
        (
            3,
            "14:00",
            "16:00",
            "Les conseils consultatifs de Laarne : statuts, composition, avis au collège",
            "Maison communale de Laarne",
            "Directrice générale",
            (("ouinhi-support", 2),),
        ),
        (
            3,
            "19:30",
            "21:30",
            "Réunion du conseil de l'économie locale",
            "Maison communale de Laarne",
            "Directrice générale",
            (("ouinhi-support", 2),),
        ),
        (
            4,
            "09:30",
            "12:00",
            "Visite d'une exploitation agricole et de sa vente directe",
            "Laarne",
            "Service de l'économie locale",
            (),
        ),
        (
            4,
            "14:00",
            "16:00",
            "Rencontre avec le collège des bourgmestre et échevins",
            "Maison communale de Laarne",
            "Directrice générale",
            (),
        ),
        (
            4,
            "16:30",
            "17:30",
            "Journal d'apprentissage rempli avec le consultant",
            "Maison communale de Laarne",
            "Consultant",
            (),
        ),
    ],
    ("september", "Sint-Truiden-Covè"): [
        (
            2,
            "09:30",
            "12:00",
            "Le service du tourisme : le tourisme lié à l'arboriculture fruitière",
            "Office du tourisme, Sint-Truiden",
            "Service du tourisme",
            (("cove-tourism", 3),),
        ),
        (
            2,
            "14:00",
            "16:30",
            "Visite d'un verger et de son point de vente à la ferme",
            "Sint-Truiden",
            "Service du tourisme",
            (("cove-tourism", 4),),
        ),
        (
            3,
            "09:30",
            "12:00",
            "Atelier : l'« ADN » de Sint-Truiden, formulé avec les "
            "arboriculteurs, l'horeca et les commerçants",
            "Hôtel de ville de Sint-Truiden",
            "Service du tourisme",
            (("cove-tourism", 1),),
        ),
        (
            3,
            "14:00",
            "16:00",
            "Shop & the City : l'agence, les commerçants et le centre-ville",
            "Sint-Truiden",
            "Shop & the City",
            (("cove-tourism", 3),),
        ),
        (
            4,
            "09:30",
            "12:00",
            "La carte des atouts touristiques et des acteurs qui les portent",
            "Office du tourisme, Sint-Truiden",
            "Service du tourisme",
            (("cove-tourism", 2),),
        ),
        (
            4,
            "14:00",
            "15:30",
            "Rencontre avec le service de la coopération internationale et des jumelages",
            "Hôtel de ville de Sint-Truiden",
            "Focal point de Sint-Truiden",
            (),
        ),
        (
            4,
            "16:00",
            "17:00",
            "Journal d'apprentissage rempli avec le consultant",
            "Hôtel de ville de Sint-Truiden",
            "Consultant",
            (),
        ),
    ],
    ("march", "Laarne-Ouinhi"): [
        (
            2,
            "09:00",
            "09:30",
            "Leerdagboek van de dag voorbereiden met de gastgemeente",
            "Gemeentehuis van Ouinhi",
            "Secrétaire Exécutif",
            (),
        ),
        (
            2,
            "09:30",
            "12:30",
            "Participatieve evaluatie van projectvoorstellen met scores, "
            "samen met de lokale actoren",
            "Gemeentehuis van Ouinhi",
            "Secrétaire Exécutif",
            (("joint-participation", 1),),
        ),
        (
            2,
            "15:00",
            "17:00",
            "Hoe Ouinhi de SDG's in zijn dagelijkse werking opneemt",
            "Gemeentehuis van Ouinhi",
            "Dienst lokale ontwikkeling en planning",
            (),
        ),
        (
            3,
            "09:30",
            "12:00",
            "Vergadering van de adviesraad van de economische operatoren",
            "Gemeentehuis van Ouinhi",
            "Secrétaire Exécutif",
            (("joint-participation", 2),),
        ),
        (
            3,
            "14:00",
            "16:30",
            "Bezoek aan de markt en aan de opslagloods van de producenten",
            "Markt van Ouinhi",
            "Hoofd van de ADTA-cel",
            (("joint-marketing", 1), ("joint-marketing", 2)),
        ),
        (
            4,
            "09:30",
            "12:00",
            "Ontmoeting met dorpshoofden: participatie op het niveau van de dorpen",
            "Ouinhi",
            "Secrétaire Exécutif",
            (("joint-participation", 3),),
        ),
        (
            4,
            "14:00",
            "16:00",
            "De landbouwketens en de ADTA-cel: hoe de producenten meebeslissen",
            "Ouinhi",
            "Hoofd van de ADTA-cel",
            (("joint-participation", 4),),
        ),
        (4, "16:30", "17:30", "Leerdagboek invullen met de consultant", "Ouinhi", "Consultant", ()),
    ],
    ("march", "Sint-Truiden-Covè"): [
        (
            2,
            "09:30",
            "12:00",
            "Ontmoeting met de dienst lokale ontwikkeling en planning, ook bevoegd voor toerisme",
            "Gemeentehuis van Covè",
            "Secrétaire Exécutif",
            (),
        ),
        (
            2,
            "14:00",
            "16:30",
            "Bezoek aan de markt van Covè met de producentengroeperingen",
            "Markt van Covè",
            "Dienst lokale ontwikkeling en planning",
            (("joint-marketing", 2),),
        ),
        (
            3,
            "09:30",
            "12:00",
            "Landbouwproducenten en verwerkers: wat verwachten ze van de gemeente?",
            "Covè",
            "Secrétaire Exécutif",
            (("joint-participation", 4),),
        ),
        (
            3,
            "14:00",
            "16:00",
            "Shop & the City deelt zijn ervaring met de handelaars van het centrum",
            "Gemeentehuis van Covè",
            "Shop & the City",
            (),
        ),
        (
            4,
            "09:30",
            "12:00",
            "Gesprek met wijk- en dorpsverantwoordelijken",
            "Covè",
            "Secrétaire Exécutif",
            (("joint-participation", 3),),
        ),
        (
            4,
            "14:00",
            "16:00",
            "De toeristische troeven van Covè, met de plaatselijke actoren",
            "Covè",
            "Dienst lokale ontwikkeling en planning",
            (),
        ),
        (4, "16:30", "17:30", "Leerdagboek invullen met de consultant", "Covè", "Consultant", ()),
    ],
}

REMARKS = {
    "september": "Déjeuner sur place chaque jour ; les trajets sont assurés par la commune hôte.",
    "march": "Lunch ter plaatse elke dag; de gastgemeente zorgt voor het vervoer.",
}

# (visit, partnership) -> the terms' texts: context, objectives, local context, specific
# objectives [(question key, text)], the day plans [(overall activity, central question)].
TERMS = {
    ("september", "Laarne-Ouinhi"): (
        "Dans le cadre des partenariats ODD (2024-2025), Ouinhi et Laarne échangent sur "
        "l'économie locale et la participation citoyenne. Après plusieurs mois d'échanges "
        "numériques, cette visite d'étude est la première rencontre sur le terrain.",
        "La délégation de Ouinhi vient voir comment Laarne dialogue avec les acteurs "
        "économiques locaux : au marché, dans les conseils consultatifs et par l'information "
        "qu'elle leur donne.",
        "Laarne, commune de Flandre-Orientale : un marché hebdomadaire, des conseils "
        "consultatifs (agriculture, économie locale, tourisme) dont les avis vont au collège, "
        "un magazine communal (Klaar) et un site web.",
        [
            (
                "ouinhi-support",
                "Comprendre comment la commune recueille les besoins des marchands.",
            ),
            ("ouinhi-support", "Voir comment un conseil consultatif prépare ses avis."),
            (
                "ouinhi-small-website",
                "Relever les informations utiles aux acteurs économiques pour notre site web.",
            ),
        ],
        [
            ("Journée commune à la VVSG", ""),
            ("Le marché de Laarne", "Comment Laarne connaît-elle les besoins de ses marchands ?"),
            ("Information et conseils consultatifs", ""),
            ("Agriculture et collège", ""),
            ("Bilan et plan d'action", ""),
        ],
    ),
    ("september", "Sint-Truiden-Covè"): (
        "Dans le cadre des partenariats ODD (2024-2025), Covè et Sint-Truiden échangent sur le "
        "tourisme et l'économie locale. Cette visite d'étude est la première rencontre sur le "
        "terrain.",
        "La délégation de Covè vient voir comment Sint-Truiden organise son tourisme avec les "
        "acteurs locaux et comment elle a formulé ce qui fait son identité.",
        "Sint-Truiden, ville du Limbourg au cœur d'une région fruitière : un service du "
        "tourisme expérimenté dans le tourisme lié aux vergers, l'agence Shop & the City pour "
        "le centre-ville, un service de la coopération internationale et des jumelages.",
        [
            ("cove-tourism", "Apprendre à formuler l'« ADN » local avec les acteurs locaux."),
            ("cove-tourism", "Savoir cartographier les atouts touristiques et leurs acteurs."),
        ],
        [
            ("Journée commune à la VVSG", ""),
            ("Tourisme et vergers", ""),
            ("L'« ADN » de Sint-Truiden", "Comment une ville formule-t-elle son identité ?"),
            ("La carte des atouts touristiques", ""),
            ("Bilan et plan d'action", ""),
        ],
    ),
    ("march", "Laarne-Ouinhi"): (
        "In het kader van de SDG-partnerschappen (2024-2025) wisselen Laarne en Ouinhi uit over "
        "lokale economie en burgerparticipatie. Na het bezoek van Ouinhi in september 2024 "
        "bezoekt Laarne nu zijn partner.",
        "De delegatie van Laarne komt zien hoe Ouinhi zijn adviesraden levendig houdt, hoe de "
        "lokale actoren projectvoorstellen mee beoordelen en hoe de gemeente haar producenten "
        "steunt.",
        "Ouinhi, landelijke gemeente in het departement Zou: een adviesraad van economische "
        "operatoren die elk kwartaal vergadert, een gemeentelijke ADTA-cel voor de "
        "landbouwketens, dorpshoofden die de informatie doorgeven.",
        [
            (
                "joint-participation",
                "Zien hoe lokale actoren projectvoorstellen met scores beoordelen.",
            ),
            (
                "joint-participation",
                "Begrijpen hoe de adviesraad van de economische operatoren zijn leden kiest.",
            ),
            ("joint-marketing", "Zien hoe de gemeente de verkoop van lokale producten steunt."),
        ],
        [
            ("Gezamenlijke dag in Bohicon", ""),
            ("Participatieve evaluatie", "Hoe beoordelen lokale actoren projectvoorstellen?"),
            ("Adviesraad en markt", ""),
            ("Dorpen en landbouwketens", ""),
            ("Terugblik en actieplan", ""),
        ],
    ),
    ("march", "Sint-Truiden-Covè"): (
        "In het kader van de SDG-partnerschappen (2024-2025) wisselen Sint-Truiden en Covè uit "
        "over lokale economie en toerisme. Na het bezoek van Covè in september 2024 bezoekt "
        "Sint-Truiden nu zijn partner; de dienst Toerisme wordt vervangen door het agentschap "
        "Shop & the City.",
        "De delegatie van Sint-Truiden komt zien hoe Covè zijn producenten en handelaars "
        "betrekt, voor de lokale verkoop van lokale producten en een participatieve "
        "voedselstrategie.",
        "Covè, gemeente in het departement Zou: een dienst lokale ontwikkeling en planning die "
        "ook bevoegd is voor toerisme, producentengroeperingen op de markt, een partnerschap "
        "met Doornik.",
        [
            (
                "joint-marketing",
                "Zien welke rol de gemeente speelt in de verkoop van lokale producten.",
            ),
            ("joint-participation", "Horen wat producenten verwachten van een landbouwraad."),
        ],
        [
            ("Gezamenlijke dag in Bohicon", ""),
            ("Markt en producenten", "Welke rol speelt de gemeente op de markt?"),
            ("Landbouw en handel", ""),
            ("Wijken, dorpen en toerisme", ""),
            ("Terugblik en actieplan", ""),
        ],
    ),
}

# The focal points who prepare, validate and sign: the host proposes the programme (tool 6),
# the visitor writes and validates the terms (tool 7), the host signs them.
FOCAL_POINTS = {
    "Laarne": "focal_laarne",
    "Ouinhi": "focal_ouinhi",
    "Sint-Truiden": "focal_sint_truiden",
    "Covè": "focal_cove",
}


def load(world):
    questions = world.learning_questions
    # Preparing its visit to Covè, Sint-Truiden made the municipality's role in marketing local
    # products a Must-have (tool 6 sets the same priority as the learning-questions table).
    role = questions["joint-marketing"].subquestions.get(order=2)
    if role.priority != role.Priority.MUST:
        services.set_priority(role, role.Priority.MUST, by=world.users["focal_sint_truiden"])
    world.visits = {}
    for key, (direction, start, partnerships, description) in VISITS.items():
        visit = _visit(world, direction, start, partnerships, description)
        world.visits[key] = visit
        for delegation in visit.delegations.select_related("partnership__north", "visitor"):
            name = f"{delegation.partnership.north.name}-{delegation.partnership.south.name}"
            if name == "Schoten-Lalo":
                if not delegation.is_withdrawn:
                    services.withdraw(
                        delegation,
                        date=LALO_WITHDRAWN_ON,
                        reason=LALO_REASON,
                        by=world.users["staff"],
                    )
                continue
            _members(delegation, MEMBERS[key, name])
            _programme(world, key, delegation, JOINT[key] + AT_THE_PARTNER[key, name])
            _terms(world, delegation, *TERMS[key, name])


def _visit(world, direction, start, partnerships, description):
    visit = SiteVisit.objects.filter(programme=world.programme, start_date=start).first()
    if visit is None:
        visit = services.plan_visit(
            programme=world.programme,
            direction=direction,
            start_date=start,
            end_date=day(start, 5),
            partnerships=[world.partnerships[name] for name in partnerships],
            description=description,
        )
        visit.guides.set([world.users["consultant"], world.users["staff"]])
    return visit


def _members(delegation, members):
    for order, (name, position, profile, languages) in enumerate(members):
        DelegationMember.objects.get_or_create(
            delegation=delegation,
            name=name,
            defaults={
                "position": position,
                "profile": profile,
                "languages": languages,
                "order": order,
            },
        )


def _programme(world, key, delegation, activities):
    """Tool 6, proposed by the host, shared and reviewed like the other demo tools."""
    if Delegation.objects.filter(pk=delegation.pk, activitytable__isnull=False).exists():
        return
    questions = world.learning_questions
    author = world.users[FOCAL_POINTS[delegation.host.name]]
    start = delegation.visit.start_date
    rows = [
        {
            "date": day(start, number),
            "start": at(begin),
            "end": at(end),
            "activity": activity,
            "place": place,
            "accompanying": accompanying,
            "subquestions": [
                questions[question].subquestions.get(order=order) for question, order in linked
            ],
        }
        for number, begin, end, activity, place, accompanying, linked in sorted(
            activities, key=lambda row: (row[0], row[1])
        )
    ]
    sheet = sheets.sheet_create(
        tool=get_tool("visit-programme"),
        owner=delegation.host,
        programme=world.programme,
        user=author,
        values={"delegation": delegation, "remarks": REMARKS[key]},
        rows={"activities": rows},
    )
    sheet.transition("share", by=author)
    sheet.transition("review", by=world.users["consultant"])


def _terms(world, delegation, context, objectives, local_context, specific, days):
    """Tool 7, written and validated by the visitor's focal point, signed by the host's."""
    if Delegation.objects.filter(pk=delegation.pk, termsofreference__isnull=False).exists():
        return
    visitor = world.users[FOCAL_POINTS[delegation.visitor.name]]
    host = world.users[FOCAL_POINTS[delegation.host.name]]
    questions = world.learning_questions
    sheet = sheets.sheet_create(
        tool=get_tool("terms-of-reference"),
        owner=delegation.visitor,
        programme=world.programme,
        user=visitor,
        values={
            "delegation": delegation,
            "context": context,
            "objectives": objectives,
            "local_context": local_context,
        },
        rows={
            "specific_objectives": [
                {"question": questions[question], "text": text} for question, text in specific
            ],
            "day_plans": [
                {"date": date, "overall_activity": overall, "central_question": central}
                for date, (overall, central) in zip(delegation.visit.days, days, strict=True)
            ],
        },
    )
    sheet.transition("validate", by=visitor)
    sheet.transition("sign", by=host)
