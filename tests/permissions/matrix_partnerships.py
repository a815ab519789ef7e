"""Partnerships and local governments. `w.partnership` is Laarne-Ouinhi, `w.other_partnership`
Schoten-Lalo (both programme A), `w.partnership_b` Laarne-Bohicon (programme B). Lalo, Ouinhi and
Bohicon are members of ANCB, so the observer reads their partnerships; it reads its own
country's municipalities, not the Flemish ones (their teams are the other side's)."""

import datetime

from tests.permissions.matrix import ROLES, Row


def laarne_ouinhi(w):
    return {"pk": w.partnership.pk}


def schoten_lalo(w):
    return {"pk": w.other_partnership.pk}


def laarne(w):
    return {"pk": w.laarne.pk}


def schoten(w):
    return {"pk": w.other_partnership.north.pk}


def status_change(w):
    return {"status": "completed", "date": datetime.date(2025, 12, 31).isoformat()}


def consultant_invitation(w):
    return {
        "email": "new.consultant@example.org",
        "first_name": "Luk",
        "last_name": "Consultant",
        "language": "en",
    }


def member_invitation(w):
    return {
        "email": "new.member@laarne.example",
        "first_name": "An",
        "last_name": "Member",
        "language": "nl",
        "role": "team_member",
    }


def new_partnership(w):
    """Laarne with Lalo in programme A: a pair the programme does not have yet."""
    return {
        "programme": w.programme.pk,
        "north": w.laarne.pk,
        "south": w.other_partnership.south.pk,
    }


def new_local_government(w):
    return {"name": "Zele", "kind": "municipality", "country": w.laarne.country.pk}


def laarne_edited(w):
    return {
        "name": "Laarne",
        "kind": "municipality",
        "country": w.laarne.country.pk,
        "website": "https://www.laarne.be/",
    }


# Who reads Laarne-Ouinhi (and Laarne's page).
READ_OWN = {
    "anonymous": 302, "superuser": 200, "staff": 200, "consultant": 200, "other_consultant": 404,
    "focal_point": 200, "team_member": 200, "partner_focal_point": 200, "stranger": 404,
    "observer": 200, "staff_b": 404, "consultant_b": 404, "bohicon_focal_point": 404,
}  # fmt: skip
# Laarne's page: Laarne takes part in programme B too, with Bohicon.
READ_LAARNE = {
    **READ_OWN, "staff_b": 200, "consultant_b": 200, "bohicon_focal_point": 200, "observer": 404,
}  # fmt: skip
# Laarne-Bohicon: programme B's people, Laarne's team and the observer of Bohicon.
READ_B = {
    "anonymous": 302, "superuser": 200, "staff": 404, "consultant": 404, "other_consultant": 404,
    "focal_point": 200, "team_member": 200, "partner_focal_point": 404, "stranger": 404,
    "observer": 200, "staff_b": 200, "consultant_b": 200, "bohicon_focal_point": 200,
}  # fmt: skip
# Who reads Schoten-Lalo (and Schoten's page).
READ_OTHER = {
    "anonymous": 302, "superuser": 200, "staff": 200, "consultant": 404, "other_consultant": 200,
    "focal_point": 404, "team_member": 404, "partner_focal_point": 404, "stranger": 200,
    "observer": 200, "staff_b": 404, "consultant_b": 404, "bohicon_focal_point": 404,
}  # fmt: skip
# Schoten's page: Flemish, so not the observer's.
READ_SCHOTEN = {**READ_OTHER, "observer": 404}
# Only programme staff act: everyone else who reads gets 403, the others 404.
STAFF_FORM = {
    "anonymous": 302, "superuser": 200, "staff": 200, "consultant": 403, "other_consultant": 404,
    "focal_point": 403, "team_member": 403, "partner_focal_point": 403, "stranger": 404,
    "observer": 403, "staff_b": 404, "consultant_b": 404, "bohicon_focal_point": 404,
}  # fmt: skip
# Laarne's team invitations: staff of either programme; the observer is refused either way.
STAFF_FORM_LAARNE = {
    **STAFF_FORM, "staff_b": 200, "consultant_b": 403, "bohicon_focal_point": 403,
    "observer": (403, 404),
}  # fmt: skip
STAFF_POST_LAARNE = {role: 302 if code == 200 else code for role, code in STAFF_FORM_LAARNE.items()}
STAFF_POST = {role: 302 if code == 200 else code for role, code in STAFF_FORM.items()}
# Pages of programme staff that start from no object: everyone else is refused.
STAFF_ONLY = {**dict.fromkeys(ROLES, 403), "anonymous": 302, "superuser": 200}
STAFF_ONLY |= {"staff": 200, "staff_b": 200}
STAFF_ONLY_POST = {role: 302 if code == 200 else code for role, code in STAFF_ONLY.items()}
# Laarne's page is edited by the staff of either programme it takes part in.
EDIT_LAARNE = {**STAFF_FORM_LAARNE, "observer": 404}

ROWS = [
    Row(
        "partnerships:partnership_list",
        expect={role: 302 if role == "anonymous" else 200 for role in ROLES},
    ),
    Row("partnerships:partnership_detail", kwargs=laarne_ouinhi, expect=READ_OWN),
    Row(
        "partnerships:partnership_detail",
        kwargs=schoten_lalo,
        label="other-partnership",
        expect=READ_OTHER,
    ),
    Row("partnerships:partnership_status", kwargs=laarne_ouinhi, expect=STAFF_FORM),
    Row(
        "partnerships:partnership_status",
        kwargs=laarne_ouinhi,
        method="post",
        data=status_change,
        expect=STAFF_POST,
    ),
    Row("partnerships:partnership_invite", kwargs=laarne_ouinhi, expect=STAFF_FORM),
    Row(
        "partnerships:partnership_invite",
        kwargs=laarne_ouinhi,
        method="post",
        data=consultant_invitation,
        expect=STAFF_POST,
    ),
    Row(
        "partnerships:partnership_detail",
        kwargs=lambda w: {"pk": w.partnership_b.pk},
        label="programme-b",
        expect=READ_B,
    ),
    Row("partnerships:localgovernment_detail", kwargs=laarne, expect=READ_LAARNE),
    Row(
        "partnerships:localgovernment_detail",
        kwargs=schoten,
        label="other-municipality",
        expect=READ_SCHOTEN,
    ),
    Row("partnerships:localgovernment_invite", kwargs=laarne, expect=STAFF_FORM_LAARNE),
    Row(
        "partnerships:localgovernment_invite",
        kwargs=laarne,
        method="post",
        data=member_invitation,
        expect=STAFF_POST_LAARNE,
    ),
    Row("partnerships:partnership_create", expect=STAFF_ONLY),
    Row(
        "partnerships:partnership_create",
        method="post",
        data=new_partnership,
        # Programme B's staff may not start a partnership in programme A: the form says so.
        expect={**STAFF_ONLY_POST, "staff_b": 200},
    ),
    Row("partnerships:localgovernment_create", expect=STAFF_ONLY),
    Row(
        "partnerships:localgovernment_create",
        method="post",
        data=new_local_government,
        expect=STAFF_ONLY_POST,
    ),
    Row("partnerships:localgovernment_update", kwargs=laarne, expect=EDIT_LAARNE),
    Row(
        "partnerships:localgovernment_update",
        kwargs=laarne,
        method="post",
        data=laarne_edited,
        expect={role: 302 if code == 200 else code for role, code in EDIT_LAARNE.items()},
    ),
]
