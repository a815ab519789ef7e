"""Learning questions (tool 5), the exchange around them and their evolution, on a shared
programme-A table of Laarne (`w.question`, with a sub-question and Ouinhi's response).

Laarne's team and consultant change the question; Ouinhi, the partner, reads it and is the one
who responds; Laarne's consultant writes coaching notes, which programme staff also read; the
ANCB observer reads. Schoten's focal point and the other consultant never find Laarne's
question (404), but they take part in the same programme's knowledge network. Programme B's
staff, consultant and Bohicon find none of it, though Laarne is their partner in programme B.
Programme-wide tables (supply and demand, the evolution overview) are for staff and consultants.
"""

from tests.permissions.matrix import Row, everyone


def shared(w):
    return {"pk": w.question.pk}


def draft(w):
    return {"pk": w.draft_question.pk}


def subquestion(w):
    return {"pk": w.question.subquestions.get().pk}


def attachment(w):
    return {"pk": w.attachment.pk}


def parts(w):
    item = w.question
    sub = item.subquestions.get()
    return {
        "question-version": str(item.version),
        "obstacles-TOTAL_FORMS": "1",
        "obstacles-INITIAL_FORMS": "0",
        "obstacles-0-order": "1",
        "obstacles-0-text": "Nobody comes",
        "subquestions-TOTAL_FORMS": "1",
        "subquestions-INITIAL_FORMS": "1",
        "subquestions-0-id": str(sub.pk),
        "subquestions-0-order": "1",
        "subquestions-0-text": sub.text,
        "subquestions-0-priority": "must",
        "subquestions-0-answer_status": "open",
    }


def programme(w):
    return {"pk": w.programme.pk}


def summary(w):
    return {"programme": w.programme.pk, "pk": w.laarne.pk}


READ = {
    "anonymous": 302, "superuser": 200, "staff": 200, "consultant": 200, "other_consultant": 404,
    "focal_point": 200, "team_member": 200, "partner_focal_point": 200, "stranger": 404,
    "observer": 200, "staff_b": 404, "consultant_b": 404, "bohicon_focal_point": 404,
}  # fmt: skip
READ_DRAFT = {**READ, "partner_focal_point": 404, "observer": 404}
# Laarne's team and consultant change the question; staff, partner and observer read only.
EDIT = {
    "anonymous": 302, "superuser": 200, "staff": 403, "consultant": 200, "other_consultant": 404,
    "focal_point": 200, "team_member": 200, "partner_focal_point": 403, "stranger": 404,
    "observer": 403, "staff_b": 404, "consultant_b": 404, "bohicon_focal_point": 404,
}  # fmt: skip
EDIT_SAVED = {role: 302 if code == 200 else code for role, code in EDIT.items()}
# Ouinhi, the partner offering expertise, responds.
RESPOND = {
    **READ, "staff": 403, "consultant": 403, "focal_point": 403, "team_member": 403,
    "observer": 403,
}  # fmt: skip
RESPONDED = {role: 302 if code == 200 else code for role, code in RESPOND.items()}
# Laarne's consultant writes coaching notes.
NOTE = {
    **READ, "superuser": 302, "staff": 403, "consultant": 302, "focal_point": 403,
    "team_member": 403, "partner_focal_point": 403, "observer": 403,
}  # fmt: skip
# Programme-wide tables: staff and every consultant of the programme.
PROGRAMME_TABLES = everyone(
    403,
    anonymous=302,
    superuser=200,
    staff=200,
    consultant=200,
    other_consultant=200,
    staff_b=404,
    consultant_b=404,
    bohicon_focal_point=404,
)
# Every participant of programme A; programme B's people do not find it.
PROGRAMME_A = everyone(200, anonymous=302, staff_b=404, consultant_b=404, bohicon_focal_point=404)
# Laarne's timeline: whoever finds Laarne (in either programme), but the observer of ANCB.
EVOLUTION = {
    **READ, "staff_b": 200, "consultant_b": 200, "bohicon_focal_point": 200, "observer": 404,
}  # fmt: skip
# The summary of Laarne in the report: staff and Laarne's consultant.
# The observer does not find Laarne (not of its umbrella), so not its summary either.
SUMMARY = {**EDIT, "staff": 200, "focal_point": 403, "team_member": 403, "observer": 404}
SUMMARY_SAVED = {role: 302 if code == 200 else code for role, code in SUMMARY.items()}

