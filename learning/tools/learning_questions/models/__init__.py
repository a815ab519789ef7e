"""The models of tool 5 (app label `learning`): the table and its questions, the exchange around
them, and the consultant's summaries of their evolution."""

from .exchange import ATTACHMENT_EXTENSIONS, Attachment, CoachingNote, Response, attachment_path
from .questions import (
    PRIORITY_SHORT,
    LearningQuestion,
    LearningQuestionTable,
    Obstacle,
    OwnerPlace,
    SdgTag,
    SubQuestion,
)
from .summaries import EvolutionSummary

__all__ = [
    "ATTACHMENT_EXTENSIONS",
    "PRIORITY_SHORT",
    "Attachment",
    "CoachingNote",
    "EvolutionSummary",
    "LearningQuestion",
    "LearningQuestionTable",
    "Obstacle",
    "OwnerPlace",
    "Response",
    "SdgTag",
    "SubQuestion",
    "attachment_path",
]
