"""The permission matrix: every named URL of the project, what each persona gets from it.

Each area adds a module `tests/permissions/matrix_<area>.py` with a list `ROWS` of `Row`s;
`test_matrix.py` collects them, runs every row for every role and checks that no URL is missing.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

ROLES = (
    "anonymous",
    "superuser",
    "staff",
    "consultant",
    "other_consultant",
    "focal_point",
    "team_member",
    "partner_focal_point",
    "stranger",
    "observer",
)
PERSONAS = ROLES[1:]


def everyone(code, **exceptions):
    """`code` for every role but those named: `everyone(200, anonymous=302)`."""
    return {role: exceptions.get(role, code) for role in ROLES}


@dataclass(frozen=True)
class Row:
    """One request, and the status code each role gets for it."""

    name: str
    kwargs: Callable[["World"], dict] | None = None
    method: str = "get"
    data: Callable[["World"], dict] | None = None
    expect: dict = field(default_factory=dict)
    # Tells two rows of the same URL and method apart in the test ids.
    label: str = ""

    @property
    def id(self):
        return "-".join(part for part in (self.name, self.method, self.label) if part)


class World:
    """The personas' world of tests/conftest.py: one programme, Laarne-Ouinhi (the partnership
    under test) and Schoten-Lalo (someone else's), and one user per role."""

    def __init__(self, **objects: Any):
        for name, value in objects.items():
            setattr(self, name, value)

    def user(self, role):
        """The user playing `role`; None for the anonymous visitor."""
        return None if role == "anonymous" else getattr(self, role)

    def make(self, factory, **kwargs):
        return factory(**kwargs)

    def sheet(self, slug, *, status="draft", owner=None, **fields):
        """A sheet of the tool `slug` in the programme, owned by Laarne unless `owner` is given.

        Uses `tests.factories.<Model>Factory` when there is one, else creates the model with
        `fields` (which must then hold its required fields).
        """
        from learning.tools.registry import get_tool
        from tests import factories

        tool = get_tool(slug)
        factory = getattr(factories, f"{tool.model.__name__}Factory", None)
        values = {"programme": self.programme, "status": status, **fields}
        sheet = factory(**values) if factory else tool.model.objects.create(**values)
        if owner is not None:
            sheet.owners.set([owner])
        elif not sheet.owners.exists():
            sheet.owners.add(self.laarne)
        return sheet
