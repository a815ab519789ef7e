"""The permission matrix: every URL pattern of the project, what each persona gets from it.

Each area adds a module `tests/permissions/matrix_<area>.py` with a list `ROWS` of `Row`s;
`test_matrix.py` collects them, runs every row for every role in the two-programme world of
`tests/permissions/world.py` and checks that no URL pattern, named or not, is missing.
`test_content.py` then opens every page as every role and looks for text it must not read.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

ROLES = (
    "anonymous",
    "superuser",
    # Programme A: the partnership under test is Laarne-Ouinhi, someone else's Schoten-Lalo.
    "staff",
    "consultant",
    "other_consultant",
    "focal_point",
    "team_member",
    "partner_focal_point",
    "stranger",
    # Observer of ANCB, the umbrella of Ouinhi, Lalo and Bohicon.
    "observer",
    # Programme B: Laarne-Bohicon.
    "staff_b",
    "consultant_b",
    "bohicon_focal_point",
)
PERSONAS = ROLES[1:]

# The admin refuses: a redirect to its log-in page or 403.
ADMIN_REFUSES = "admin refuses"


def everyone(code, **exceptions):
    """`code` for every role but those named: `everyone(200, anonymous=302)`."""
    return {role: exceptions.get(role, code) for role in ROLES}


def only(code, roles, otherwise=404, **exceptions):
    """`code` for `roles` (and the superuser), `otherwise` for the others, 302 for anonymous."""
    expect = {role: code if role in roles or role == "superuser" else otherwise for role in ROLES}
    return {**expect, "anonymous": 302, **exceptions}


def saved(expect, code=302):
    """The codes of a form's GET row for its POST: a page (200) becomes a redirect."""
    return {role: code if value == 200 else value for role, value in expect.items()}


@dataclass(frozen=True)
class Row:
    """One request, and what each role gets: a status code, a tuple of acceptable codes, or
    ADMIN_REFUSES."""

    name: str
    kwargs: Callable | None = None
    method: str = "get"
    data: Callable | None = None
    expect: dict = field(default_factory=dict)
    # Tells two rows of the same URL and method apart in the test ids.
    label: str = ""
    # For a pattern without a name: its route, and a callable (world) -> path.
    url: Callable | None = None

    @property
    def id(self):
        return "-".join(part for part in (self.name, self.method, self.label) if part)
