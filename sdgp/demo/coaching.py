"""The pilot's meetings, tasks, interim evaluations and methodology log (report sections 4.4,
5.2 and 5.3), so that the coaching pages show the pilot as it stood at the end of 2025.

Meetings: a bilateral a month per partnership from February 2024 (Tuesday afternoons, Brussels
time), except in August and in the months of the site visits; the Flemish-Rwandan and
Schoten-Lalo partnerships meet until they stop in the first semester of 2024. The knowledge
network meets every other month, the week after the bilaterals ("the bilateral meeting normally
always preceded the knowledge network meetings"); each Benin-track municipality has individual
coaching now and then. In October 2025 Laarne and Ouinhi held a bilateral without the consultant
("Ouinhi is now communicating with Laarne without the intervention of the consultant").

The three interim evaluations (April-May 2024, December 2024, September-November 2025) are
answered by the demo accounts in their language, from what the report says worked, did not and
could improve; the methodology log starts with the fine-tuning of February to September 2024.
Every row is found by a natural key and written only when missing, so loading twice changes
nothing (not even the history).
"""

import datetime
from zoneinfo import ZoneInfo

from coaching.models import (
    AgendaItem,
    Attendance,
    EvaluationAnswer,
    EvaluationRound,
    Meeting,
    MethodologyAdjustment,
    Task,
)

BRUSSELS = ZoneInfo("Europe/Brussels")
Kind = Meeting.Kind
HELD = Meeting.Status.HELD
SITE_VISIT_MONTHS = {(2024, 9), (2025, 3)}


def at(year, month, day, hour=14):
    return datetime.datetime(year, month, day, hour, tzinfo=BRUSSELS)


def months(start, end):
    """(year, month) from `start` to `end` included, without August and the visits' months."""
    year, month = start
    while (year, month) <= end:
        if month != 8 and (year, month) not in SITE_VISIT_MONTHS:
            yield year, month
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def tuesday(year, month, week):
    """The `week`-th Tuesday of the month."""
    first = datetime.date(year, month, 1)
    return first + datetime.timedelta(days=(1 - first.weekday()) % 7 + 7 * (week - 1))


# partnership -> (first month, last month, language)
BILATERALS = {
    "Laarne-Ouinhi": ((2024, 2), (2025, 11), "fr"),
    "Sint-Truiden-Covè": ((2024, 2), (2025, 11), "fr"),
    "Schoten-Lalo": ((2024, 2), (2024, 4), "fr"),
    **{
        f"Flemish municipality R{n}-District R{n}": ((2024, 2), (2024, 5), "en")
        for n in range(1, 5)
    },
}
NETWORK_MONTHS = [
    (2024, 2),
    (2024, 4),
    (2024, 6),
    (2024, 10),
    (2024, 12),
    (2025, 2),
    (2025, 5),
    (2025, 6),
    (2025, 10),
    (2025, 12),
]
SPEAKERS = {(2024, 10): "ANCB : la décentralisation et les finances locales au Bénin"}
# municipality -> months of individual coaching
INDIVIDUAL = {
    "Laarne": [(2024, 3), (2024, 5), (2024, 11), (2025, 2), (2025, 6)],
    "Ouinhi": [(2024, 3), (2024, 5), (2024, 7), (2024, 11), (2025, 4), (2025, 9)],
    "Sint-Truiden": [(2024, 3), (2024, 6), (2025, 2), (2025, 10)],
    "Covè": [(2024, 3), (2024, 6), (2024, 11), (2025, 4), (2025, 9)],
}
WITHOUT_CONSULTANT = ("Laarne-Ouinhi", at(2025, 10, 21, 15))


def load(world):
    world.meetings = {}
    _bilaterals(world)
    _network(world)
    _individual(world)
    _tasks(world)
    world.evaluations = _evaluations(world)
    _methodology_log(world)


def _meeting(world, key, **fields):
    lookup = {k: fields.pop(k) for k in ("kind", "partnership", "local_government", "starts_at")}
    fields.setdefault("status", HELD)
    meeting, _created = Meeting.objects.get_or_create(
        programme=world.programme, **lookup, defaults=fields
    )
    world.meetings[key] = meeting
    return meeting


