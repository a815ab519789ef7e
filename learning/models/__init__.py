"""Importing the tool modules registers the tools and lets Django load their models."""

from learning.tools.base import ToolSheet

from .comments import Comment

__all__ = ["Comment", "ToolSheet"]
