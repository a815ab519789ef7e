"""The interim evaluations and the methodology log of programme A. The rows' objects are made in
each request's savepoint: a round of programme A open today and an adjustment in its log.

Everyone in programme A finds its rounds and its log (programme B's people do not: 404). Its
staff open and change rounds; its participants, the teams of its partnerships' municipalities
and its consultants, answer (staff and the observer may not: 403); its staff and consultants
keep the log."""

import datetime

from django.urls import reverse
from django.utils import timezone

from coaching.models import EvaluationRound, MethodologyAdjustment
from tests.permissions.matrix import Row, everyone, only, saved

IN_A = {
    "staff",
    "consultant",
    "other_consultant",
    "focal_point",
    "team_member",
    "partner_focal_point",
    "stranger",
    "observer",
}


def in_a(code, roles):
    """`code` for `roles`, 403 for the others of programme A, 404 for programme B's."""
    return only(code, roles, **dict.fromkeys(IN_A - set(roles), 403))


READ_A = only(200, IN_A)
STAFF_A = in_a(200, {"staff"})
PARTICIPANTS_A = in_a(
    200,
    {"consultant", "other_consultant", "focal_point", "team_member", "partner_focal_point"}
    | {"stranger"},
)
LOG_KEEPERS_A = in_a(200, {"staff", "consultant", "other_consultant"})


def evaluation_a(w):
    today = timezone.localdate()
    return EvaluationRound.objects.get_or_create(
        programme=w.programme,
        title="Interim evaluation of the matrix",
        defaults={
            "opens_on": today - datetime.timedelta(days=7),
            "closes_on": today + datetime.timedelta(days=7),
        },
    )[0]


def adjustment_a(w):
    return MethodologyAdjustment.objects.get_or_create(
        programme=w.programme,
        decision="More individual coaching.",
        defaults={"date": datetime.date(2024, 6, 4), "reason": "Long group meetings."},
    )[0]


def in_programme_a(name):
    return lambda w: f"{reverse(name)}?programme={w.programme.pk}"


def round_dates(w):
    return {"title": "December 2024", "opens_on": "2024-12-02", "closes_on": "2024-12-20"}


def adjustment_data(w):
    return {"date": "2024-06-04", "decision": "Shorter meetings.", "reason": "About 90 minutes."}


ROWS = [
    Row("coaching:evaluation_list", expect=everyone(200, anonymous=302)),
    Row(
        "coaching:evaluation_create",
        url=in_programme_a("coaching:evaluation_create"),
        expect=STAFF_A,
    ),
    Row(
        "coaching:evaluation_create",
        method="post",
        url=in_programme_a("coaching:evaluation_create"),
        data=round_dates,
        expect=saved(STAFF_A),
    ),
    Row("coaching:evaluation_detail", kwargs=lambda w: {"pk": evaluation_a(w).pk}, expect=READ_A),
    Row("coaching:evaluation_update", kwargs=lambda w: {"pk": evaluation_a(w).pk}, expect=STAFF_A),
    Row(
        "coaching:evaluation_update",
        method="post",
        kwargs=lambda w: {"pk": evaluation_a(w).pk},
        data=round_dates,
        expect=saved(STAFF_A),
    ),
    Row(
        "coaching:evaluation_answer",
        kwargs=lambda w: {"pk": evaluation_a(w).pk},
        expect=PARTICIPANTS_A,
    ),
    Row(
        "coaching:evaluation_answer",
        method="post",
        kwargs=lambda w: {"pk": evaluation_a(w).pk},
        data=lambda w: {"worked": "The bilateral meetings.", "improve": "Shorter meetings."},
        expect=saved(PARTICIPANTS_A),
    ),
    Row("coaching:adjustment_list", expect=everyone(200, anonymous=302)),
    Row(
        "coaching:adjustment_create",
        url=in_programme_a("coaching:adjustment_create"),
        expect=LOG_KEEPERS_A,
    ),
    Row(
        "coaching:adjustment_create",
        method="post",
        url=in_programme_a("coaching:adjustment_create"),
        data=adjustment_data,
        expect=saved(LOG_KEEPERS_A),
    ),
    Row(
        "coaching:adjustment_update",
        kwargs=lambda w: {"pk": adjustment_a(w).pk},
        expect=LOG_KEEPERS_A,
    ),
    Row(
        "coaching:adjustment_update",
        method="post",
        kwargs=lambda w: {"pk": adjustment_a(w).pk},
        data=adjustment_data,
        expect=saved(LOG_KEEPERS_A),
    ),
]