def _bilaterals(world):
    consultant = world.users["consultant"]
    for name, (first, last, language) in BILATERALS.items():
        partnership = world.partnerships[name]
        for year, month in months(first, last):
            day = tuesday(year, month, 2)
            _meeting(
                world,
                (name, year, month),
                kind=Kind.BILATERAL,
                partnership=partnership,
                local_government=None,
                starts_at=at(day.year, day.month, day.day),
                language=language,
                organiser=consultant,
                place="Teams",
            )
    name, starts_at = WITHOUT_CONSULTANT
    meeting = _meeting(
        world,
        "without consultant",
        kind=Kind.BILATERAL,
        partnership=world.partnerships[name],
        local_government=None,
        starts_at=starts_at,
        title="Laarne – Ouinhi : échange direct sur le site web et le conseil consultatif",
        without_consultant=True,
        organiser=world.users["focal_laarne"],
        place="WhatsApp",
        decisions="Ouinhi envoie la maquette du petit site web ; Laarne partage sa brochure "
        "sur les produits locaux.",
    )
    for key in ("focal_laarne", "focal_ouinhi"):
        Attendance.objects.get_or_create(
            meeting=meeting, user=world.users[key], defaults={"attended": True}
        )


def _network(world):
    staff = world.users["staff"]
    for year, month in NETWORK_MONTHS:
        day = tuesday(year, month, 3)
        meeting = _meeting(
            world,
            ("network", year, month),
            kind=Kind.NETWORK,
            partnership=None,
            local_government=None,
            starts_at=at(day.year, day.month, day.day),
            title=f"Réseau de connaissances {day:%m/%Y}",
            external_speakers=SPEAKERS.get((year, month), ""),
            organiser=staff,
            place="Teams",
        )
        attended = dict.fromkeys(("staff", "consultant", "focal_laarne", "focal_ouinhi"), True)
        # "some participants turned off their cameras … joined by telephone": not every time.
        attended["focal_sint_truiden"] = (year, month) != (2024, 4)
        attended["focal_cove"] = (year, month) != (2024, 6)
        for key, present in attended.items():
            Attendance.objects.get_or_create(
                meeting=meeting, user=world.users[key], defaults={"attended": present}
            )
    speaker = world.meetings[("network", 2024, 10)]
    for order, (title, minutes, presenter) in enumerate(
        [
            ("Retour sur la visite de terrain de septembre", 25, "VVSG"),
            ("La décentralisation au Bénin", 30, "ANCB"),
            ("Questions d'apprentissage communes : la participation citoyenne", 30, ""),
        ]
    ):
        AgendaItem.objects.get_or_create(
            meeting=speaker,
            order=order,
            defaults={"title": title, "minutes": minutes, "presenter": presenter},
        )


def _individual(world):
    consultant = world.users["consultant"]
    for name, coached in INDIVIDUAL.items():
        language = "fr" if name in ("Ouinhi", "Covè") else "nl"
        for year, month in coached:
            day = tuesday(year, month, 4)
            _meeting(
                world,
                (name, "individual", year, month),
                kind=Kind.INDIVIDUAL,
                partnership=None,
                local_government=world.lg[name],
                starts_at=at(day.year, day.month, day.day, 10),
                language=language,
                organiser=consultant,
                duration=60,
                place="Teams",
            )


# (owner, title, meeting key, due date, done)
TASKS = [
    (
        "Ouinhi",
        "Présenter la fiche de présentation (outil 1) à la bilatérale",
        ("Laarne-Ouinhi", 2024, 2),
        datetime.date(2024, 3, 12),
        True,
    ),
    (
        "Laarne",
        "Voorstellingsfiche (tool 1) voorstellen op de bilaterale",
        ("Laarne-Ouinhi", 2024, 2),
        datetime.date(2024, 3, 12),
        True,
    ),
    (
        "Covè",
        "Compléter l'analyse SWOT (outil 4) pour un projet",
        ("Sint-Truiden-Covè", 2024, 4),
        datetime.date(2024, 5, 14),
        True,
    ),
    (
        "Laarne",
        "Gezamenlijke leervragentabel met Sint-Truiden afwerken",
        ("network", 2024, 10),
        datetime.date(2024, 11, 12),
        True,
    ),
    (
        "Sint-Truiden",
        "Acties van het actieplan rond de landbouwraad herbekijken",
        ("Sint-Truiden-Covè", 2025, 9),
        datetime.date(2025, 10, 31),
        False,
    ),
]


def _tasks(world):
    for owner, title, meeting_key, due_date, done in TASKS:
        Task.objects.get_or_create(
            programme=world.programme,
            title=title,
            defaults={
                "meeting": world.meetings[meeting_key],
                "owner_local_government": world.lg[owner],
                "due_date": due_date,
                "status": Task.Status.DONE if done else Task.Status.OPEN,
                "done_at": at(due_date.year, due_date.month, due_date.day, 9) if done else None,
                "created_by": world.users["consultant"],
            },
        )


