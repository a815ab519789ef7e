"""The action plans of the pilot's site visits (tool 10, "Plan d'action pour les partenariats
ODD"), drafted by each visiting municipality on the last day of its visit, and what became of
their actions (report section 6, Figure 4 and appendix 8.11):

- Ouinhi (September 2024) set up its advisory council of economic actors, which meets every
  quarter, and a small website with what local economic actors asked for; Ouinhi has become
  the hub for the websites of the 13 other municipalities of the PCIC programme.
- Covè (September 2024) set up the Agonlin-Covè tourist office (its Facebook page), wrote its
  local "DNA" down in the brochure "Covè en 10 regards", mapped its tourist assets and contacted
  the local actors, to organise them into a council.
- Laarne (March 2025) revitalised its agricultural, tourism and local economy councils, wrote
  to possible members by name, stressing associations, and drew a village council by lot; its
  brochure on local products is still under way.
- Sint-Truiden (March 2025): its actions were interrupted by political decisions (the city
  sold municipal plots to agricultural producers, and strengthening the agricultural council
  was no longer a priority).

Each plan is written in the visitor's language, shared and reviewed like the other demo tools;
each action links to the learning questions and sub-questions it applies. Their status and
dated progress notes are set directly, as someone following the plan would have recorded them.
Every pilot partnership gets the programme's experiment fund of 35,000 euro.
"""

import datetime
from decimal import Decimal

from learning import services as sheets
from learning.tools.registry import get_tool
from visits.models import Action, ActionNote, Delegation

from .visits import FOCAL_POINTS

EXPERIMENT_FUND = Decimal(35000)
Status = Action.Status
D = datetime.date

