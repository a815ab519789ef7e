"""Tool 4 for the four municipalities that completed the pilot: a SWOT (FFOM) analysis of one
project of their activity profile, with the challenges and strategies drawn from it with the
consultant.

The strategies announce what the report says each municipality went on to do: Laarne writes
to potential council members by name and leans on associations, Ouinhi sets up an advisory
council of economic operators, Covè maps its tourist assets and its local "ADN", Sint-Truiden
looks at the agricultural council for a participatory food strategy. Each in its municipality's
language (French for Ouinhi and Covè, Dutch for Laarne and Sint-Truiden), as are the
consultant's comments; the partners comment in French, the working language of the pilot.
"""

from django.contrib.contenttypes.models import ContentType

from learning.models import Comment
from learning.tools.swot import Swot, SwotItem

# owner -> (project, {quadrant: [items]}, challenges, strategies)
ANALYSES = {
    "Laarne": (
        "De adviesraden opnieuw dynamisch maken",
        {
            "S": [
                "Algemeen directeur betrokken als focal point",
                "Goede banden tussen de diensten en de verenigingen",
                "Steun van het college",
            ],
            "W": [
                "Altijd dezelfde leden in de raden",
                "Weinig terugkoppeling aan de raden over hun adviezen",
                "Weinig personeelstijd om de raden te begeleiden",
            ],
            "O": [
                "Nieuw meerjarenplan na de verkiezingen",
                "Voorbeeld van Ouinhi: leden aangeduid door hun groeperingen",
                "Rijk verenigingsleven",
            ],
            "T": [
                "Lokale verkiezingen van oktober 2024",
                "Inspraakmoeheid bij de inwoners",
                "Wettelijke regels voor de samenstelling van de raden",
            ],
        },
        "De adviesraden representatiever en levendiger maken; de leden echte terugkoppeling "
        "geven over hun adviezen.",
        "Mogelijke deelnemers nominatief aanschrijven; verenigingen betrekken in plaats van "
        "alleen individuen; werken op het niveau van straten en wijken; een dorpsraad met "
        "uitgelote leden uitproberen.",
    ),
    "Ouinhi": (
        "Mobilisation des recettes fiscales locales",
        {
            "S": [
                "Évaluation participative des projets déjà pratiquée",
                "Chefs de village relais de l'information",
                "Engagement du Secrétaire Exécutif",
            ],
            "W": [
                "Faible confiance des commerçants envers la mairie",
                "Pas de dialogue structuré avec les acteurs économiques",
                "Décisions du conseil communal peu connues des habitants",
            ],
            "O": [
                "Le marché de Laarne : un modèle de dialogue avec les marchands",
                "Hangar de stockage demandé par les producteurs",
                "Appui de l'ANCB",
            ],
            "T": [
                "Pistes impraticables en saison des pluies",
                "Concurrence des marchés des communes voisines",
                "Connexion internet instable",
            ],
        },
        "Passer d'une logique de collecte des taxes à un dialogue constructif avec les acteurs "
        "économiques locaux, pour mieux répondre à leurs besoins.",
        "Créer un conseil consultatif des opérateurs économiques avec des réunions "
        "trimestrielles ; répondre à leurs demandes (hangar de stockage, entretien des pistes) ; "
        "publier les décisions du conseil communal sur un petit site web.",
    ),
    "Sint-Truiden": (
        "Participatie in de landbouwraad",
        {
            "S": [
                "Dienst Toerisme ervaren in fruittoerisme",
                "Dienst Internationale Samenwerking en stedenbanden",
                "Agentschap Shop & the City, dicht bij het toerisme",
            ],
            "W": [
                "Weinig representatieve landbouwraad",
                "Beperkt vertrouwen van de burgers in de gemeente",
            ],
            "O": [
                "Participatieve voedselstrategie in voorbereiding",
                "Interesse van de inwoners voor lokale producten",
            ],
            "T": [
                "Verkoop van gemeentegronden aan landbouwproducenten",
                "Wisselende politieke prioriteiten",
            ],
        },
        "De lokale verkoop van lokale producten en de burgerparticipatie in de landbouwraad "
        "versterken.",
        "De landbouwraad openstellen voor andere actoren uit de voedselketen; de lokale "
        "producenten bekendmaken samen met de dienst Toerisme.",
    ),
    "Covè": (
        "Création de l'office du tourisme",
        {
            "S": [
                "Service du développement local chargé du tourisme",
                "Patrimoine et « ADN » locaux riches",
                "Partenariat avec Tournai",
            ],
            "W": [
                "Acteurs du tourisme peu organisés",
                "Budget communal limité",
                "Pas de vision partagée du tourisme",
            ],
            "O": [
                "Le tourisme, axe prioritaire du gouvernement national",
                "Visite d'étude à Sint-Truiden en septembre 2024",
                "Réseaux sociaux pour faire connaître l'office",
            ],
            "T": [
                "Concurrence d'autres destinations",
                "Départ du personnel formé",
            ],
        },
        "Organiser les acteurs locaux autour du tourisme et construire avec eux une vision "
        "partagée du tourisme.",
        "Cartographier les atouts touristiques ; systématiser l'« ADN » local dans une brochure "
        "(« Covè en 10 regards ») ; contacter l'hôtellerie, les acteurs agricoles et les troupes "
        "de théâtre en vue d'une structure de concertation ; ouvrir l'office du tourisme et sa "
        "page Facebook.",
    ),
}

AUTHORS = {
    "Laarne": "focal_laarne",
    "Ouinhi": "focal_ouinhi",
    "Sint-Truiden": "focal_sint_truiden",
    "Covè": "focal_cove",
}
REVIEWED = {"Laarne", "Ouinhi", "Covè"}
# (owner, commenting role, text)
COMMENTS = [
    (
        "Laarne",
        "focal_ouinhi",
        "Nous pouvons vous montrer comment notre conseil des opérateurs économiques choisit "
        "ses membres.",
    ),
    (
        "Laarne",
        "consultant",
        "Goede basis: de zwakte 'altijd dezelfde leden' wordt jullie belangrijkste uitdaging.",
    ),
    (
        "Covè",
        "consultant",
        "Les stratégies sont concrètes. Qui, parmi les acteurs locaux, portera la structure de "
        "concertation ?",
    ),
]


def load(world):
    world.swots = {name: _swot(world, name, *analysis) for name, analysis in ANALYSES.items()}
    for name, role, text in COMMENTS:
        sheet = world.swots[name]
        Comment.objects.get_or_create(
            content_type=ContentType.objects.get_for_model(sheet),
            object_id=sheet.pk,
            author=world.users[role],
            text=text,
        )


def _swot(world, name, project, quadrants, challenges, strategies):
    owner = world.lg[name]
    author = world.users[AUTHORS[name]]
    sheet = Swot.objects.owned_by(owner).filter(project_name=project).first()
    if sheet is None:
        sheet = Swot(
            programme=world.programme,
            created_by=author,
            project_name=project,
            challenges=challenges,
            strategies=strategies,
        )
        sheet._history_user = author
        sheet.save()
        sheet.owners.set([owner])
    for quadrant, items in quadrants.items():
        for order, text in enumerate(items):
            if not SwotItem.objects.filter(sheet=sheet, quadrant=quadrant, text=text).exists():
                item = SwotItem(sheet=sheet, quadrant=quadrant, text=text, order=order)
                item._history_user = author
                item.save()
    if sheet.status == sheet.Status.DRAFT:
        sheet.transition("share", by=author)
        if name in REVIEWED:
            sheet.transition("review", by=world.users["consultant"])
    return sheet
