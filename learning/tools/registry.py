"""The registry of tools: navigation, dashboards, exports, the report and the tests iterate it.

Each tool module builds a `Tool` and calls `register()` once; nothing else lists the tools.
"""

from dataclasses import dataclass, field

from django.db import models
from django.utils.translation import gettext_lazy as _


class Step(models.TextChoices):
    """The steps of the learning cycle, in order."""

    GET_TO_KNOW = "get_to_know", _("Getting to know each other")
    LEARNING_QUESTIONS = "learning_questions", _("Formulating learning questions")
    EXCHANGE = "exchange", _("Exchanging expertise")
    SITE_VISIT = "site_visit", _("Site visit")
    APPLY = "apply", _("Applying what was learned")


@dataclass(frozen=True)
class Inline:
    """Repeating rows edited with the sheet (an inline formset)."""

    model: type
    fields: tuple
    extra: int = 0
    min_num: int = 0
    max_num: int = 1000
    can_order: bool = False
    form: type | None = None


@dataclass(frozen=True)
class Tool:
    number: int
    slug: str
    title: str
    model: type
    step: str
    fields: tuple
    short_title: str = ""
    inlines: tuple = ()
    form: type | None = None
    # One sheet per owner and programme, or as many as needed (one per project, say).
    many_per_owner: bool = False
    description: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def template(self):
        """The partial that shows a filled-in sheet: on the page, in print and in the PDF."""
        return f"learning/tools/{self.slug}.html"

    @property
    def label(self):
        return self.short_title or self.title


_tools = {}


def register(tool):
    for existing in _tools.values():
        if existing.number == tool.number and existing.slug != tool.slug:
            raise ValueError(f"Tool number {tool.number} is taken by {existing.slug}")
    _tools[tool.slug] = tool
    tool.model.tool = tool
    return tool


def tools():
    """All registered tools in number order."""
    return sorted(_tools.values(), key=lambda tool: tool.number)


def get_tool(slug):
    """The tool for a URL slug; KeyError when there is none."""
    return _tools[slug]


def tool_for_model(model):
    return model.tool
