"""Tool 5, the learning-questions table ("Tableau de questions d'apprentissage").

The municipality requesting knowledge (or several, jointly) writes its learning questions, each
with ordered obstacles ("problems to be solved") and ordered sub-questions with a priority. The
partner municipality answers with text, links and attachments; the consultant keeps coaching
notes that only consultants and staff read. Questions are never overwritten: reformulating one
creates a new question that replaces the old, dropping one keeps it with a reason, so the
evolution from the first to the final wording (the report's appendix 8.11) comes from this
history.

The package holds the models (`models/`), the evolution of the questions and the programme's
supply and demand (`evolution.py`), a municipality's questions as a graph for its timeline
(`timeline.py`, drawn by `timeline_svg.py`), the forms (`forms.py`), the checks of attachments
(`uploads.py`), the pages of a question and of the exchange around it (`views/`) and the
tool's registration (`tool.py`). Importing the package registers the tool; its models and
`TOOL` are importable from here, like those of the single-module tools.
"""

from .models import (
    Attachment,
    CoachingNote,
    EvolutionSummary,
    LearningQuestion,
    LearningQuestionTable,
    Obstacle,
    OwnerPlace,
    Response,
    SdgTag,
    SubQuestion,
    attachment_path,  # referred to by the migrations under this dotted path
)
from .tool import TOOL

__all__ = [
    "TOOL",
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
