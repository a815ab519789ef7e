"""Importing the tool modules registers the tools and lets Django load their models.

Each tool module is imported here with one line; the registry keeps them in number order.
"""

from learning.tools.base import ToolSheet

from .comments import Comment
from .scopes import SheetScope

# isort: split
# The tools come after Comment: their forms import it from here.
from learning.tools import (
    activity_profile,  # noqa: E402, F401  (tool 2)
    factors,  # noqa: E402, F401  (tool 3)
    learning_questions,  # noqa: E402, F401  (tool 5)
    presentation,  # noqa: E402, F401  (tool 1)
    swot,  # noqa: E402, F401  (tool 4)
)

__all__ = ["Comment", "SheetScope", "ToolSheet"]
