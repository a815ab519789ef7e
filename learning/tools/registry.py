"""The registry of tools: navigation, dashboards, exports, the report and the tests iterate it.

Each tool module builds a `Tool` and calls `register()` once; nothing else lists the tools.
The generic views of `learning/views/` serve every registered tool under `tools/<slug>/`:
the form is `modelform_factory(tool.model, form=tool.form, fields=tool.fields)` and each
`Inline` becomes an inline formset saved with the sheet in one transaction.

A spec may customise the generic views without forking them:

- `form`: a `ModelForm` for the sheet. A subclass of `learning.forms.SheetForm` also receives
  the owner municipality and the user (`self.owner`, `self.user`), for choices that depend on
  them. `Inline.form` does the same for the rows.
- `context`: a callable `context(*, request, sheet, owner) -> dict` whose result is added to
  the context of the form, detail and print pages (`sheet` is None on the create page).
- `template`: the partial `templates/learning/tools/<slug>.html` that shows a filled-in sheet
  (with `sheet` and `tool` in its context) on the page, in print, in the PDF and in the report.

Conventions for `Tool.extra` (a plain dict, so a tool only sets what it has):

- `extra["sample"]`: a callable `sample(owner) -> dict` returning valid input for a new sheet
  owned by `owner` (a LocalGovernment). Keys are the sheet's form fields plus, for each
  `Inline`, the formset prefix (the `related_name` of the row's foreign key to the sheet, e.g.
  `"factors"`) mapped to a list of row dicts, e.g.
  `{"remarks": "", "factors": [{"impact": "positive", "text": "...", "score": 8, ...}]}`.
  `learning.forms.sheet_post_data(tool, values)` turns it into POST data with the management
  forms. The per-tool tests, the permission matrix and the benchmarks fill every tool with it,
  so every tool must provide one; it may create what its choices need (say, a learning
  question for a visit plan).
- `extra["project_names"]`: a callable `project_names(owner) -> list[str]`, the projects a
  municipality described (tool 2); the SWOT form offers them as suggestions.
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
    # Also the absolute bound: a post claiming more rows is refused before they are built.
    max_num: int = 100
    can_order: bool = False
    form: type | None = None
    # The row's foreign key to the sheet, when it has more than one.
    fk_name: str | None = None


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
    # callable(*, request, sheet, owner) -> dict, added to the form, detail and print pages.
    context: object = None

    @property
    def template(self):
        """The partial that shows a filled-in sheet: on the page, in print and in the PDF."""
        return f"learning/tools/{self.slug}.html"

    @property
    def label(self):
        return self.short_title or self.title

    def get_extra_context(self, *, request, sheet, owner):
        return self.context(request=request, sheet=sheet, owner=owner) if self.context else {}


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
