"""The report's chapters (see base.py). Importing a chapter's module registers it, one line
per chapter; the report orders them by `Section.order`."""

from . import (
    appendices,  # noqa: F401  (the filled-in tools, appendix 8.11)
    application,  # noqa: F401  (learning journals and action plans, per municipality)
    coaching,  # noqa: F401  (meetings per level, interim evaluations, methodology log)
    conclusions,  # noqa: F401
    contents,  # noqa: F401
    context,  # noqa: F401
    cover,  # noqa: F401
    learning_cycles,  # noqa: F401  (per municipality, Figure 4)
    methodology,  # noqa: F401
    site_visits,  # noqa: F401  (the visits, their delegations, programmes and terms)
    summary,  # noqa: F401  (executive summary)
)
from .base import Chapter, Part, Piece, Section, register, sections

__all__ = ["Chapter", "Part", "Piece", "Section", "register", "sections"]
