"""Importing the tool modules registers the tools and lets Django load their models.

Each tool module is imported here with one line; the registry keeps them in number order.
"""

from learning.tools import (
    activity_profile,  # noqa: F401  (tool 2)
    factors,  # noqa: F401  (tool 3)
    learning_questions,  # noqa: F401  (tool 5)
    presentation,  # noqa: F401  (tool 1)
    swot,  # noqa: F401  (tool 4)
)
from learning.tools.base import ToolSheet

from .comments import Comment
from .scopes import SheetScope

__all__ = ["Comment", "SheetScope", "ToolSheet"]
