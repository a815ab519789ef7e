"""The learning-cycle dashboard: for the consultants and the programmes' staff. Without
`?programme=` each of them finds the municipalities they follow; a municipality's team and an
observer, who coach no one, are refused (403). Of programme A: its staff and consultants; who
takes part in it otherwise is refused (403); who has no part in it does not find it (404)."""

from django.urls import reverse

from tests.permissions.matrix import Row, only

FOLLOWERS = {"staff", "consultant", "other_consultant", "staff_b", "consultant_b"}
REFUSED = ("focal_point", "team_member", "partner_focal_point", "stranger", "observer")

ALL_MINE = only(200, FOLLOWERS, otherwise=403)
IN_PROGRAMME_A = only(
    200, {"staff", "consultant", "other_consultant"}, **dict.fromkeys(REFUSED, 403)
)


def in_programme_a(w):
    return f"{reverse('coaching:dashboard')}?programme={w.programme.pk}"


ROWS = [
    Row("coaching:dashboard", expect=ALL_MINE),
    Row("coaching:dashboard", expect=IN_PROGRAMME_A, label="programme-a", url=in_programme_a),
]
