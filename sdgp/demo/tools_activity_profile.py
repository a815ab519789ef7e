"""Tool 2 for the four municipalities that completed the pilot: three projects each, with the
strategies used for the participation of local actors and their scores.

The report does not give the filled-in profiles; the projects follow what it tells of each
municipality's starting point: Laarne's advisory councils that had lost their dynamism and its
dialogue with the market traders, Ouinhi's low tax revenue and its participatory scoring of
project proposals, Sint-Truiden's citizens' trust, fruit-growing tourism and agricultural
council, Covè's tourist office. Each written in its municipality's language (French for Ouinhi
and Covè, Dutch for Laarne and Sint-Truiden); the partners comment in French, the working
language of the pilot.
"""

from django.contrib.contenttypes.models import ContentType

from learning.models import Comment
from learning.tools.activity_profile import ActivityProfile, Strategy

# Phases: D = design, E = execution, M = monitoring and evaluation.
# project name -> (description, [(strategy, phases, quantity, quality, comments)])
PROFILES = {
    "Laarne": {
        "De adviesraden opnieuw dynamisch maken": (
            "De adviesraden (landbouw, toerisme, lokale economie, jeugd) hebben veel van hun "
            "dynamiek verloren: weinig leden, altijd dezelfde mensen.",
            [
                (
                    "Openbare oproep tot kandidaten voor de raden",
                    "D",
                    4,
                    4,
                    "Weinig reacties; vaak stellen dezelfde mensen zich kandidaat.",
                ),
                (
                    "Thematische bijeenkomsten open voor alle inwoners",
                    "DE",
                    5,
                    6,
                    "Goede opkomst als het thema concreet is en dicht bij de mensen staat.",
                ),
                (
                    "Schriftelijke adviezen van de raden over het meerjarenplan",
                    "DM",
                    3,
                    5,
                    "De adviezen komen laat; de gemeente geeft de raden weinig terugkoppeling.",
                ),
            ],
        ),
        "Overleg met de marktkramers van de wekelijkse markt": (
            "De gemeente ondersteunt de marktkramers en kent hun noden.",
            [
                (
                    "Regelmatig overleg met de marktkramers over hun noden",
                    "DEM",
                    8,
                    8,
                    "Een constructieve relatie tussen de gemeente en de marktkramers.",
                ),
                ("Aanwezigheid van de dienst Lokale Economie op de markt", "E", 7, 7, ""),
            ],
        ),
        "Heraanleg van een straat en een dorpsplein": (
            "Een project op de schaal van een straat en een wijk.",
            [
                (
                    "Wandeling door de straat met de buurtbewoners vóór de plannen",
                    "D",
                    6,
                    8,
                    "De buurtbewoners brengen concrete ideeën aan; weinig jongeren.",
                ),
                (
                    "Online bevraging over het ontwerp van de heraanleg",
                    "D",
                    7,
                    4,
                    "Veel reacties, maar vooral individuele meningen.",
                ),
                ("Nieuwsbrief voor de buurtbewoners tijdens de werken", "E", 6, 5, ""),
            ],
        ),
    },
    "Ouinhi": {
        "Mobilisation des recettes fiscales locales": (
            "Les recettes fiscales de la commune sont trop faibles pour financer ses projets.",
            [
                (
                    "Séances de sensibilisation des commerçants sur les marchés",
                    "E",
                    5,
                    4,
                    "Les commerçants ne voient pas ce que la commune fait pour eux.",
                ),
                ("Annonces par crieur public dans les villages", "E", 6, 3, ""),
                (
                    "Rencontre annuelle avec les chefs de village et d'arrondissement",
                    "DM",
                    6,
                    6,
                    "Utile pour expliquer les taxes, mais une seule fois par an.",
                ),
            ],
        ),
        "Élaboration du plan de développement communal": (
            "Le plan de développement de la commune, préparé avec les villages.",
            [
                (
                    "Consultations dans les villages et les arrondissements",
                    "D",
                    8,
                    7,
                    "Les besoins des villages sont bien connus.",
                ),
                (
                    "Évaluation participative des propositions de projets, avec des scores",
                    "DM",
                    8,
                    9,
                    "Les acteurs locaux notent les projets avec la commune : des choix "
                    "transparents et acceptés.",
                ),
                ("Restitution publique du plan adopté", "M", 5, 6, ""),
            ],
        ),
        "Entretien des pistes rurales": (
            "Les pistes qui relient les villages aux marchés.",
            [
                ("Choix des tronçons prioritaires avec les producteurs", "D", 6, 7, ""),
                (
                    "Comités villageois d'entretien des pistes",
                    "EM",
                    7,
                    6,
                    "Manque de moyens pour les outils.",
                ),
            ],
        ),
    },
    "Sint-Truiden": {
        "Het vertrouwen van de burgers versterken": (
            "Na een reeks recente gebeurtenissen is het vertrouwen van de burgers in de gemeente "
            "laag.",
            [
                (
                    "Infoavonden in de wijken",
                    "E",
                    4,
                    4,
                    "Vooral burgers die al kritisch zijn, komen af.",
                ),
                ("Eén centraal aanspreekpunt en opvolging van klachten", "EM", 6, 5, ""),
                (
                    "Burgerpanel over het meerjarenplan",
                    "D",
                    3,
                    7,
                    "Kleine groep, maar adviezen van goede kwaliteit.",
                ),
            ],
        ),
        "Fruittoerisme": (
            "Het bloesem- en fruitseizoen, gedragen door de lokale actoren.",
            [
                (
                    "Overleg met de fruittelers en de horeca",
                    "DE",
                    8,
                    8,
                    "De lokale actoren dragen het toerisme; de stad ondersteunt en coördineert.",
                ),
                ("Fietsroutes uitgewerkt met de lokale verenigingen", "D", 6, 7, ""),
                ("Evaluatie van het seizoen met de partners", "M", 6, 7, ""),
            ],
        ),
        "Participatie in de landbouwraad": (
            "De landbouwraad moet advies geven over de voedselstrategie.",
            [
                (
                    "Uitnodiging van alle landbouwers voor de vergaderingen",
                    "E",
                    3,
                    5,
                    "Weinig jonge landbouwers; de vergaderingen vinden overdag plaats.",
                ),
                ("Advies van de raad over de voedselstrategie", "D", 4, 6, ""),
            ],
        ),
    },
    "Covè": {
        "Création de l'office du tourisme": (
            "Le tourisme est presque inexistant ; la commune veut créer un office du tourisme.",
            [
                (
                    "Délibération du conseil communal et comité de pilotage",
                    "D",
                    4,
                    5,
                    "Surtout des élus et des services ; peu d'acteurs privés.",
                ),
                ("Rencontres avec les hôteliers et les restaurateurs", "D", 3, 6, ""),
            ],
        ),
        "Organisation du marché communal": (
            "Le fonctionnement du marché, avec ses commerçantes.",
            [
                ("Concertation avec l'association des femmes commerçantes", "DE", 7, 7, ""),
                (
                    "Comité de gestion du marché",
                    "EM",
                    6,
                    5,
                    "Les rôles du comité et de la mairie sont peu clairs.",
                ),
            ],
        ),
        "Promotion des produits agricoles locaux": (
            "Faire connaître les produits des groupements de producteurs.",
            [
                ("Foire agricole avec les groupements de producteurs", "E", 7, 6, ""),
                ("Réunions avec les coopératives", "D", 5, 5, ""),
            ],
        ),
    },
}

