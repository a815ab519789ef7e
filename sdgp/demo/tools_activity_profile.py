"""Tool 2 for the four municipalities that completed the pilot: three projects each, with the
strategies used for the participation of local actors and their scores.

The report does not give the filled-in profiles; the projects follow what it tells of each
municipality's starting point: Laarne's advisory councils that had lost their dynamism and its
dialogue with the market traders, Ouinhi's low tax revenue and its participatory scoring of
project proposals, Sint-Truiden's citizens' trust, fruit-growing tourism and agricultural
council, Covè's tourist office. Written in French, the working language with Benin.
"""

from django.contrib.contenttypes.models import ContentType

from learning.models import Comment
from learning.tools.activity_profile import ActivityProfile, Strategy

# Phases: D = design, E = execution, M = monitoring and evaluation.
# project name -> (description, [(strategy, phases, quantity, quality, comments)])
PROFILES = {
    "Laarne": {
        "Redynamiser les conseils consultatifs": (
            "Les conseils consultatifs (agriculture, tourisme, économie locale, jeunesse) ont "
            "perdu beaucoup de leur dynamisme : peu de membres, toujours les mêmes personnes.",
            [
                (
                    "Appel public à candidatures pour les conseils",
                    "D",
                    4,
                    4,
                    "Peu de réponses ; ce sont souvent les mêmes personnes qui se présentent.",
                ),
                (
                    "Réunions thématiques ouvertes à tous les habitants",
                    "DE",
                    5,
                    6,
                    "Bonne participation quand le thème est concret et proche des gens.",
                ),
                (
                    "Avis écrits des conseils sur le programme pluriannuel",
                    "DM",
                    3,
                    5,
                    "Les avis arrivent tard ; la commune donne peu de retour aux conseils.",
                ),
            ],
        ),
        "Concertation avec les marchands du marché hebdomadaire": (
            "La commune soutient les marchands présents au marché et connaît leurs besoins.",
            [
                (
                    "Concertation régulière avec les marchands sur leurs besoins",
                    "DEM",
                    8,
                    8,
                    "Une relation constructive entre la commune et les marchands.",
                ),
                ("Présence du service Économie locale sur le marché", "E", 7, 7, ""),
            ],
        ),
        "Réaménagement d'une rue et d'une place de village": (
            "Un projet à l'échelle d'une rue et d'un quartier.",
            [
                (
                    "Promenade dans la rue avec les riverains avant les plans",
                    "D",
                    6,
                    8,
                    "Les riverains apportent des idées concrètes ; peu de jeunes.",
                ),
                (
                    "Enquête en ligne sur le projet d'aménagement",
                    "D",
                    7,
                    4,
                    "Beaucoup de réponses, mais des avis surtout individuels.",
                ),
                ("Lettre d'information aux riverains pendant les travaux", "E", 6, 5, ""),
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
        "Renforcer la confiance des citoyens": (
            "Après une série d'événements récents, la confiance des citoyens dans la commune "
            "est faible.",
            [
                (
                    "Soirées d'information dans les quartiers",
                    "E",
                    4,
                    4,
                    "Viennent surtout des citoyens déjà critiques.",
                ),
                ("Point de contact unique et suivi des plaintes", "EM", 6, 5, ""),
                (
                    "Panel citoyen sur le programme pluriannuel",
                    "D",
                    3,
                    7,
                    "Petit groupe, mais des avis de qualité.",
                ),
            ],
        ),
        "Tourisme lié à l'arboriculture fruitière": (
            "La saison des fleurs et des fruits, portée par les acteurs locaux.",
            [
                (
                    "Concertation avec les arboriculteurs et l'horeca",
                    "DE",
                    8,
                    8,
                    "Les acteurs locaux portent le tourisme ; la ville soutient et coordonne.",
                ),
                ("Circuits à vélo conçus avec les associations locales", "D", 6, 7, ""),
                ("Évaluation de la saison avec les partenaires", "M", 6, 7, ""),
            ],
        ),
        "Participation au conseil agricole": (
            "Le conseil agricole doit donner son avis sur la stratégie alimentaire.",
            [
                (
                    "Invitation de tous les agriculteurs aux réunions",
                    "E",
                    3,
                    5,
                    "Peu de jeunes agriculteurs ; les réunions ont lieu en journée.",
                ),
                ("Avis du conseil sur la stratégie alimentaire", "D", 4, 6, ""),
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
        "Redynamiser les conseils consultatifs",
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
