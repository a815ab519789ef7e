"""The site visits' own pages, on the world's visit of programme A on which Ouinhi visits Laarne
(`delegations["shared_a"]`, tests/permissions/world.py).

A visit is the programme's event: everyone taking part in programme A reads it (404 for
programme B's people). Its delegation is read by both municipalities' teams, their consultant,
programme staff and the observer of Ouinhi's umbrella. Staff and the programme's consultants
plan and change visits; a delegation's members are kept and it is withdrawn by the visiting
team, its consultant and staff; priorities are the visiting team's and its consultant's.
"""

from django.urls import reverse

from tests.permissions.matrix import Row, everyone, only

PROGRAMME_A = {
    "staff",
    "consultant",
    "other_consultant",
    "focal_point",
    "team_member",
    "partner_focal_point",
    "stranger",
    "observer",
}
DELEGATION_READERS = {
    "staff",
    "consultant",
    "focal_point",
    "team_member",
    "partner_focal_point",
    "observer",
}
PLANNERS = {"staff", "consultant", "other_consultant"}
# Ouinhi visits: its team, the partnership's consultant and programme staff.
KEEPERS = {"staff", "consultant", "partner_focal_point"}


def refused(allowed, readers, code=200):
    return only(code, allowed) | dict.fromkeys(readers - allowed, 403)


def visit(w):
    return {"pk": w.delegations["shared_a"].visit_id}


def delegation(w):
    return {"pk": w.delegations["shared_a"].pk}


def plan_in_a(w):
    return f"{reverse('visits:visit_create')}?programme={w.programme.pk}"


ROWS = [
    Row("visits:visit_list", expect=everyone(200, anonymous=302)),
    Row("visits:visit_detail", kwargs=visit, expect=only(200, PROGRAMME_A)),
    Row("visits:visit_create", url=plan_in_a, expect=refused(PLANNERS, PROGRAMME_A)),
    Row("visits:visit_update", kwargs=visit, expect=refused(PLANNERS, PROGRAMME_A)),
    Row("visits:delegation_detail", kwargs=delegation, expect=only(200, DELEGATION_READERS)),
    Row(
        "visits:delegation_members",
        kwargs=delegation,
        expect=refused(KEEPERS, DELEGATION_READERS),
    ),
    Row(
        "visits:delegation_withdraw",
        kwargs=delegation,
        expect=refused(KEEPERS, DELEGATION_READERS),
    ),
    Row(
        "visits:delegation_reinstate",
        kwargs=delegation,
        method="post",
        expect=refused(KEEPERS, DELEGATION_READERS, 302),
    ),
    Row(
        "visits:delegation_priorities",
        kwargs=delegation,
        expect=only(200, DELEGATION_READERS),
    ),
]