ROUNDS = {
    "2024": (
        "Évaluation intermédiaire avril-mai 2024",
        datetime.date(2024, 4, 22),
        datetime.date(2024, 5, 31),
    ),
    "december": (
        "Évaluation intermédiaire décembre 2024",
        datetime.date(2024, 12, 2),
        datetime.date(2024, 12, 20),
    ),
    "2025": (
        "Évaluation intermédiaire septembre-novembre 2025",
        datetime.date(2025, 9, 15),
        datetime.date(2025, 11, 28),
    ),
}
# round -> person -> (worked, did not work, improve), in the person's language
ANSWERS = {
    "2024": {
        "focal_laarne": (
            "De bilaterale momenten waren verrijkend: we leerden Ouinhi kennen en stelden er "
            "ons huiswerk (tools 1 tot 4) voor.",
            "De voorstellingsperiode en de taken vroegen veel tijd en energie; niet iedereen "
            "kreeg er extra tijd voor. Het Frans van onze partners was niet altijd makkelijk te "
            "volgen.",
            "Ons vooraf beter informeren over de politieke en administratieve structuur van "
            "Benin en van Ouinhi, bijvoorbeeld via de koepelorganisaties.",
        ),
        "focal_ouinhi": (
            "Les réunions bilatérales nous ont permis de connaître Laarne et de présenter nos "
            "fiches ; l'accompagnement individuel du consultant pour les outils.",
            "La connexion internet était souvent mauvaise ; certains participants suivaient "
            "par téléphone et ne voyaient pas les documents partagés.",
            "Commencer par une visite de terrain : le contact direct faciliterait les échanges.",
        ),
        "focal_sint_truiden": (
            "Het coachingsgesprek om onze leervragen concreter te maken.",
            "Het was niet altijd duidelijk welke informatie relevant was voor Covè; de "
            "bilaterale vergaderingen waren lang en moeizaam.",
            "Meer werk via individuele coaching, zodat de bilaterale en groepsmomenten lichter "
            "worden.",
        ),
        "focal_cove": (
            "Le soutien du consultant pour traduire et reformuler pendant les séances.",
            "Des réunions longues et difficiles, des caméras éteintes ; nos questions "
            "d'apprentissage restaient trop abstraites.",
            "Des réunions plus courtes, autour d'une heure et demie.",
        ),
        "consultant": (
            "Despite the connection problems, the digital exchanges between Flanders and Benin "
            "work for quality exchanges.",
            "The Rwandan districts look for traditional technical support rather than mutual "
            "learning; their learning questions fall outside the scope.",
            "Elaborate each learning question into concrete problems and sub-questions; more "
            "work through individual coaching.",
        ),
    },
    "december": {
        "focal_laarne": (
            "De gezamenlijke leervragentabel met Sint-Truiden; het bezoek van Ouinhi in "
            "september gaf een echte boost aan het contact.",
            "Te weinig tijd tussen de vergaderingen om het geleerde in onze eigen werking te "
            "verwerken.",
            "Het bezoek aan Ouinhi in maart nu al voorbereiden met de tabel activiteiten en "
            "leervragen.",
        ),
        "team_laarne": (
            "De markt en de adviesraden tonen aan Ouinhi: we zagen onze eigen werking door hun "
            "ogen.",
            "",
            "Sneller rechtstreeks contact met Ouinhi, zonder telkens via de consultant.",
        ),
        "focal_ouinhi": (
            "La visite à Laarne, surtout le marché et le conseil consultatif, a été un déclic ; "
            "les activités répondaient à nos questions d'apprentissage.",
            "Le soir, remplir le journal d'apprentissage après une longue journée était parfois "
            "impossible.",
            "Revoir chaque matin la page du jour du journal, et la remplir le soir avec le "
            "consultant, même par WhatsApp.",
        ),
        "focal_sint_truiden": (
            "De betrokkenheid van de dienst Toerisme bracht de expertise die Covè zocht.",
            "De aanwezigheid van een burgemeester bij technische vergaderingen maakte het "
            "gesprek soms stroever.",
            "Politieke en technische profielen apart laten vergaderen waar het kan.",
        ),
        "focal_cove": (
            "Les échanges directs avec le service du tourisme de Sint-Truiden.",
            "Il faut d'abord des étapes internes (un community manager, la cartographie des "
            "atouts touristiques) avant d'appliquer ce que nous avons appris.",
            "Plus de temps entre les réunions pour intégrer ce qui a été appris.",
        ),
    },
    "2025": {
        "focal_laarne": (
            "Nieuwe manieren om burgerparticipatie in de adviesraden te versterken: meer "
            "verenigingen, mensen bij naam aanschrijven, het microniveau van straten en wijken.",
            "Het thema heksen bleek te gevoelig en viel weg.",
            "Een stedenband met Ouinhi, om het leren na het pilootproject verder te zetten.",
        ),
        "focal_ouinhi": (
            "Le conseil consultatif des acteurs économiques se réunit chaque trimestre ; nous "
            "communiquons maintenant avec Laarne sans le consultant.",
            "Le site web prévu au départ était trop ambitieux.",
            "Poursuivre par un jumelage avec Laarne.",
        ),
        "focal_sint_truiden": (
            "Het contact tussen de dienst Toerisme en Covè loopt rechtstreeks per e-mail.",
            "Door politieke beslissingen (de verkoop van gemeentegronden aan landbouwers) is de "
            "versterking van de landbouwraad geen prioriteit meer; de toepassing ligt stil.",
            "De contacten met Covè rond toerisme voortzetten.",
        ),
        "focal_cove": (
            "L'office du tourisme est lancé, avec sa page Facebook et la brochure « Covè en 10 "
            "regards ».",
            "",
            "Mettre en place la structure de concertation des acteurs du tourisme.",
        ),
        "consultant": (
            "The partners now talk to each other directly, especially where they have a "
            "concrete reason to.",
            "The regional knowledge networks (North and South) were not set up for lack of time.",
            "Keep meetings to about an hour and a half and the group sessions light.",
        ),
    },
}
MEMBER_OF = {
    "focal_laarne": "Laarne",
    "team_laarne": "Laarne",
    "focal_ouinhi": "Ouinhi",
    "focal_sint_truiden": "Sint-Truiden",
    "focal_cove": "Covè",
}


