"""The pilot as the 2024-2025 report tells it: the programme, the three countries and their
umbrella organisations, the municipalities and districts, the seven partnerships with their
status history, and one demo account per role.

Only facts the report gives are used. The four Flemish-Rwandan partnerships are never named, so
their sides get clearly invented names ("Flemish municipality R1", "District R1"), and so do the
people ("Demo Focal Point Laarne"). Every step looks objects up by a natural key, so loading
twice changes nothing.
"""

import datetime

from partnerships import services
from partnerships.models import (
    Country,
    LearningTheme,
    LocalGovernment,
    Membership,
    Partnership,
    PartnershipStatusChange,
    Programme,
    UmbrellaOrganisation,
)

DEMO_DOMAIN = "demo.example"
Status = Partnership.Status
Reason = PartnershipStatusChange.Reason

PILOT_START = datetime.date(2024, 1, 1)
PILOT_END = datetime.date(2025, 12, 31)
# "interrupted at the end of the first semester of 2024"; Schoten-Lalo "terminated in the
# first semester". The report gives no day.
END_OF_FIRST_SEMESTER = datetime.date(2024, 6, 30)
# "the diplomatic break between Rwanda and Belgium in 2025": Rwanda broke off relations on
# 17 March 2025.
DIPLOMATIC_BREAK = datetime.date(2025, 3, 17)

COUNTRIES = {
    "BE": {
        "name_en": "Belgium",
        "name_fr": "Belgique",
        "name_nl": "België",
        "region": Country.Region.NORTH,
        "working_language": "nl",
        "local_unit": Country.LocalUnit.MUNICIPALITY,
        "time_zone": "Europe/Brussels",
    },
    "BJ": {
        "name_en": "Benin",
        "name_fr": "Bénin",
        "name_nl": "Benin",
        "region": Country.Region.SOUTH,
        "working_language": "fr",
        "local_unit": Country.LocalUnit.MUNICIPALITY,
        "time_zone": "Africa/Porto-Novo",
    },
    "RW": {
        "name_en": "Rwanda",
        "name_fr": "Rwanda",
        "name_nl": "Rwanda",
        "region": Country.Region.SOUTH,
        "working_language": "en",
        "local_unit": Country.LocalUnit.DISTRICT,
        "time_zone": "Africa/Kigali",
    },
}

UMBRELLAS = {
    "VVSG": {
        "country": "BE",
        "name": "Vereniging van Vlaamse Steden en Gemeenten",
        "website": "https://www.vvsg.be/",
    },
    "ANCB": {"country": "BJ", "name": "Association Nationale des Communes du Bénin"},
    # The report does not give RALGA's full name.
    "RALGA": {"country": "RW", "name": ""},
}

THEMES = {
    "benin": {
        "name_en": "local economy, with a special focus on citizen participation",
        "name_fr": "économie locale, avec une attention particulière à la participation citoyenne",
        "name_nl": "lokale economie, met speciale aandacht voor burgerparticipatie",
        "sdg": None,
    },
    "rwanda": {
        "name_en": "citizen participation",
        "name_fr": "participation citoyenne",
        "name_nl": "burgerparticipatie",
        "sdg": 16,
    },
}

RWANDA_TRACK = ("R1", "R2", "R3", "R4")

# name -> (country, umbrella, website)
LOCAL_GOVERNMENTS = {
    "Laarne": ("BE", "VVSG", ""),
    "Sint-Truiden": ("BE", "VVSG", ""),
    "Schoten": ("BE", "VVSG", ""),
    "Ouinhi": ("BJ", "ANCB", "https://ouinhi.mairie.bj/"),
    "Covè": ("BJ", "ANCB", ""),
    "Lalo": ("BJ", "ANCB", ""),
    **{f"Flemish municipality {code}": ("BE", "VVSG", "") for code in RWANDA_TRACK},
    **{f"District {code}": ("RW", "RALGA", "") for code in RWANDA_TRACK},
}

