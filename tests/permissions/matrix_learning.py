"""The generic tool views, for every registered tool, on the world's sheets of that tool.

Laarne's programme-A draft: Laarne's team, its consultant and programme-A staff read it, the team
and the consultant edit and the team shares it; nobody else finds it (404), not even Laarne's
consultant or partner in programme B. Ouinhi's shared programme-A sheet: read by both sides of
Laarne-Ouinhi, their consultant, programme-A staff and the ANCB observer, changed by Ouinhi's
team and the consultant, reviewed or returned by the consultant; the observer does not comment.
Programme B's sheets are read within Laarne-Bohicon only: programme-A staff, Laarne's
programme-A consultant and Ouinhi never find them.

The journals and the action plan of a site visit (tools 8 to 10) are read and changed the same
way: each sheet of the world is about a delegation on which its municipality visits its
partner, and belongs to the visiting municipality alone. The visit programme's and the terms'
sheets belong to both sides of a delegation: their rows are in `matrix_visits.py`.
"""

from django.urls import reverse

from learning.forms import sheet_post_data
from learning.tools.registry import tools
from tests.learning.sheets import edit_data, owned_by_both_sides
from tests.permissions.matrix import Row, everyone, only, saved
from tests.permissions.world import (
    OWNERS_A_LAARNE,
    OWNERS_B_BOHICON,
    READERS_A,
    READERS_B,
)

READ_DRAFT_A = only(200, OWNERS_A_LAARNE)
READ_SHARED_A = only(200, READERS_A)
READ_DRAFT_B = only(200, OWNERS_B_BOHICON)
READ_SHARED_B = only(200, READERS_B)
# Ouinhi's shared sheet: its team and consultant edit; the other readers 403.
EDIT_SHARED_A = only(200, {"consultant", "partner_focal_point"}) | dict.fromkeys(
    READERS_A - {"consultant", "partner_focal_point"}, 403
)
# Laarne's programme-A draft: its team and programme-A consultant edit; staff read only.
EDIT_DRAFT_A = only(200, {"consultant", "focal_point", "team_member"}, staff=403)
# Laarne's programme-B sheet: its team and programme-B consultant edit.
EDIT_SHARED_B = only(200, {"consultant_b", "focal_point", "team_member"}) | dict.fromkeys(
    READERS_B - {"consultant_b", "focal_point", "team_member"}, 403
)
# Laarne's team shares its draft; the consultant and staff may not.
SHARE_DRAFT_A = only(302, {"focal_point", "team_member"}, staff=403, consultant=403)
# The consultant of Laarne-Ouinhi reviews or returns Ouinhi's shared sheet.
REVIEW_SHARED_A = only(302, {"consultant"}) | dict.fromkeys(READERS_A - {"consultant"}, 403)
# Whoever reads it comments, but the observer.
COMMENT_SHARED_A = saved(READ_SHARED_A) | {"observer": 403}
# Who fills in a tool for Laarne: its team and its consultants, in either programme. Programme
# staff and partners may not; the observer of ANCB is refused, whether it finds Laarne or not.
# Opened for programme A: programme B's consultant does not find Laarne there.
CREATE_FOR_LAARNE = only(
    200,
    {"consultant", "focal_point", "team_member"},
    staff=403,
    staff_b=403,
    partner_focal_point=403,
    bohicon_focal_point=403,
    observer=(403, 404),
)


def sheet_kwargs(kind, slug):
    def kwargs(w):
        return {"slug": slug, "pk": getattr(w, kind)[slug].pk}

    return kwargs


def step(kwargs, transition):
    """The kwargs of a transition of the sheet that `kwargs` finds."""
    return lambda w: {**kwargs(w), "transition": transition}


def tool_rows(tool):
    slug = tool.slug
    draft_a = sheet_kwargs("draft_a", slug)
    shared_a = sheet_kwargs("shared_a", slug)
    draft_b = sheet_kwargs("draft_b", slug)
    shared_b = sheet_kwargs("shared_b", slug)

    def for_laarne(w):
        return {"slug": slug, "owner": w.laarne.pk}

    def create_in_a(w):
        """Laarne takes part in two programmes: the page is opened for programme A."""
        path = reverse("learning:sheet_create", kwargs=for_laarne(w))
        return f"{path}?programme={w.programme.pk}"

    def new_sheet(w):
        return sheet_post_data(tool, tool.sample(w.laarne))

    def edit(w):
        return edit_data(tool, w.shared_a[slug], "Advisory councils and the market")

    # Laarne has this tool already: with one sheet per owner, the create page sends to it
    # and its form refuses a second one.
    if tool.many_per_owner:
        create, created = CREATE_FOR_LAARNE, saved(CREATE_FOR_LAARNE)
    else:
        # 409: the form comes back with what was typed and a link to the existing sheet.
        create, created = saved(CREATE_FOR_LAARNE), saved(CREATE_FOR_LAARNE, 409)

    def row(name, kwargs, expect, label="", **more):
        return Row(f"learning:{name}", kwargs=kwargs, expect=expect, label=f"{slug}{label}", **more)

    return [
        # Everyone finds the list; it shows only the sheets they may read.
        row("sheet_list", lambda w: {"slug": slug}, everyone(200, anonymous=302)),
        row("sheet_create", None, create, url=create_in_a),
        row("sheet_create", None, created, method="post", data=new_sheet, url=create_in_a),
        row("sheet_detail", draft_a, READ_DRAFT_A, "-draft-a"),
        row("sheet_detail", shared_a, READ_SHARED_A, "-shared-a"),
        row("sheet_detail", draft_b, READ_DRAFT_B, "-draft-b"),
        row("sheet_detail", shared_b, READ_SHARED_B, "-shared-b"),
        row("sheet_update", draft_a, EDIT_DRAFT_A, "-draft-a"),
        row("sheet_update", shared_a, EDIT_SHARED_A, "-shared-a"),
        row("sheet_update", shared_b, EDIT_SHARED_B, "-shared-b"),
        row("sheet_update", shared_a, saved(EDIT_SHARED_A), "-shared-a", method="post", data=edit),
        row("sheet_transition", step(draft_a, "share"), SHARE_DRAFT_A, "-share", method="post"),
        row(
            "sheet_transition", step(shared_a, "review"), REVIEW_SHARED_A, "-review", method="post"
        ),
        row(
            "sheet_transition",
            step(shared_a, "return"),
            REVIEW_SHARED_A,
            "-return",
            method="post",
            data=lambda w: {"text": "Please add the youth council."},
        ),
        row(
            "comment_create",
            shared_a,
            COMMENT_SHARED_A,
            "-shared-a",
            method="post",
            data=lambda w: {"text": "Thank you, this is clear."},
        ),
        row("sheet_history", draft_a, READ_DRAFT_A, "-draft-a"),
        row("sheet_history", shared_a, READ_SHARED_A, "-shared-a"),
        row("sheet_history", shared_b, READ_SHARED_B, "-shared-b"),
        row("sheet_print", draft_a, READ_DRAFT_A, "-draft-a"),
        row("sheet_print", shared_a, READ_SHARED_A, "-shared-a"),
        row("sheet_pdf", draft_a, READ_DRAFT_A, "-draft-a"),
    ]


ROWS = [row for tool in tools() if not owned_by_both_sides(tool) for row in tool_rows(tool)]
