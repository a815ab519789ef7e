"""The final report's pages. `w.report` is the built report of Laarne-Ouinhi and
`w.failed_report` Laarne's failed one, both asked for by Laarne's focal point: a job is its
requester's alone. Starting a report: the programme's report by its staff and consultants, a
partnership's by its staff, consultants and both teams, a municipality's by whoever works with
it in a programme (staff, consultants, its team and its partners'); the observer reads those
pages but starts no report (403), the others do not find them (404)."""

from tests.permissions.matrix import Row, everyone, only, saved

OWN_JOB = only(200, {"focal_point"})
# Programme A: every participant finds it; only its staff and consultants report on it.
START_PROGRAMME_A = only(
    200,
    {"staff", "consultant", "other_consultant"},
    **dict.fromkeys(
        ("focal_point", "team_member", "partner_focal_point", "stranger", "observer"), 403
    ),
)
# Laarne-Ouinhi: those who read it, but the observer.
START_LAARNE_OUINHI = only(
    200,
    {"staff", "consultant", "focal_point", "team_member", "partner_focal_point"},
    observer=403,
)
# Laarne, in programme A or B: those who work with it; the observer does not find it.
START_LAARNE = only(
    200,
    {
        "staff",
        "staff_b",
        "consultant",
        "consultant_b",
        "focal_point",
        "team_member",
        "partner_focal_point",
        "bohicon_focal_point",
    },
)
# Ouinhi: the ANCB observer finds it and is refused.
START_OUINHI = only(
    200,
    {"staff", "consultant", "focal_point", "team_member", "partner_focal_point"},
    observer=403,
)


# Programme A's chapters: its staff write them; the others who find the programme may not.
CHAPTERS_A = only(
    200,
    {"staff"},
    **dict.fromkeys(
        (
            "consultant",
            "other_consultant",
            "focal_point",
            "team_member",
            "partner_focal_point",
            "stranger",
            "observer",
        ),
        403,
    ),
)


def report(w):
    return {"pk": w.report.pk}


def in_programme_a(w):
    return {"programme": w.programme.pk, "language": "fr", "with_appendices": "on"}


ROWS = [
    Row("reports:job_list", expect=everyone(200, anonymous=302)),
    Row("reports:job_detail", kwargs=report, expect=OWN_JOB),
    Row(
        "reports:job_detail",
        kwargs=lambda w: {"pk": w.failed_report.pk},
        label="failed",
        expect=OWN_JOB,
    ),
    Row("reports:job_progress", kwargs=report, expect=OWN_JOB),
    Row("reports:job_download", kwargs=report, expect=OWN_JOB),
    Row(
        "reports:job_create_programme",
        kwargs=lambda w: {"pk": w.programme.pk},
        expect=START_PROGRAMME_A,
    ),
    Row(
        "reports:job_create_programme",
        kwargs=lambda w: {"pk": w.programme.pk},
        method="post",
        data=in_programme_a,
        expect=saved(START_PROGRAMME_A),
    ),
    Row(
        "reports:job_create_partnership",
        kwargs=lambda w: {"pk": w.partnership.pk},
        expect=START_LAARNE_OUINHI,
    ),
    Row(
        "reports:job_create_partnership",
        kwargs=lambda w: {"pk": w.partnership.pk},
        method="post",
        data=in_programme_a,
        expect=saved(START_LAARNE_OUINHI),
    ),
    Row(
        "reports:job_create_local_government",
        kwargs=lambda w: {"pk": w.laarne.pk},
        expect=START_LAARNE,
    ),
    Row(
        "reports:job_create_local_government",
        kwargs=lambda w: {"pk": w.ouinhi.pk},
        label="ouinhi",
        expect=START_OUINHI,
    ),
    Row(
        "reports:job_create_local_government",
        kwargs=lambda w: {"pk": w.laarne.pk},
        method="post",
        data=in_programme_a,
        # Programme B's people may not choose programme A: the form says so.
        expect={
            **saved(START_LAARNE),
            "staff_b": 200,
            "consultant_b": 200,
            "bohicon_focal_point": 200,
        },
    ),
    Row(
        "reports:narrative_update",
        kwargs=lambda w: {"pk": w.programme.pk},
        expect=CHAPTERS_A,
    ),
    Row(
        "reports:narrative_update",
        kwargs=lambda w: {"pk": w.programme.pk},
        method="post",
        data=lambda w: {"conclusions": "The experiment proved to be a success."},
        expect=saved(CHAPTERS_A),
    ),
]
