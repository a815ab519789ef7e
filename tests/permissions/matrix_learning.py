"""The generic tool views, on a SWOT analysis owned by Laarne (the same views serve every tool).

Laarne's team and consultant work on the sheet; Ouinhi (the partner) and the ANCB observer read
it once it is shared; programme staff read it; Schoten's focal point and the other consultant
never find it (404). The observer reads but does not comment.
"""

from learning.forms import sheet_post_data
from learning.tools.registry import get_tool
from tests.learning.sheets import edit_data
from tests.permissions.matrix import Row, everyone

SLUG = "swot"


def sheet(w, status):
    """One sheet per status and world, so `kwargs` and `data` of a row name the same sheet."""
    sheets = w.__dict__.setdefault("learning_sheets", {})
    if status not in sheets:
        sheets[status] = w.sheet(SLUG, status=status, project_name="Advisory councils")
    return sheets[status]


def draft(w):
    return {"slug": SLUG, "pk": sheet(w, "draft").pk}


def shared(w):
    return {"slug": SLUG, "pk": sheet(w, "shared").pk}


def for_laarne(w):
    return {"slug": SLUG, "owner": w.laarne.pk}


def new_sheet(w):
    tool = get_tool(SLUG)
    return sheet_post_data(tool, tool.sample(w.laarne))


def edit(w):
    return edit_data(get_tool(SLUG), sheet(w, "shared"), "Advisory councils and the market")


# Who reads a shared sheet of Laarne.
READ = {
    "anonymous": 302, "superuser": 200, "staff": 200, "consultant": 200, "other_consultant": 404,
    "focal_point": 200, "team_member": 200, "partner_focal_point": 200, "stranger": 404,
    "observer": 200,
}  # fmt: skip
# A draft: only Laarne's team, its consultant and programme staff.
READ_DRAFT = {**READ, "partner_focal_point": 404, "observer": 404}
# Laarne's team and consultant edit (or fill in a new sheet for Laarne); the other readers 403.
EDIT = {
    "anonymous": 302, "superuser": 200, "staff": 403, "consultant": 200, "other_consultant": 404,
    "focal_point": 200, "team_member": 200, "partner_focal_point": 403, "stranger": 404,
    "observer": 403,
}  # fmt: skip
EDIT_SAVED = {role: 302 if code == 200 else code for role, code in EDIT.items()}
# Laarne's team shares a draft; the consultant and staff may not, the others do not see it.
SHARE = {
    **READ_DRAFT, "superuser": 302, "staff": 403, "consultant": 403, "focal_point": 302,
    "team_member": 302,
}  # fmt: skip
# Laarne's consultant reviews or returns a shared sheet.
REVIEW = {
    "anonymous": 302, "superuser": 302, "staff": 403, "consultant": 302, "other_consultant": 404,
    "focal_point": 403, "team_member": 403, "partner_focal_point": 403, "stranger": 404,
    "observer": 403,
}  # fmt: skip
COMMENT = {role: 302 if code == 200 else code for role, code in READ.items()} | {"observer": 403}

ROWS = [
    # Everyone finds the list; it shows only the sheets they may read.
    Row(
        "learning:sheet_list", kwargs=lambda w: {"slug": SLUG}, expect=everyone(200, anonymous=302)
    ),
    # The observer does not find Laarne (not of its umbrella) to fill in a sheet for.
    Row("learning:sheet_create", kwargs=for_laarne, expect={**EDIT, "observer": 404}),
    Row(
        "learning:sheet_create",
        kwargs=for_laarne,
        method="post",
        data=new_sheet,
        expect={**EDIT_SAVED, "observer": 404},
    ),
    Row("learning:sheet_detail", kwargs=shared, expect=READ),
    Row("learning:sheet_detail", kwargs=draft, label="draft", expect=READ_DRAFT),
    Row("learning:sheet_update", kwargs=shared, expect=EDIT),
    Row("learning:sheet_update", kwargs=shared, method="post", data=edit, expect=EDIT_SAVED),
    Row(
        "learning:sheet_transition",
        kwargs=lambda w: {**draft(w), "transition": "share"},
        method="post",
        label="share",
        expect=SHARE,
    ),
    Row(
        "learning:sheet_transition",
        kwargs=lambda w: {**shared(w), "transition": "review"},
        method="post",
        label="review",
        expect=REVIEW,
    ),
    Row(
        "learning:sheet_transition",
        kwargs=lambda w: {**shared(w), "transition": "return"},
        method="post",
        data=lambda w: {"text": "Please add the youth council."},
        label="return",
        expect=REVIEW,
    ),
    Row(
        "learning:comment_create",
        kwargs=shared,
        method="post",
        data=lambda w: {"text": "Thank you, this is clear."},
        expect=COMMENT,
    ),
    Row("learning:sheet_history", kwargs=shared, expect=READ),
    Row("learning:sheet_print", kwargs=shared, expect=READ),
    Row("learning:sheet_pdf", kwargs=shared, expect=READ),
]