def _evaluations(world):
    rounds = {}
    for key, (title, opens_on, closes_on) in ROUNDS.items():
        rounds[key], _created = EvaluationRound.objects.get_or_create(
            programme=world.programme,
            title=title,
            defaults={"opens_on": opens_on, "closes_on": closes_on},
        )
        for person, (worked, did_not_work, improve) in ANSWERS[key].items():
            user = world.users[person]
            lg = world.lg[MEMBER_OF[person]] if person in MEMBER_OF else None
            EvaluationAnswer.objects.get_or_create(
                round=rounds[key],
                respondent=user,
                defaults={
                    "local_government": lg,
                    "worked": worked,
                    "did_not_work": did_not_work,
                    "improve": improve,
                    "language": user.language,
                },
            )
    return rounds


# (date, decision, reason, round, meeting key, recorded by)
LOG = [
    (
        datetime.date(2024, 9, 27),
        "Fine-tuning of the methodology during the first, entirely digital months (February "
        "to September 2024): each learning question is elaborated into the concrete problems "
        "it must solve and sub-questions (the learning questions table); more of the work is "
        "done in individual coaching, so that bilateral and group meetings stay light and "
        "leave time for external speakers; the site visit is prepared with the activities and "
        "learning questions table and terms of reference.",
        "The tasks took much time and energy, the learning questions stayed too abstract, and "
        "the bilateral and group meetings were long and difficult (language, connections).",
        "2024",
        None,
        "consultant",
    ),
    (
        datetime.date(2024, 10, 15),
        "Laarne and Sint-Truiden draw up one joint learning questions table.",
        "Their learning questions increasingly moved in the same direction (citizen "
        "participation in councils, marketing local products).",
        None,
        ("network", 2024, 10),
        "consultant",
    ),
    (
        datetime.date(2025, 1, 14),
        "Learning journal, site visit version March 2025: each day's page is reviewed in the "
        "morning and filled in in the evening with the consultant or the VVSG representative, "
        "on site or via WhatsApp.",
        "After the September visit, filling in the journal after a long day was sometimes "
        "impossible.",
        "december",
        None,
        "consultant",
    ),
    (
        datetime.date(2025, 1, 21),
        "Bilateral meetings no longer feed the knowledge network systematically; more time is "
        "left between meetings.",
        "Participants asked for time to integrate what was learned into their own processes.",
        "december",
        None,
        "staff",
    ),
    (
        datetime.date(2025, 11, 28),
        "The regional knowledge networks (North and South) are not set up; the partners are "
        "encouraged to contact each other directly.",
        "Lack of time before the end of the pilot; direct contacts already work.",
        "2025",
        "without consultant",
        "consultant",
    ),
]


def _methodology_log(world):
    for date, decision, reason, round_key, meeting_key, recorder in LOG:
        MethodologyAdjustment.objects.get_or_create(
            programme=world.programme,
            date=date,
            decision=decision,
            defaults={
                "reason": reason,
                "prompted_by_round": world.evaluations.get(round_key),
                "prompted_by_meeting": world.meetings.get(meeting_key),
                "recorded_by": world.users[recorder],
            },
        )