ROWS = [
    # The table itself: Bohicon, Laarne's partner in programme B only, does not read it.
    Row(
        "learning:sheet_detail",
        kwargs=lambda w: {"slug": "learning-questions", "pk": w.extra["laarne-questions-a"].pk},
        label="laarne-questions-a",
        expect=READ,
    ),
    Row("learning:question_detail", kwargs=shared, expect=READ),
    Row("learning:question_detail", kwargs=draft, label="draft", expect=READ_DRAFT),
    Row("learning:question_update", kwargs=shared, expect=EDIT),
    Row("learning:question_update", kwargs=shared, method="post", data=parts, expect=EDIT_SAVED),
    Row("learning:question_reformulate", kwargs=shared, expect=EDIT),
    Row(
        "learning:question_reformulate",
        kwargs=shared,
        method="post",
        data=lambda w: {"text": "How do we make councils meaningful?", "date": "2024-09-20"},
        expect=EDIT_SAVED,
    ),
    Row("learning:question_split", kwargs=shared, expect=EDIT),
    Row(
        "learning:question_split",
        kwargs=shared,
        method="post",
        data=lambda w: {
            "first": "Who takes part in our councils?",
            "second": "How do the councils reach the neighbourhoods?",
            "date": "2024-09-20",
        },
        expect=EDIT_SAVED,
    ),
    # A question of one municipality has no place in several owners' lists (joint questions
    # are in tests/learning/test_question_changes.py).
    Row(
        "learning:question_place",
        kwargs=lambda w: {"pk": w.question.pk, "owner": w.laarne.pk},
        expect=everyone(404, anonymous=302),
    ),
    Row("learning:question_drop", kwargs=shared, expect=EDIT),
    Row(
        "learning:question_drop",
        kwargs=shared,
        method="post",
        data=lambda w: {"reason": "A sensitive matter", "date": "2024-04-15"},
        expect=EDIT_SAVED,
    ),
    Row("learning:response_create", kwargs=shared, expect=RESPOND),
    Row(
        "learning:response_create",
        kwargs=shared,
        method="post",
        data=lambda w: {"text": "Our advisory council for market traders meets monthly."},
        expect=RESPONDED,
    ),
    Row(
        "learning:coachingnote_create",
        kwargs=shared,
        method="post",
        data=lambda w: {"text": "Ask them who is missing from the councils."},
        expect=NOTE,
    ),
    Row(
        "learning:subquestion_status",
        kwargs=subquestion,
        method="post",
        data=lambda w: {"answer_status": "partly"},
        expect=EDIT_SAVED,
    ),
    Row("learning:attachment_download", kwargs=attachment, expect=READ),
    Row(
        "learning:partnership_exchange",
        kwargs=lambda w: {"pk": w.partnership.pk},
        expect=READ,
    ),
    Row("learning:supply_demand", kwargs=programme, expect=PROGRAMME_TABLES),
    Row("learning:knowledge_network", kwargs=programme, expect=PROGRAMME_A),
    Row("learning:evolution", kwargs=lambda w: {"pk": w.laarne.pk}, expect=EVOLUTION),
    Row("learning:evolution_overview", kwargs=programme, expect=PROGRAMME_TABLES),
    Row("learning:evolution_summary_update", kwargs=summary, expect=SUMMARY),
    Row(
        "learning:evolution_summary_update",
        kwargs=summary,
        method="post",
        data=lambda w: {"order": 2, "application_summary": "Advisory councils revived."},
        expect=SUMMARY_SAVED,
    ),
]