TWINNING_NOTE = (
    "The project has been so convincing for both Ouinhi and Laarne that both municipalities "
    "have decided to enter into a town twinning agreement."
)
COVE_NOTE = (
    "Application on the Sint-Truiden side temporarily suspended due to political decisions "
    "(municipal plots sold to agricultural producers); contacts between Covè and Sint-Truiden "
    "continue."
)
SCHOTEN_NOTE = (
    "After the departure of the accompanying civil servant, Schoten was unable to continue the "
    "project: there was not enough internal support and conviction. Lalo was kept involved in "
    "an alternative way for a number of months, then was forced to withdraw. The report says "
    "“in the first semester” of 2024 and gives no exact day."
)
RWANDA_INTERRUPTION_NOTE = (
    "Rwanda withdrew from the process after a few months, which meant that the Flemish partner "
    "municipality also had to stop against its will. Hopeful exchanges between the VVSG, RALGA "
    "and a number of districts continued."
)
RWANDA_INTERRUPTION_REASONS = {
    "R1": Reason.EXPECTATION_MISMATCH,  # "looking for traditional technical support"
    "R2": Reason.NO_EXPERTISE,  # "could not contribute any knowledge"
    "R3": Reason.MOTIVATION,  # "learning questions outside the scope … dwindling motivation"
    "R4": Reason.EXPECTATION_MISMATCH,
}
RWANDA_TERMINATION_NOTE = (
    "The diplomatic break between Rwanda and Belgium in 2025 ended the cooperation definitively."
)


def _history_of_rwanda_partnership(code):
    district = f"District {code}"
    return [
        {"status": Status.ACTIVE, "date": PILOT_START},
        {
            "status": Status.INTERRUPTED,
            "date": END_OF_FIRST_SEMESTER,
            "reason": RWANDA_INTERRUPTION_REASONS[code],
            "withdrawn_by": district,
            "note": RWANDA_INTERRUPTION_NOTE,
        },
        {
            "status": Status.TERMINATED,
            "date": DIPLOMATIC_BREAK,
            "reason": Reason.DIPLOMATIC_BREAK,
            "withdrawn_by": district,
            "note": RWANDA_TERMINATION_NOTE,
        },
    ]


# (north, south, theme, status history in date order)
PARTNERSHIPS = [
    (
        "Laarne",
        "Ouinhi",
        "benin",
        [
            {"status": Status.ACTIVE, "date": PILOT_START},
            {"status": Status.TWINNING, "date": PILOT_END, "note": TWINNING_NOTE},
        ],
    ),
    (
        "Sint-Truiden",
        "Covè",
        "benin",
        [
            {"status": Status.ACTIVE, "date": PILOT_START},
            {"status": Status.COMPLETED, "date": PILOT_END, "note": COVE_NOTE},
        ],
    ),
    (
        "Schoten",
        "Lalo",
        "benin",
        [
            {"status": Status.ACTIVE, "date": PILOT_START},
            {
                "status": Status.TERMINATED,
                "date": END_OF_FIRST_SEMESTER,
                "reason": Reason.STAFF_DEPARTURE,
                "withdrawn_by": "Schoten",
                "note": SCHOTEN_NOTE,
            },
        ],
    ),
    *(
        (
            f"Flemish municipality {code}",
            f"District {code}",
            "rwanda",
            _history_of_rwanda_partnership(code),
        )
        for code in RWANDA_TRACK
    ),
]

# role key -> person; "member_of" is (local government, membership role).
PEOPLE = {
    "admin": {
        "email": f"admin@{DEMO_DOMAIN}",
        "last_name": "Administrator",
        "language": "en",
        "is_superuser": True,
    },
    "staff": {
        "email": f"staff@{DEMO_DOMAIN}",
        "last_name": "Programme Manager VVSG",
        "position": "Programme manager, VVSG",
        "language": "nl",
    },
    "consultant": {
        "email": f"consultant@{DEMO_DOMAIN}",
        "last_name": "Consultant",
        "position": "External consultant",
        "language": "en",
    },
    "focal_laarne": {
        "email": f"focal.laarne@{DEMO_DOMAIN}",
        "last_name": "Focal Point Laarne",
        "position": "Algemeen directeur",
        "language": "nl",
        "member_of": ("Laarne", Membership.Role.FOCAL_POINT),
    },
    "team_laarne": {
        "email": f"team.laarne@{DEMO_DOMAIN}",
        "last_name": "Team Member Laarne",
        "position": "Medewerker lokale economie",
        "language": "nl",
        "member_of": ("Laarne", Membership.Role.TEAM_MEMBER),
    },
    "focal_ouinhi": {
        "email": f"focal.ouinhi@{DEMO_DOMAIN}",
        "last_name": "Focal Point Ouinhi",
        "position": "Secrétaire Exécutif",
        "language": "fr",
        "member_of": ("Ouinhi", Membership.Role.FOCAL_POINT),
    },
    "focal_sint_truiden": {
        "email": f"focal.sint-truiden@{DEMO_DOMAIN}",
        "last_name": "Focal Point Sint-Truiden",
        "position": "Local Global Policy Expert",
        "language": "nl",
        "member_of": ("Sint-Truiden", Membership.Role.FOCAL_POINT),
    },
    "focal_cove": {
        "email": f"focal.cove@{DEMO_DOMAIN}",
        "last_name": "Focal Point Covè",
        "position": "Secrétaire Exécutif",
        "language": "fr",
        "member_of": ("Covè", Membership.Role.FOCAL_POINT),
    },
    "observer_ancb": {
        "email": f"observer.ancb@{DEMO_DOMAIN}",
        "last_name": "Observer ANCB",
        "position": "ANCB",
        "language": "fr",
        "observes": "ANCB",
    },
}


