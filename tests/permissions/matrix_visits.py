"""The generic tool views for the site-visit tools both sides own (6 and 7), on the world's
sheets of each (the journals and the action plan, which the visiting municipality owns alone,
are in `matrix_learning.py`).

Their sheets are about a delegation and belong to both its sides (tests/permissions/world.py):
the draft of programme A is about Laarne's visit to Ouinhi, the shared sheet about Ouinhi's visit
to Laarne; in programme B, the draft is about Bohicon's visit to Laarne, the shared sheet about
Laarne's visit to Bohicon. Both sides' teams, their consultant and programme staff read the
drafts; the observer of ANCB reads the shared sheets. Both teams and the consultant edit.

Tool 6 goes through the consultant's review like tools 1-5, shared by either team. Tool 7 is
validated by the visiting municipality's team, signed by the host's team and reopened, with a
reason, by either team or their consultant; validated terms are frozen (403 to every editor).
Signing a draft is refused with a message (302 back to the sheet: tests/visits/test_terms.py
checks that its status stays).
"""

from django.urls import reverse

from learning.forms import sheet_post_data
from learning.tools.registry import tools
from tests.learning.sheets import edit_data, editable_once_shared, owned_by_both_sides
from tests.permissions.matrix import Row, everyone, only, saved
from tests.permissions.matrix_learning import CREATE_FOR_LAARNE, sheet_kwargs, step
from tests.permissions.world import (
    OWNERS_A_LAARNE,
    OWNERS_A_OUINHI,
    OWNERS_B_BOHICON,
    OWNERS_B_LAARNE,
    READERS_A,
    READERS_B,
)

LAARNE_TEAM = {"focal_point", "team_member"}
OUINHI_TEAM = {"partner_focal_point"}
BOHICON_TEAM = {"bohicon_focal_point"}

READ_DRAFT_A = only(200, OWNERS_A_LAARNE | OWNERS_A_OUINHI)
READ_SHARED_A = only(200, READERS_A)
READ_DRAFT_B = only(200, OWNERS_B_BOHICON | OWNERS_B_LAARNE)
READ_SHARED_B = only(200, READERS_B)
# Both teams and the partnership's consultant edit; programme staff read only.
EDITORS_A = LAARNE_TEAM | OUINHI_TEAM | {"consultant"}
EDITORS_B = LAARNE_TEAM | BOHICON_TEAM | {"consultant_b"}
EDIT_DRAFT_A = only(200, EDITORS_A, staff=403)


def edit_shared(editors, readers, editable):
    """Readers who may not edit get 403; once frozen (validated terms), so do the editors."""
    code = 200 if editable else 403
    return only(code, editors, superuser=code) | dict.fromkeys(readers - editors, 403)


def activities_rows(draft_a, shared_a):
    """Tool 6: shared by either team, reviewed or returned by the consultant."""
    review = only(302, {"consultant"}) | dict.fromkeys(READERS_A - {"consultant"}, 403)
    return [
        ("share", draft_a, only(302, LAARNE_TEAM | OUINHI_TEAM, staff=403, consultant=403), {}),
        ("review", shared_a, review, {}),
        ("return", shared_a, review, {"text": "Please add the youth council."}),
    ]


def terms_rows(draft_a, shared_a):
    """Tool 7. Programme A's draft: Laarne visits, Ouinhi hosts; its validated terms: Ouinhi
    visits, Laarne hosts."""
    # Laarne's team validates its visit's draft; the host, the consultant and staff may not.
    validate = only(302, LAARNE_TEAM) | dict.fromkeys(
        {"staff", "consultant", "partner_focal_point"}, 403
    )
    # Laarne's team signs the terms of Ouinhi's visit; Ouinhi, the visitor, may not.
    sign = only(302, LAARNE_TEAM) | dict.fromkeys(READERS_A - LAARNE_TEAM, 403)
    # Ouinhi, the host of Laarne's visit, may sign; its draft is refused with a message.
    sign_draft = only(302, OUINHI_TEAM) | dict.fromkeys({"staff", "consultant"} | LAARNE_TEAM, 403)
    reopen = only(302, LAARNE_TEAM | OUINHI_TEAM | {"consultant"}) | dict.fromkeys(
        {"staff", "observer"}, 403
    )
    reason = {"text": "The market is closed that day."}
    return [
        ("validate", draft_a, validate, {}),
        ("sign", shared_a, sign, {}),
        ("sign", draft_a, sign_draft, {}),
        ("reopen", shared_a, reopen, reason),
        ("reopen", shared_a, reopen, {"text": " "}),
    ]


def tool_rows(tool):
    slug = tool.slug
    draft_a = sheet_kwargs("draft_a", slug)
    shared_a = sheet_kwargs("shared_a", slug)
    draft_b = sheet_kwargs("draft_b", slug)
    shared_b = sheet_kwargs("shared_b", slug)
    editable = editable_once_shared(tool)

    def create_in_a(w):
        path = reverse("learning:sheet_create", kwargs={"slug": slug, "owner": w.laarne.pk})
        return f"{path}?programme={w.programme.pk}"

    def new_sheet(w):
        return sheet_post_data(tool, tool.sample(w.laarne))

    def edit(w):
        return edit_data(tool, w.shared_a[slug], "Advisory councils and the market")

    def row(name, kwargs, expect, label="", **more):
        return Row(f"learning:{name}", kwargs=kwargs, expect=expect, label=f"{slug}{label}", **more)

    transitions = (terms_rows if slug == "terms-of-reference" else activities_rows)(
        draft_a, shared_a
    )
    rows = [
        row("sheet_list", lambda w: {"slug": slug}, everyone(200, anonymous=302)),
        row("sheet_create", None, CREATE_FOR_LAARNE, url=create_in_a),
        row(
            "sheet_create",
            None,
            saved(CREATE_FOR_LAARNE),
            method="post",
            data=new_sheet,
            url=create_in_a,
        ),
        row("sheet_detail", draft_a, READ_DRAFT_A, "-draft-a"),
        row("sheet_detail", shared_a, READ_SHARED_A, "-shared-a"),
        row("sheet_detail", draft_b, READ_DRAFT_B, "-draft-b"),
        row("sheet_detail", shared_b, READ_SHARED_B, "-shared-b"),
        row("sheet_update", draft_a, EDIT_DRAFT_A, "-draft-a"),
        row("sheet_update", shared_a, edit_shared(EDITORS_A, READERS_A, editable), "-shared-a"),
        row("sheet_update", shared_b, edit_shared(EDITORS_B, READERS_B, editable), "-shared-b"),
        row(
            "sheet_update",
            shared_a,
            saved(edit_shared(EDITORS_A, READERS_A, editable)),
            "-shared-a",
            method="post",
            data=edit,
        ),
        row(
            "comment_create",
            shared_a,
            saved(READ_SHARED_A) | {"observer": 403},
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
    for transition, kwargs, expect, data in transitions:
        kind = "draft" if kwargs is draft_a else "shared"
        label = f"-{transition}-{kind}" + ("-no-reason" if data.get("text") == " " else "")
        rows.append(
            row(
                "sheet_transition",
                step(kwargs, transition),
                expect,
                label,
                method="post",
                data=lambda w, data=data: data,
            )
        )
    return rows


ROWS = [row for tool in tools() if owned_by_both_sides(tool) for row in tool_rows(tool)]
