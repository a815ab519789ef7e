"""Following the action plan (tool 10), on the world's action plans and their sample action:
the draft of programme A is Laarne's, about its visit to Ouinhi; the shared one Ouinhi's, about
its visit to Laarne (tests/permissions/world.py).

Readers of the plan read its actions and their evidence (404 for the others). The visiting
municipality's team and its consultant follow them (status, progress notes, a learning question
from an action) and add actions from the delegation; the partner, programme staff and the
observer read only (403).
"""

from django.core.files.base import ContentFile
from django.urls import reverse

from tests.permissions.matrix import Row, only
from tests.permissions.world import OWNERS_A_LAARNE, READERS_A
from visits import services

LAARNE_FOLLOWERS = {"focal_point", "team_member", "consultant"}
OUINHI_FOLLOWERS = {"partner_focal_point", "consultant"}
DELEGATION_READERS_A = READERS_A

READ_DRAFT = only(200, OWNERS_A_LAARNE)
READ_SHARED = only(200, READERS_A)
FOLLOW_SHARED = only(302, OUINHI_FOLLOWERS) | dict.fromkeys(READERS_A - OUINHI_FOLLOWERS, 403)
QUESTION_SHARED = only(200, OUINHI_FOLLOWERS) | dict.fromkeys(READERS_A - OUINHI_FOLLOWERS, 403)
ADD_TO_DRAFT = only(200, LAARNE_FOLLOWERS) | dict.fromkeys(
    DELEGATION_READERS_A - LAARNE_FOLLOWERS, 403
)


def action(kind):
    return lambda w: {"pk": getattr(w, kind)["action-plan"].actions.get().pk}


def delegation(w):
    return {"pk": w.draft_a["action-plan"].delegation_id}


def evidence(w):
    """A note with a document on Ouinhi's shared plan's action (made in each role's savepoint)."""
    note = services.add_action_note(
        action=w.shared_a["action-plan"].actions.get(),
        text="Minutes of the council",
        file=ContentFile(b"%PDF-1.4 minutes", name="minutes.pdf"),
        by=w.partner_focal_point,
    )
    return reverse("visits:action_note_file", args=[note.pk])


ROWS = [
    Row("visits:action_detail", kwargs=action("draft_a"), expect=READ_DRAFT, label="draft"),
    Row("visits:action_detail", kwargs=action("shared_a"), expect=READ_SHARED, label="shared"),
    Row(
        "visits:action_status",
        kwargs=action("shared_a"),
        method="post",
        data=lambda w: {"status": "in_progress", "status_reason": ""},
        expect=FOLLOW_SHARED,
    ),
    Row(
        "visits:action_note_create",
        kwargs=action("shared_a"),
        method="post",
        data=lambda w: {"date": "2025-04-10", "text": "The council met."},
        expect=FOLLOW_SHARED,
    ),
    Row("visits:action_note_file", url=evidence, expect=READ_SHARED),
    Row("visits:action_question", kwargs=action("shared_a"), expect=QUESTION_SHARED),
    Row("visits:action_new", kwargs=delegation, expect=ADD_TO_DRAFT),
]
