"""Tool 1 for the four municipalities that completed the pilot: their presentation sheets.

The report says each municipality introduced itself (residents, organisational structure,
priorities and challenges) and names the departments involved; the sheets use those facts and
are written in French, the working language with Benin. Population figures are approximate
census figures, not from the report. Pictures are drawn here (no real photos are shipped).
The sheets were shared and reviewed early in 2024.
"""

from django.contrib.contenttypes.models import ContentType
from PIL import Image, ImageDraw, ImageFont

from learning import services
from learning.images import reencode
from learning.models import Comment
from learning.tools.presentation import PresentationImage, PresentationPerson, PresentationSheet

BELGIUM = (
    "La Belgique est un État fédéral : l'État fédéral, trois communautés (flamande, française, "
    "germanophone) et trois régions (flamande, wallonne, Bruxelles-Capitale), chacune avec son "
    "parlement et son gouvernement."
)
FLANDERS = (
    "En Flandre, la Communauté et la Région ont un seul parlement et un seul gouvernement, "
    "compétents notamment pour les pouvoirs locaux. {province} est une des cinq provinces."
)
FLEMISH_MUNICIPALITY = (
    "Le conseil communal est élu pour six ans (dernières élections en octobre 2024). Le collège "
    "du bourgmestre et des échevins exécute la politique ; le directeur général dirige "
    "l'administration. Le CPAS est intégré à la commune."
)
BENIN = (
    "Le Bénin est une république unitaire à régime présidentiel. L'État est représenté dans "
    "chacun des douze départements par un préfet."
)
ZOU = "{name} fait partie du département du Zou ; le préfet y exerce la tutelle des communes."
BENIN_COMMUNE = (
    "La commune est une collectivité décentralisée : un conseil communal élu, le maire et ses "
    "adjoints, des arrondissements, des villages et des quartiers de ville. Le Secrétaire "
    "Exécutif dirige l'administration communale."
)

SHEETS = {
    "Laarne": {
        "owner": "focal_laarne",
        "colour": (46, 125, 50),
        "fields": {
            "national_structure": BELGIUM,
            "regional_structure": FLANDERS.format(province="La Flandre-Orientale"),
            "local_structure": FLEMISH_MUNICIPALITY,
            "organisational_structure": (
                "La directrice générale dirige l'administration. Services : Communication, "
                "Finances, Loisirs, Politique et organisation, Économie locale, Jeunesse, Affaires "
                "sociales. Des conseils consultatifs : agriculture, tourisme, économie locale, "
                "jeunesse, conseil mondial."
            ),
            "location": "En Flandre-Orientale, à une douzaine de kilomètres à l'est de Gand.",
            "population": 12900,
            "economic_activities": "Agriculture et horticulture, petits commerces, services.",
            "major_events": "Le marché hebdomadaire ; les activités culturelles au château.",
            "tourist_attractions": "Le château de Laarne, un château à douves ; balades à vélo.",
            "reasons": (
                "Nos conseils consultatifs ont perdu beaucoup de leur dynamisme ; au Bénin, ils "
                "sont souvent très dynamiques. Nous voulons apprendre d'Ouinhi et partager notre "
                "expérience, par exemple la concertation avec les marchands du marché."
            ),
            "expectations": (
                "Des conseils consultatifs plus dynamiques et plus diversifiés, tournés vers des "
                "objectifs communs ; une relation durable avec Ouinhi."
            ),
        },
        "people": [
            ("Demo Focal Point Laarne", "Directrice générale", 9, "internal"),
            ("Demo Team Member Laarne", "Service Économie locale", 4, "internal"),
            ("Service Communication", "Magazine communal Klaar", None, "internal"),
            ("Conseil mondial de Laarne", "Conseil consultatif", None, "external"),
        ],
        "images": ["Le château de Laarne", "Le marché hebdomadaire", "La campagne de Laarne"],
    },
    "Ouinhi": {
        "owner": "focal_ouinhi",
        "colour": (191, 144, 0),
        "fields": {
            "national_structure": BENIN,
            "regional_structure": ZOU.format(name="Ouinhi"),
            "local_structure": BENIN_COMMUNE,
            "organisational_structure": (
                "Secrétariat Exécutif ; Direction du Développement Local et de la Planification ; "
                "Direction des Affaires Administratives et Financières ; Direction des Systèmes "
                "d'Information ; commission des affaires économiques et financières du conseil."
            ),
            "location": "Dans le département du Zou, dans la vallée de l'Ouémé.",
            "population": 59400,
            "economic_activities": (
                "Agriculture, transformation des produits agricoles, pêche, artisanat, commerce "
                "sur les marchés."
            ),
            "major_events": "Les jours de marché, qui rassemblent producteurs et commerçants.",
            "tourist_attractions": "La vallée de l'Ouémé.",
            "reasons": (
                "Nos recettes fiscales locales sont trop faibles. Nous voulons apprendre de Laarne "
                "comment mieux associer les acteurs économiques, et partager notre pratique de la "
                "participation des villages à la planification."
            ),
            "expectations": (
                "Davantage de ressources propres, un site web de la commune et des échanges "
                "durables avec Laarne."
            ),
        },
        "people": [
            ("Demo Focal Point Ouinhi", "Secrétaire Exécutif", 3, "internal"),
            ("Deuxième adjoint au maire", "Élu", None, "internal"),
            ("Direction du Développement Local et de la Planification", "", None, "internal"),
            ("Président de la commission des affaires économiques", "Conseiller", None, "internal"),
            (
                "Cellule communale de l'ADTA",
                "Agence de Développement Territorial Agricole",
                None,
                "external",
            ),
        ],
        "images": ["La mairie d'Ouinhi", "Le marché d'Ouinhi", "Les champs au bord de l'Ouémé"],
    },
    "Sint-Truiden": {
        "owner": "focal_sint_truiden",
        "colour": (173, 20, 87),
        "fields": {
            "national_structure": BELGIUM,
            "regional_structure": FLANDERS.format(province="Le Limbourg"),
            "local_structure": FLEMISH_MUNICIPALITY,
            "organisational_structure": (
                "Le directeur général dirige l'administration. Un service international (avec "
                "des jumelages), un service du tourisme, un service de l'économie locale ; un "
                "conseil agricole et d'autres conseils consultatifs."
            ),
            "location": "Dans la province de Limbourg, au cœur de la Hesbaye, région fruitière.",
            "population": 41000,
            "economic_activities": "Arboriculture fruitière, commerce, services, tourisme.",
            "major_events": "La floraison des vergers au printemps ; la cueillette des fruits.",
            "tourist_attractions": "Les vergers en fleurs, le béguinage, le centre historique.",
            "reasons": (
                "Renforcer la confiance des citoyens dans la commune après une série "
                "d'événements récents ; apprendre de Covè et partager notre expérience du "
                "tourisme lié à l'arboriculture."
            ),
            "expectations": (
                "Des pistes concrètes pour la confiance et la participation des citoyens ; un "
                "échange durable avec Covè."
            ),
        },
        "people": [
            ("Demo Focal Point Sint-Truiden", "Local Global Policy Expert", 6, "internal"),
            ("Service du tourisme", "Tourisme lié à l'arboriculture", None, "internal"),
            ("Un échevin", "Élu", None, "internal"),
        ],
        "images": ["Les vergers en fleurs", "Le béguinage", "La Grand-Place"],
    },
    "Covè": {
        "owner": "focal_cove",
        "colour": (21, 101, 192),
        "fields": {
            "national_structure": BENIN,
            "regional_structure": ZOU.format(name="Covè"),
            "local_structure": BENIN_COMMUNE,
            "organisational_structure": (
                "Secrétaire Exécutif ; Service du Développement Local et de la Planification "
                "(également chargé du tourisme) ; service financier."
            ),
            "location": "Dans le département du Zou, sur le plateau d'Agonlin.",
            "population": 51200,
            "economic_activities": "Agriculture, transformation des produits agricoles, commerce.",
            "tourist_attractions": (
                "Le tourisme est presque inexistant ; nous voulons le lancer, en lien avec nos "
                "produits agricoles et notre culture (groupes de théâtre, artisanat)."
            ),
            "reasons": (
                "Lancer le tourisme sur notre territoire, une priorité du gouvernement béninois, "
                "avec l'expérience de Sint-Truiden ; au départ : agriculture, nature et tourisme."
            ),
            "expectations": (
                "Un office du tourisme opérationnel, un site web, un partenariat durable."
            ),
        },
        "people": [
            ("Demo Focal Point Covè", "Secrétaire Exécutif", 2, "internal"),
            ("Service du Développement Local et de la Planification", "Tourisme", None, "internal"),
            ("Service financier", "", None, "internal"),
        ],
        "images": ["La mairie de Covè", "Le plateau d'Agonlin", "Un groupe de théâtre"],
    },
}