# (visit, partnership) -> (plan's texts, actions). An action: its texts, its period and due
# date, its budget, the learning questions [key] and sub-questions [(key, number)] it applies,
# its status (status, reason, since) and its notes [(date, text, link)].
PLANS = {
    ("september", "Laarne-Ouinhi"): (
        {
            "objective": "D'ici 2030, la commune de Ouinhi dialogue de façon structurelle avec "
            "ses acteurs économiques locaux et les soutient concrètement.",
            "involved": "Le Secrétaire Exécutif ; le deuxième adjoint au maire ; le président "
            "de la commission des affaires économiques et financières ; le chef de la cellule "
            "communale de l'ADTA ; le service des systèmes d'information.",
            "their_role": "Ils préparent les statuts du conseil consultatif, invitent ses "
            "membres et donnent suite à ses avis ; le service des systèmes d'information "
            "construit le site web.",
            "others": "Les présidents des filières agricoles, les transformatrices de produits "
            "agricoles, les artisans ; la commune de Laarne.",
            "already_doing": "Des rencontres ponctuelles avec les acteurs du marché.",
            "challenges": "La confiance entre les acteurs économiques et la commune ; un petit "
            "budget.",
            "inspiration": "Les conseils consultatifs de Laarne, son marché hebdomadaire et son "
            "site web.",
            "short_term": "Installer le conseil consultatif des acteurs économiques locaux.",
            "medium_term": "Un dialogue structurel, avec des mesures de soutien concrètes.",
            "long_term": "Des acteurs économiques qui contribuent davantage à l'économie locale.",
        },
        [
            {
                "action": "Mettre en place un conseil consultatif des acteurs économiques locaux",
                "responsible": "Secrétaire Exécutif",
                "partners": "Présidents des filières agricoles, transformatrices, artisans",
                "partner_contribution": "Les statuts et le fonctionnement des conseils "
                "consultatifs de Laarne",
                "period": "octobre 2024 - mars 2025",
                "due_date": D(2025, 3, 31),
                "budget": Decimal(2500),
                "questions": ["ouinhi-support"],
                "subquestions": [("ouinhi-support", 2)],
                "status": (Status.DONE, "", D(2025, 2, 20)),
                "notes": [
                    (
                        D(2024, 12, 12),
                        "Première réunion du conseil consultatif des acteurs économiques "
                        "locaux, avec les présidents des filières.",
                        "",
                    ),
                    (
                        D(2025, 2, 20),
                        "Le conseil est opérationnel et se réunit chaque trimestre.",
                        "",
                    ),
                ],
            },
            {
                "action": "Un dialogue structurel entre la commune et le conseil consultatif, "
                "suivi de mesures de soutien",
                "responsible": "Deuxième adjoint au maire",
                "partners": "Conseil consultatif des acteurs économiques",
                "partner_contribution": "Comment le collège de Laarne répond aux avis",
                "period": "2025",
                "due_date": D(2025, 12, 31),
                "budget": Decimal(12000),
                "questions": ["ouinhi-support"],
                "subquestions": [("ouinhi-support", 1), ("ouinhi-support", 3)],
                "status": (Status.DONE, "", D(2025, 9, 30)),
                "notes": [
                    (
                        D(2025, 9, 30),
                        "Sur avis du conseil : construction d'un hangar de stockage des produits "
                        "pour le marché, entretien de certaines pistes et vidéos promotionnelles "
                        "des productrices.",
                        "",
                    ),
                ],
            },
            {
                "action": "Créer un petit site web avec les informations demandées par les "
                "acteurs économiques locaux",
                "responsible": "Service des systèmes d'information",
                "partners": "Conseil consultatif des acteurs économiques",
                "partner_contribution": "L'expérience du service communication de Laarne",
                "period": "2025",
                "due_date": D(2025, 6, 30),
                "budget": Decimal(4000),
                "questions": ["ouinhi-small-website"],
                "subquestions": [("ouinhi-small-website", 1), ("ouinhi-small-website", 2)],
                "status": (Status.DONE, "", D(2025, 6, 15)),
                "notes": [
                    (
                        D(2025, 6, 15),
                        "Le site est en ligne, avec les décisions du conseil communal et les "
                        "informations demandées par les acteurs économiques.",
                        "https://ouinhi.mairie.bj/",
                    ),
                    (
                        D(2025, 10, 20),
                        "Ouinhi est devenue le pôle des sites web pour les 13 autres communes "
                        "du programme PCIC.",
                        "https://ouinhi.mairie.bj/",
                    ),
                ],
            },
            {
                "action": "Rendre compte aux citoyens de la visite à Laarne",
                "responsible": "Maire",
                "partners": "",
                "partner_contribution": "",
                "period": "octobre 2024",
                "due_date": D(2024, 10, 31),
                "budget": None,
                "questions": ["ouinhi-support"],
                "subquestions": [("ouinhi-support", 4)],
                "status": (Status.DONE, "", D(2024, 10, 24)),
                "notes": [(D(2024, 10, 24), "Dialogue avec les citoyens à la mairie.", "")],
            },
        ],
    ),
    ("september", "Sint-Truiden-Covè"): (
        {
            "objective": "D'ici 2030, Covè est une destination touristique organisée avec ses "
            "acteurs locaux, autour de son « ADN ».",
            "involved": "Le Secrétaire Exécutif ; le service du développement local et de la "
            "planification, chargé du tourisme ; le service financier.",
            "their_role": "Ils créent l'office du tourisme, recensent les atouts touristiques "
            "et rassemblent les acteurs locaux.",
            "others": "L'hôtellerie, les agriculteurs, les troupes de théâtre ; la ville de "
            "Sint-Truiden ; Tournai.",
            "already_doing": "Quelques sites connus, sans organisation commune.",
            "challenges": "Le tourisme est pratiquement inexistant sur le territoire.",
            "inspiration": "Le service du tourisme de Sint-Truiden, son « ADN » et sa carte "
            "des atouts touristiques.",
            "short_term": "Ouvrir l'office du tourisme.",
            "medium_term": "Une vision du tourisme élaborée avec les acteurs locaux.",
            "long_term": "Un tourisme qui renforce l'économie locale.",
        },
        [
            {
                "action": "Créer l'office du tourisme d'Agonlin-Covè",
                "responsible": "Service du développement local et de la planification",
                "partners": "Acteurs locaux du tourisme",
                "partner_contribution": "Le fonctionnement du service du tourisme de Sint-Truiden",
                "period": "janvier 2025",
                "due_date": D(2025, 1, 31),
                "budget": Decimal(6000),
                "questions": ["cove-tourism"],
                "subquestions": [("cove-tourism", 3)],
                "status": (Status.DONE, "", D(2025, 5, 20)),
                "notes": [
                    (
                        D(2025, 5, 20),
                        "L'Office du Tourisme de Agonlin-Cové est ouvert ; sa page Facebook "
                        "présente ses activités.",
                        "https://www.facebook.com/profile.php?id=61576678629816",
                    ),
                ],
            },
            {
                "action": "Systématiser l'« ADN » local dans un document et le diffuser avec "
                "les acteurs locaux",
                "responsible": "Office du tourisme",
                "partners": "Acteurs locaux",
                "partner_contribution": "L'atelier « ADN » de Sint-Truiden",
                "period": "2025",
                "due_date": D(2025, 9, 30),
                "budget": Decimal(3500),
                "questions": ["cove-tourism"],
                "subquestions": [("cove-tourism", 1)],
                "status": (Status.DONE, "", D(2025, 9, 12)),
                "notes": [
                    (
                        D(2025, 9, 12),
                        "La brochure « Covè en 10 regards » présente dix éléments de l'identité "
                        "de Covè, son « ADN » local.",
                        "",
                    ),
                ],
            },
            {
                "action": "Cartographier les atouts touristiques et contacter les acteurs locaux",
                "responsible": "Office du tourisme",
                "partners": "Hôtellerie, agriculteurs, troupes de théâtre",
                "partner_contribution": "La carte des atouts touristiques de Sint-Truiden",
                "period": "2025",
                "due_date": D(2025, 10, 31),
                "budget": Decimal(1500),
                "questions": ["cove-tourism"],
                "subquestions": [("cove-tourism", 2)],
                "status": (Status.DONE, "", D(2025, 10, 15)),
                "notes": [
                    (
                        D(2025, 10, 15),
                        "La carte est diffusée ; les acteurs locaux ont été contactés en vue "
                        "d'une structure de concertation autour du tourisme.",
                        "",
                    ),
                ],
            },
            {
                "action": "Organiser les acteurs du tourisme en un conseil et élaborer avec eux "
                "une vision du tourisme",
                "responsible": "Secrétaire Exécutif",
                "partners": "Acteurs locaux du tourisme",
                "partner_contribution": "Échanges avec la responsable du tourisme de Sint-Truiden",
                "period": "fin 2025",
                "due_date": D(2025, 12, 31),
                "budget": Decimal(2000),
                "questions": ["cove-tourism"],
                "subquestions": [("cove-tourism", 4)],
                "status": (Status.IN_PROGRESS, "", D(2025, 10, 15)),
                "notes": [],
            },
        ],
    ),
    ("march", "Laarne-Ouinhi"): (
        {
            "objective": "Tegen 2030 zijn de adviesraden van Laarne levendig, divers en "
            "representatief, tot op het niveau van de wijken en dorpen.",
            "involved": "De algemeen directeur; de schepenen van lokale economie en van "
            "participatie; de diensten communicatie, vrije tijd en lokale economie.",
            "their_role": "Ze herzien de samenstelling van de raden, schrijven mogelijke leden "
            "aan en begeleiden de dorpsraad.",
            "others": "De adviesraden, de verenigingen, de inwoners; Ouinhi.",
            "already_doing": "Adviesraden voor landbouw, toerisme en lokale economie, die veel "
            "van hun dynamiek verloren hebben.",
            "challenges": "Altijd dezelfde mensen nemen deel; leden verdedigen eerder "
            "individuele dan gemeenschappelijke doelen.",
            "inspiration": "De adviesraad van de economische operatoren van Ouinhi, de "
            "participatieve evaluatie met scores, de dorpshoofden.",
            "short_term": "Nieuwe leden voor de adviesraden.",
            "medium_term": "Een dorpsraad, samengesteld door loting.",
            "long_term": "Participatie tot op het microniveau.",
        },
        [
            {
                "action": "Mogelijke deelnemers van de adviesraden nominatief aanschrijven, met "
                "nadruk op verenigingen in plaats van alleen individuen",
                "responsible": "Dienst communicatie",
                "partners": "Verenigingen",
                "partner_contribution": "Hoe Ouinhi de ketens en verenigingen in zijn raad "
                "vertegenwoordigt",
                "period": "april-juni 2025",
                "due_date": D(2025, 6, 30),
                "budget": Decimal(500),
                "questions": ["joint-participation"],
                "subquestions": [("joint-participation", 2)],
                "status": (Status.DONE, "", D(2025, 6, 20)),
                "notes": [
                    (
                        D(2025, 6, 20),
                        "Alle verenigingen kregen een persoonlijke brief; de raden tellen meer "
                        "en meer diverse leden.",
                        "",
                    ),
                ],
            },
            {
                "action": "De landbouwraad, de toerismeraad en de raad voor lokale economie "
                "nieuw leven inblazen",
                "responsible": "Algemeen directeur",
                "partners": "Voorzitters van de adviesraden",
                "partner_contribution": "De werking van de adviesraad van de economische "
                "operatoren van Ouinhi",
                "period": "2025",
                "due_date": D(2025, 10, 31),
                "budget": Decimal(1500),
                "questions": ["joint-participation"],
                "subquestions": [("joint-participation", 2), ("joint-participation", 4)],
                "status": (Status.DONE, "", D(2025, 10, 2)),
                "notes": [
                    (
                        D(2025, 10, 2),
                        "De landbouwraad is opnieuw actief, net als de raden voor toerisme en "
                        "lokale economie.",
                        "",
                    ),
                ],
            },
            {
                "action": "Een dorpsraad samenstellen door loting",
                "responsible": "Schepen van participatie",
                "partners": "Inwoners",
                "partner_contribution": "De rol van de dorpshoofden in Ouinhi",
                "period": "najaar 2025",
                "due_date": D(2025, 11, 30),
                "budget": Decimal(2000),
                "questions": ["joint-participation"],
                "subquestions": [("joint-participation", 3)],
                "status": (Status.DONE, "", D(2025, 11, 18)),
                "notes": [
                    (
                        D(2025, 9, 15),
                        "De inwoners van een eerste dorp konden zich kandidaat stellen.",
                        "",
                    ),
                    (
                        D(2025, 11, 18),
                        "De leden van de dorpsraad zijn door loting gekozen; de eerste "
                        "vergadering is gepland.",
                        "",
                    ),
                ],
            },
            {
                "action": "Een educatieve brochure over het nieuwe meerjarenplan, een idee van "
                "Ouinhi",
                "responsible": "Dienst communicatie",
                "partners": "",
                "partner_contribution": "De brochure van Ouinhi over zijn ontwikkelingsplan",
                "period": "2025",
                "due_date": D(2025, 9, 30),
                "budget": Decimal(1200),
                "questions": ["joint-participation"],
                "subquestions": [],
                "status": (Status.DONE, "", D(2025, 9, 25)),
                "notes": [(D(2025, 9, 25), "Verspreid met het magazine Klaar.", "")],
            },
            {
                "action": "Een promotiebrochure over lokale producten",
                "responsible": "Dienst lokale economie",
                "partners": "Landbouwraad, producenten",
                "partner_contribution": "Hoe Ouinhi zijn producentes in video's voorstelt",
                "period": "najaar 2025",
                "due_date": D(2025, 12, 15),
                "budget": Decimal(1800),
                "questions": ["joint-marketing"],
                "subquestions": [("joint-marketing", 1)],
                "status": (Status.IN_PROGRESS, "", D(2025, 10, 2)),
                "notes": [
                    (
                        D(2025, 10, 2),
                        "De landbouwraad verzamelt de producenten die erin willen staan.",
                        "",
                    ),
                ],
            },
        ],
    ),
    ("march", "Sint-Truiden-Covè"): (
        {
            "objective": "Tegen 2030 versterkt Sint-Truiden de lokale verkoop van lokale "
            "producten, met een participatieve voedselstrategie.",
            "involved": "De schepen van lokale economie; het agentschap Shop & the City; de "
            "dienst Toerisme.",
            "their_role": "Ze betrekken de producenten en de landbouwraad bij de voedselstrategie.",
            "others": "De landbouwraad, de fruittelers, de handelaars van het centrum; Covè.",
            "already_doing": "Toerisme rond de fruitteelt; Shop & the City voor het centrum.",
            "challenges": "De landbouwraad weegt weinig op het beleid.",
            "inspiration": "De producentengroeperingen op de markt van Covè.",
            "short_term": "De landbouwraad betrekken bij de voedselstrategie.",
            "medium_term": "Een plek voor lokale producten in het centrum.",
            "long_term": "Een participatieve voedselstrategie.",
        },
        [
            {
                "action": "De landbouwraad versterken als drager van een participatieve "
                "voedselstrategie",
                "responsible": "Schepen van lokale economie",
                "partners": "Landbouwraad",
                "partner_contribution": "Hoe de producenten van Covè met de gemeente overleggen",
                "period": "2025",
                "due_date": D(2025, 12, 31),
                "budget": Decimal(3000),
                "questions": ["joint-participation"],
                "subquestions": [("joint-participation", 4)],
                "status": (
                    Status.SUSPENDED,
                    "Onderbroken door politieke beslissingen: de stad verkoopt gemeentelijke "
                    "percelen aan landbouwproducenten, en het versterken van de landbouwraad "
                    "is geen prioriteit meer. Misschien later.",
                    D(2025, 6, 30),
                ),
                "notes": [
                    (
                        D(2025, 5, 14),
                        "Eerste gesprek met de voorzitter van de landbouwraad.",
                        "",
                    ),
                ],
            },
            {
                "action": "Lokale producten een plek geven in het centrum, met Shop & the City",
                "responsible": "Shop & the City",
                "partners": "Handelaars, fruittelers",
                "partner_contribution": "De markt van Covè en zijn producentengroeperingen",
                "period": "2025-2026",
                "due_date": D(2026, 6, 30),
                "budget": Decimal(5000),
                "questions": ["joint-marketing"],
                "subquestions": [("joint-marketing", 2)],
                "status": (
                    Status.SUSPENDED,
                    "Onderbroken door politieke beslissingen.",
                    D(2025, 6, 30),
                ),
                "notes": [],
            },
        ],
    ),
}