def load(world):
    password = getattr(world, "password", "demo")
    world.programme = _programme()
    world.countries = {
        code: Country.objects.update_or_create(iso_code=code, defaults=fields)[0]
        for code, fields in COUNTRIES.items()
    }
    world.umbrellas = {
        acronym: UmbrellaOrganisation.objects.update_or_create(
            acronym=acronym,
            defaults={
                "country": world.countries[fields["country"]],
                "name": fields["name"],
                "website": fields.get("website", ""),
            },
        )[0]
        for acronym, fields in UMBRELLAS.items()
    }
    world.themes = {
        key: LearningTheme.objects.update_or_create(
            programme=world.programme, name_en=fields["name_en"], defaults=fields
        )[0]
        for key, fields in THEMES.items()
    }
    world.lg = {
        name: LocalGovernment.objects.update_or_create(
            name=name,
            country=world.countries[country],
            defaults={
                "kind": world.countries[country].local_unit,
                "umbrella": world.umbrellas[umbrella],
                "website": website,
            },
        )[0]
        for name, (country, umbrella, website) in LOCAL_GOVERNMENTS.items()
    }
    world.users = {
        key: _person(world, password=password, **fields) for key, fields in PEOPLE.items()
    }
    services.programme_staff_add(programme=world.programme, user=world.users["staff"])
    world.partnerships = {}
    for north, south, theme, history in PARTNERSHIPS:
        partnership, _created = Partnership.objects.get_or_create(
            programme=world.programme,
            north=world.lg[north],
            south=world.lg[south],
            defaults={"theme": world.themes[theme], "start_date": PILOT_START},
        )
        partnership.consultants.add(world.users["consultant"])
        for step in history:
            _record_status(world, partnership, **step)
        world.partnerships[f"{north}-{south}"] = partnership


def _programme():
    programme, _created = Programme.objects.update_or_create(
        name="SDG Partnerships 2024-2025",
        defaults={
            "parent_programme": "GLoBe (Good Local Governance)",
            "start_date": PILOT_START,
            "end_date": PILOT_END,
            "funding_per_partnership": 35000,
        },
    )
    return programme


def _person(
    world,
    *,
    password,
    email,
    last_name,
    language,
    position="",
    is_superuser=False,
    member_of=None,
    observes=None,
):
    user = services.person_get_or_create(
        email=email, first_name="Demo", last_name=last_name, position=position, language=language
    )
    user.first_name, user.last_name = "Demo", last_name
    user.position, user.language = position, language
    user.profile = user.Profile.TECHNICAL
    user.is_superuser = user.is_staff = is_superuser
    if not user.check_password(password):
        user.set_password(password)
    user.save()
    if member_of:
        name, role = member_of
        Membership.objects.update_or_create(
            user=user, local_government=world.lg[name], defaults={"role": role}
        )
    if observes:
        world.umbrellas[observes].observers.add(user)
    return user


def _record_status(world, partnership, *, status, date, withdrawn_by=None, **details):
    """One step of the status history, through the model's own rules; recorded once."""
    if partnership.status_changes.filter(status=status, date=date).exists():
        return
    partnership.change_status(
        status=status,
        date=date,
        by=world.users["staff"],
        withdrawn_by=world.lg[withdrawn_by] if withdrawn_by else None,
        **details,
    )