# (sheet owner, commenting role, text)
COMMENTS = [
    ("Laarne", "focal_ouinhi", "Merci ! Combien de conseils consultatifs avez-vous à Laarne ?"),
    ("Ouinhi", "focal_laarne", "Merci pour la présentation, nous avons hâte de vous rencontrer."),
]


def load(world):
    world.presentations = {}
    for name, spec in SHEETS.items():
        world.presentations[name] = _sheet(world, name, spec)
    for name, role, text in COMMENTS:
        sheet = world.presentations[name]
        Comment.objects.get_or_create(
            content_type=ContentType.objects.get_for_model(sheet),
            object_id=sheet.pk,
            author=world.users[role],
            text=text,
        )


def _sheet(world, name, spec):
    owner = world.lg[name]
    author = world.users[spec["owner"]]
    sheet = PresentationSheet.objects.owned_by(owner).first()
    if sheet is None:
        sheet = PresentationSheet(programme=world.programme, created_by=author, **spec["fields"])
        sheet._history_user = author
        sheet.save()
        sheet.owners.set([owner])
        services.sheet_scope_claim(sheet=sheet)
    for person_name, position, years, involvement in spec["people"]:
        PresentationPerson.objects.get_or_create(
            sheet=sheet,
            name=person_name,
            defaults={
                "position": position,
                "years_of_service": years,
                "involvement": involvement,
            },
        )
    if not sheet.images.exists():
        for order, caption in enumerate(spec["images"]):
            PresentationImage.objects.create(
                sheet=sheet, image=_picture(caption, spec["colour"]), caption=caption, order=order
            )
    if sheet.status == sheet.Status.DRAFT:
        sheet.transition("share", by=author)
        sheet.transition("review", by=world.users["consultant"])
    return sheet


def _picture(caption, colour):
    """A plain illustration: a colour gradient with the caption written on it."""
    width, height = 960, 640
    image = Image.new("RGB", (width, height), colour)
    draw = ImageDraw.Draw(image)
    for y in range(height):
        shade = y / height
        draw.line(
            [(0, y), (width, y)],
            fill=tuple(int(channel * (1 - 0.5 * shade)) for channel in colour),
        )
    font = ImageFont.load_default(size=56)
    draw.text((width / 2, height / 2), caption, fill="white", font=font, anchor="mm")
    return reencode(image)
