"""Importing the tool modules registers the tools and lets Django load their models.

Each tool module is imported here with one line; the registry keeps them in number order.
"""

from learning.tools.base import ToolSheet

from .comments import Comment

__all__ = ["Comment", "ToolSheet"]
