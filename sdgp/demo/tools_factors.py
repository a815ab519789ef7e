"""Tool 3 for the four municipalities that completed the pilot: the factors that helped and
those that hindered participation in the projects of their activity profile.

The report does not give the filled-in tables; the factors follow what it tells of each
municipality: Laarne's advisory councils that had lost their dynamism, Ouinhi's economic actors
who did not trust the town hall, Sint-Truiden's agricultural council and its political
decisions, Covè's scattered tourism actors and its local "ADN". Each written in its
municipality's language (French for Ouinhi and Covè, Dutch for Laarne and Sint-Truiden), as are
the consultant's words to it; the partners comment in French, the working language of the
pilot. Laarne's and Ouinhi's are reviewed, Sint-Truiden's is shared, Covè's was
returned for changes by the consultant.
"""

from django.contrib.contenttypes.models import ContentType

from learning import services
from learning.models import Comment
from learning.tools.factors import Factor, FactorAnalysis

INT, EXT = "internal", "external"
# owner -> (remarks, positive factors, negative factors); a factor is (score, level, origin, text)
ANALYSES = {
    "Laarne": (
        "Factoren vastgesteld in onze drie projecten, vooral in de adviesraden.",
        [
            (8, "political", INT, "Steun van het college van burgemeester en schepenen"),
            (8, "social", EXT, "Rijk en actief verenigingsleven"),
            (6, "social", EXT, "Actieve en gemotiveerde Mondiale Raad"),
            (5, "other", INT, "Gemeentelijk magazine Klaar, verspreid bij alle gezinnen"),
        ],
        [
            (9, "social", EXT, "Adviesraden met altijd dezelfde mensen"),
            (
                8,
                "political",
                INT,
                "Weinig terugkoppeling van de gemeente op de adviezen van de raden",
            ),
            (6, "social", EXT, "Avondvergaderingen moeilijk voor jonge ouders"),
            (
                5,
                "political",
                EXT,
                "Lokale verkiezingen van oktober 2024: onzekerheid over het vervolg",
            ),
            (
                4,
                "legal",
                EXT,
                "Weinig flexibele wettelijke regels voor de samenstelling van de raden",
            ),
        ],
    ),
    "Ouinhi": (
        "Facteurs observés dans la mobilisation des recettes et le plan de développement.",
        [
            (9, "political", INT, "Évaluation participative des projets, avec des scores"),
            (8, "economic", EXT, "Groupements de femmes productrices bien organisés"),
            (7, "social", EXT, "Chefs de village et d'arrondissement, relais de l'information"),
            (5, "other", EXT, "Appui de l'ANCB"),
        ],
        [
            (9, "social", EXT, "Manque de confiance des acteurs économiques envers la mairie"),
            (8, "economic", EXT, "Les commerçants ne voient pas à quoi servent les taxes payées"),
            (7, "environmental", EXT, "Pistes rurales impraticables en saison des pluies"),
            (6, "technological", EXT, "Connexion internet instable pour informer en ligne"),
            (5, "economic", INT, "Peu de personnel pour suivre les marchés"),
        ],
    ),
    "Sint-Truiden": (
        "Factoren vastgesteld in onze projecten over het vertrouwen van de burgers en de landbouw.",
        [
            (8, "economic", INT, "Ervaring van de dienst Toerisme met fruittoerisme"),
            (7, "other", INT, "Ervaren dienst Internationale Samenwerking en stedenbanden"),
            (7, "economic", EXT, "Fruittelers geïnteresseerd in lokale verkoop"),
        ],
        [
            (8, "political", EXT, "Beperkt vertrouwen van de burgers in de gemeente"),
            (7, "social", EXT, "Landbouwraad weinig representatief voor de producenten"),
            (6, "political", INT, "Politieke beslissingen die de prioriteiten veranderen"),
        ],
    ),
    "Covè": (
        "Facteurs observés dans la création de l'office du tourisme.",
        [
            (9, "cultural", EXT, "Richesse du patrimoine et de l'« ADN » de Covè"),
            (8, "political", EXT, "Le tourisme, axe prioritaire du gouvernement national"),
            (7, "other", INT, "Service du développement local, chargé du tourisme, motivé"),
        ],
        [
            (8, "social", EXT, "Acteurs du tourisme dispersés et peu organisés"),
            (7, "economic", INT, "Moyens financiers limités de la commune"),
        ],
    ),
}

AUTHORS = {
    "Laarne": "focal_laarne",
    "Ouinhi": "focal_ouinhi",
    "Sint-Truiden": "focal_sint_truiden",
    "Covè": "focal_cove",
}
REVIEWED = {"Laarne", "Ouinhi"}
# owner -> what the consultant asked when returning the sheet
RETURNED = {
    "Covè": "Merci ! Pouvez-vous ajouter les facteurs externes liés aux acteurs locaux "
    "(hôtellerie, producteurs, troupes de théâtre) et leur donner un score ?",
}
# (owner, commenting role, text)
COMMENTS = [
    (
        "Laarne",
        "focal_ouinhi",
        "Le retour aux conseils est aussi notre difficulté. Chez nous, les membres sont "
        "désignés par leurs groupements : cela pourrait vous intéresser.",
    ),
    (
        "Ouinhi",
        "consultant",
        "Le manque de confiance des acteurs économiques est le facteur le plus fort : "
        "c'est une bonne base pour votre question d'apprentissage.",
    ),
]


def load(world):
    world.factor_analyses = {
        name: _analysis(world, name, *analysis) for name, analysis in ANALYSES.items()
    }
    for name, role, text in COMMENTS:
        sheet = world.factor_analyses[name]
        Comment.objects.get_or_create(
            content_type=ContentType.objects.get_for_model(sheet),
            object_id=sheet.pk,
            author=world.users[role],
            text=text,
        )


def _analysis(world, name, remarks, positive, negative):
    owner = world.lg[name]
    author = world.users[AUTHORS[name]]
    sheet = FactorAnalysis.objects.owned_by(owner).first()
    if sheet is None:
        sheet = FactorAnalysis(programme=world.programme, created_by=author, remarks=remarks)
        sheet._history_user = author
        sheet.save()
        sheet.owners.set([owner])
        services.sheet_scope_claim(sheet=sheet)
    factors = [("positive", *factor) for factor in positive]
    factors += [("negative", *factor) for factor in negative]
    for impact, score, level, origin, text in factors:
        if not Factor.objects.filter(sheet=sheet, text=text).exists():
            row = Factor(
                sheet=sheet, text=text, impact=impact, score=score, level=level, origin=origin
            )
            row._history_user = author
            row.save()
    if sheet.status == sheet.Status.DRAFT:
        sheet.transition("share", by=author)
        consultant = world.users["consultant"]
        if name in REVIEWED:
            sheet.transition("review", by=consultant)
        elif name in RETURNED:
            sheet = services.sheet_transition(
                sheet=sheet, name="return", user=consultant, reason=RETURNED[name]
            )
    return sheet