OWNERS = {
    "Laarne": "focal_laarne",
    "Ouinhi": "focal_ouinhi",
    "Sint-Truiden": "focal_sint_truiden",
    "Covè": "focal_cove",
}

# (owner, project, commenting role, text)
COMMENTS = [
    (
        "Laarne",
        "De adviesraden opnieuw dynamisch maken",
        "focal_ouinhi",
        "Chez nous, les membres des conseils sont désignés par leurs groupements. "
        "Nous pourrons en parler lors de votre visite.",
    ),
    (
        "Ouinhi",
        "Élaboration du plan de développement communal",
        "focal_laarne",
        "L'évaluation des projets avec des scores nous intéresse beaucoup.",
    ),
    (
        "Covè",
        "Création de l'office du tourisme",
        "consultant",
        "Pensez aussi aux acteurs locaux : qui fera vivre l'office du tourisme ?",
    ),
]


def load(world):
    world.activity_profiles = {}
    for name, projects in PROFILES.items():
        world.activity_profiles[name] = [
            _profile(world, name, project, description, strategies)
            for project, (description, strategies) in projects.items()
        ]
    for name, project, role, text in COMMENTS:
        sheet = ActivityProfile.objects.owned_by(world.lg[name]).get(project_name=project)
        Comment.objects.get_or_create(
            content_type=ContentType.objects.get_for_model(sheet),
            object_id=sheet.pk,
            author=world.users[role],
            text=text,
        )


def _profile(world, name, project, description, strategies):
    owner = world.lg[name]
    author = world.users[OWNERS[name]]
    sheet = ActivityProfile.objects.owned_by(owner).filter(project_name=project).first()
    if sheet is None:
        sheet = ActivityProfile(
            programme=world.programme,
            created_by=author,
            project_name=project,
            project_description=description,
        )
        sheet._history_user = author
        sheet.save()
        sheet.owners.set([owner])
    for text, phases, quantity, quality, comments in strategies:
        Strategy.objects.get_or_create(
            sheet=sheet,
            strategy=text,
            defaults={
                "in_design": "D" in phases,
                "in_execution": "E" in phases,
                "in_monitoring_evaluation": "M" in phases,
                "quantity": quantity,
                "quality": quality,
                "comments": comments,
            },
        )
    if sheet.status == sheet.Status.DRAFT:
        sheet.transition("share", by=author)
        sheet.transition("review", by=world.users["consultant"])
    return sheet
