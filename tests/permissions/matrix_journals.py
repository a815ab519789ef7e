"""The learning journals' own pages (tools 8 and 9): starting one from the delegation, a row of
tool 8, a day of tool 9.

The journals belong to the visiting municipality alone: programme A's draft to Laarne (its visit
to Ouinhi), the shared one to Ouinhi (its visit to Laarne). Its team and the partnership's
consultant write in them; programme staff and, once shared, the partner and the observer read
them (403 on these writing pages); the others do not see them (404).
"""

from tests.permissions.matrix import Row, only, saved
from tests.permissions.world import OWNERS_A_LAARNE, READERS_A

ACTIVITY, OBJECTIVE = "journal-per-activity", "journal-per-objective"
LAARNE_WRITERS = {"focal_point", "team_member", "consultant"}
OUINHI_WRITERS = {"partner_focal_point", "consultant"}

WRITE_DRAFT_A = only(200, LAARNE_WRITERS) | dict.fromkeys(OWNERS_A_LAARNE - LAARNE_WRITERS, 403)
WRITE_SHARED_A = only(200, OUINHI_WRITERS) | dict.fromkeys(READERS_A - OUINHI_WRITERS, 403)
# Laarne's team and its consultant start Laarne's journals; the delegation's other readers may
# not (a journal that exists already is opened instead: 302 as well).
START_A = only(302, LAARNE_WRITERS) | dict.fromkeys(READERS_A - LAARNE_WRITERS, 403)


def entry(kind):
    return lambda w: {"entry": getattr(w, kind)[ACTIVITY].entries.order_by("pk").first().pk}


def journal(kind, slug=ACTIVITY):
    return lambda w: {"pk": getattr(w, kind)[slug].pk}


def day(kind):
    def kwargs(w):
        sheet = getattr(w, kind)[OBJECTIVE]
        return {"pk": sheet.pk, "date": sheet.field_days()[0].isoformat()}

    return kwargs


def new_entry(w):
    start = w.shared_a[ACTIVITY].delegation.visit.start_date
    return {"date": start.isoformat(), "start": "18:00", "title": "Dinner", "outcomes": "Much."}


ROWS = [
    Row(
        "visits:journal_start",
        kwargs=lambda w: {"pk": w.delegations["draft_a"].pk, "slug": ACTIVITY},
        method="post",
        expect=START_A,
    ),
    Row("visits:journal_entry", kwargs=entry("draft_a"), expect=WRITE_DRAFT_A, label="draft-a"),
    Row("visits:journal_entry", kwargs=entry("shared_a"), expect=WRITE_SHARED_A, label="shared-a"),
    Row(
        "visits:journal_entry",
        kwargs=entry("shared_a"),
        method="post",
        data=lambda w: {"outcomes": "The council meets monthly.", "applicable": "", "missing": ""},
        expect=saved(WRITE_SHARED_A),
        label="shared-a",
    ),
    Row("visits:journal_entry_add", kwargs=journal("draft_a"), expect=WRITE_DRAFT_A),
    Row(
        "visits:journal_entry_add",
        kwargs=journal("shared_a"),
        method="post",
        data=new_entry,
        expect=saved(WRITE_SHARED_A),
    ),
    Row("visits:journal_day", kwargs=day("draft_a"), expect=WRITE_DRAFT_A, label="draft-a"),
    Row("visits:journal_day", kwargs=day("shared_a"), expect=WRITE_SHARED_A, label="shared-a"),
    Row(
        "visits:journal_day",
        kwargs=day("shared_a"),
        method="post",
        data=lambda w: {"part": "unexpected", "unexpected": "Women lead the council."},
        expect=saved(WRITE_SHARED_A),
        label="shared-a",
    ),
]