def load(world):
    for partnership in world.partnerships.values():
        if partnership.experiment_fund != EXPERIMENT_FUND:
            partnership.experiment_fund = EXPERIMENT_FUND
            partnership.save(update_fields=["experiment_fund"])
    for (key, name), (texts, actions) in PLANS.items():
        delegation = (
            world.visits[key]
            .delegations.select_related("visit", "visitor")
            .get(partnership=world.partnerships[name])
        )
        _plan(world, delegation, texts, actions)


def _plan(world, delegation, texts, actions):
    if Delegation.objects.filter(pk=delegation.pk, actionplan__isnull=False).exists():
        return
    author = world.users[FOCAL_POINTS[delegation.visitor.name]]
    questions = world.learning_questions
    sheet = sheets.sheet_create(
        tool=get_tool("action-plan"),
        owner=delegation.visitor,
        programme=world.programme,
        user=author,
        values={"delegation": delegation, **texts},
        rows={
            "actions": [
                {
                    "action": spec["action"],
                    "responsible": spec["responsible"],
                    "partners": spec["partners"],
                    "partner_contribution": spec["partner_contribution"],
                    "period": spec["period"],
                    "due_date": spec["due_date"],
                    "budget": spec["budget"],
                    "questions": [questions[key] for key in spec["questions"]],
                    "subquestions": [
                        questions[key].subquestions.get(order=number)
                        for key, number in spec["subquestions"]
                    ],
                }
                for spec in actions
            ]
        },
    )
    for action, spec in zip(sheet.actions.order_by("pk"), actions, strict=True):
        status, reason, since = spec["status"]
        Action.objects.filter(pk=action.pk).update(
            status=status, status_reason=reason, status_date=since
        )
        for date, text, link in spec["notes"]:
            ActionNote.objects.create(action=action, date=date, text=text, link=link, author=author)
    sheet.transition("share", by=author)
    sheet.transition("review", by=world.users["consultant"])
