"""Tool 1 for the four municipalities that completed the pilot: their presentation sheets.

The report says each municipality introduced itself (residents, organisational structure,
priorities and challenges) and names the departments involved; the sheets use those facts and
are written in the municipality's own language: French for Ouinhi and Covè, Dutch for Laarne
and Sint-Truiden. The partners comment on each other's sheets in French, the working language
of the pilot. Population figures are approximate
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
    "België is een federale staat: de federale overheid, drie gemeenschappen (Vlaamse, Franse, "
    "Duitstalige) en drie gewesten (Vlaams, Waals, Brussels Hoofdstedelijk), elk met een eigen "
    "parlement en regering."
)
FLANDERS = (
    "In Vlaanderen hebben de Gemeenschap en het Gewest één parlement en één regering, onder "
    "meer bevoegd voor de lokale besturen. {province} is een van de vijf provincies."
)
FLEMISH_MUNICIPALITY = (
    "De gemeenteraad wordt voor zes jaar verkozen (laatste verkiezingen in oktober 2024). Het "
    "college van burgemeester en schepenen voert het beleid uit; de algemeen directeur leidt "
    "de administratie. Het OCMW is geïntegreerd in de gemeente."
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
            "regional_structure": FLANDERS.format(province="Oost-Vlaanderen"),
            "local_structure": FLEMISH_MUNICIPALITY,
            "organisational_structure": (
                "De algemeen directeur leidt de administratie. Diensten: Communicatie, "
                "Financiën, Vrije Tijd, Beleid en Organisatie, Lokale Economie, Jeugd, Sociale "
                "Zaken. Adviesraden: landbouw, toerisme, lokale economie, jeugd, mondiale raad."
            ),
            "location": "In Oost-Vlaanderen, een twaalftal kilometer ten oosten van Gent.",
            "population": 12900,
            "economic_activities": "Land- en tuinbouw, kleinhandel, diensten.",
            "major_events": "De wekelijkse markt; de culturele activiteiten in het kasteel.",
            "tourist_attractions": "Het kasteel van Laarne, een waterburcht; fietstochten.",
            "reasons": (
                "Onze adviesraden hebben veel van hun dynamiek verloren; in Benin zijn ze vaak "
                "heel dynamisch. We willen leren van Ouinhi en onze ervaring delen, bijvoorbeeld "
                "het overleg met de marktkramers."
            ),
            "expectations": (
                "Dynamischere en diversere adviesraden, gericht op gemeenschappelijke doelen; "
                "een duurzame relatie met Ouinhi."
            ),
        },
        "people": [
            ("Demo Focal Point Laarne", "Algemeen directeur", 9, "internal"),
            ("Demo Team Member Laarne", "Dienst Lokale Economie", 4, "internal"),
            ("Dienst Communicatie", "Gemeentelijk magazine Klaar", None, "internal"),
            ("Mondiale Raad Laarne", "Adviesraad", None, "external"),
        ],
        "images": ["Het kasteel van Laarne", "De wekelijkse markt", "Het platteland van Laarne"],
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
            "regional_structure": FLANDERS.format(province="Limburg"),
            "local_structure": FLEMISH_MUNICIPALITY,
            "organisational_structure": (
                "De algemeen directeur leidt de administratie. Een dienst Internationale "
                "Samenwerking (met stedenbanden), een dienst Toerisme, een dienst Lokale "
                "Economie; een landbouwraad en andere adviesraden."
            ),
            "location": "In de provincie Limburg, in het hart van Haspengouw, de fruitstreek.",
            "population": 41000,
            "economic_activities": "Fruitteelt, handel, diensten, toerisme.",
            "major_events": "De bloesem van de boomgaarden in de lente; de fruitpluk.",
            "tourist_attractions": (
                "De bloeiende boomgaarden, het begijnhof, het historisch centrum."
            ),
            "reasons": (
                "Het vertrouwen van de burgers in de gemeente versterken na een reeks recente "
                "gebeurtenissen; leren van Covè en onze ervaring met fruittoerisme delen."
            ),
            "expectations": (
                "Concrete pistes voor het vertrouwen en de participatie van de burgers; een "
                "duurzame uitwisseling met Covè."
            ),
        },
        "people": [
            ("Demo Focal Point Sint-Truiden", "Local Global Policy Expert", 6, "internal"),
            ("Dienst Toerisme", "Fruittoerisme", None, "internal"),
            ("Een schepen", "Verkozene", None, "internal"),
        ],
        "images": ["De bloeiende boomgaarden", "Het begijnhof", "De Grote Markt"],
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
