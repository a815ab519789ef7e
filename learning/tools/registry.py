"""The registry of tools: navigation, dashboards, exports, the report and the tests iterate it.

A tool is a subclass of `Tool`, the way an admin is a subclass of `ModelAdmin`: class attributes
say what it is, methods are hooks a tool overrides when it needs to. Each tool module ends with
one `register(MyTool())`; nothing else lists the tools. The generic views of `learning/views/`
serve every registered tool under `tools/<slug>/`: the sheet form is
`modelform_factory(tool.model, form=tool.form, fields=tool.fields)` and each `Inline` becomes an
inline formset saved with the sheet in one transaction (see docs/architecture.md, "Adding a
tool").
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class Step(models.TextChoices):
    """The steps of the learning cycle, in order."""

    GET_TO_KNOW = "get_to_know", _("Getting to know each other")
    LEARNING_QUESTIONS = "learning_questions", _("Formulating learning questions")
    EXCHANGE = "exchange", _("Exchanging expertise")
    SITE_VISIT = "site_visit", _("Site visit")
    APPLY = "apply", _("Applying what was learned")


@dataclass(frozen=True, eq=False)
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
    # Related objects each row's form reads, fetched for all rows at once.
    prefetch: tuple = ()
    # A long sheet's edit page shows this many of these rows at a time: enough to work
    # through on a phone, few enough to load quickly over a weak connection.
    rows_per_page: int = 10


class Tool:
    """Base of every tool. Set the attributes; override a hook only where the tool differs."""

    number: int
    slug: str
    title: str
    short_title = ""
    description = ""
    model: type
    step: str
    # The sheet's form fields, and its form: a subclass of `learning.forms.SheetForm` receives
    # the owner municipality and the user (`self.owner`, `self.user`).
    fields: tuple = ()
    form: type | None = None
    # Repeating rows; their forms (subclasses of `learning.forms.RowForm`) receive the owner
    # and the user too.
    inlines: tuple = ()
    # Parts of the rows whose changes also show on the sheet's history page: (model with a
    # history, lookup from it to the sheet's pk), such as a learning question's sub-questions.
    part_histories: tuple = ()
    # One sheet per owner and programme, or as many as needed (one per project, say).
    many_per_owner = False
    # Whether the create page offers further owners ("filled in jointly with"); a tool whose
    # owners follow from what the sheet is about (a site visit's delegation) says no.
    chooses_owners = True
    # What every page, PDF and report of a sheet reads with it (`select_related`), such as a
    # site-visit tool's delegation and visit.
    sheet_related: tuple = ()
    # Whether the partial, on the sheet's page, shows each reader something of their own (what
    # they may do, what they may open): else it is the same for every reader of the sheet and
    # kept once for all of them until the data changes (templates/learning/sheet_detail.html).
    partial_per_reader = False

    @property
    def template(self):
        """The partial that shows a filled-in sheet: on its page, in print, in the PDF and in
        the final report."""
        return f"{self.model._meta.app_label}/tools/{self.slug}.html"

    @property
    def label(self):
        return self.short_title or self.title

    def __repr__(self):
        return f"<{type(self).__name__} {self.slug}>"

    # Hooks ------------------------------------------------------------------------------------

    def get_form_kwargs(self, *, owner, user):
        """Keyword arguments of the sheet form, besides data, files and instance."""
        return {"owner": owner, "user": user}

    def get_row_form_kwargs(self, inline, *, owner, user, sheet=None):
        """Keyword arguments of each row form of `inline`; `sheet` is the sheet being edited
        (unsaved on the create page)."""
        return {"owner": owner, "user": user}

    def sheet_scope(self, values, *, owner, co_owners, programme):
        """`(programme, owners)` of a new sheet, given its form's cleaned `values`: by default
        the programme the page was opened for, the municipality it was opened for and any
        co-owners chosen. A site-visit tool takes both from the delegation it is about."""
        return programme, [owner, *co_owners]

    def transition_warnings(self, sheet, transition):
        """Warnings to show once `sheet` has gone through `transition`, such as the
        sub-questions a site-visit programme leaves uncovered when it is shared."""
        return []

    def row_queryset(self, inline):
        """The rows of `inline` that the sheet's edit page shows and saves: all of them by
        default. A tool that keeps some rows as they are narrows it (tool 5 edits its current
        questions; the earlier wordings stay in the history)."""
        return inline.model._default_manager.all()

    def initial_rows(self, *, owner, user):
        """The rows a new sheet starts with: `{formset prefix: [initial values, ...]}` (a later
        tool may start from an earlier one's rows)."""
        return {}

    def prepare_row(self, inline, row, values):
        """Before a row of `inline` is saved from its cleaned `values`: set what its model
        keeps differently from its form (tool 2's phases, say)."""

    def save_row(self, inline, row, values):
        """After a row is saved: what needs its primary key (tool 5's SDG tags, say)."""

    def partial_context(self, sheet):
        """What the partial needs beyond `sheet` and `tool`, fetched in a few queries. It takes
        no request: the final report renders every tool's partial from a background task."""
        return {}

    def printed_context(self, sheet, *, user):
        """What the print view, the PDF and the final report show of a whole sheet: the
        partial's context, narrowed to what `user` may read. It takes no request either."""
        return self.partial_context(sheet)

    def page_context(self, *, request, sheet, owner, printed=False):
        """Context of the form, detail and print pages (`sheet` is None on the create page):
        the partial's, which a tool may narrow to what the reader may see. The detail page may
        show a long sheet a part at a time; `printed` (the print view and the PDF) wants it
        whole."""
        if sheet is None or sheet.pk is None:
            return {}
        if printed:
            return self.printed_context(sheet, user=request.user)
        return self.partial_context(sheet)

    def project_names(self, owner, user):
        """Projects this tool knows for a municipality, among the sheets `user` may read
        (tool 2's); the SWOT offers them."""
        return []

    def sample(self, owner):
        """Valid input for a new sheet owned by `owner`: the sheet's form fields plus, for each
        `Inline`, its formset prefix (the `related_name` of the row's foreign key to the sheet,
        e.g. `"factors"`) mapped to a list of row dicts.
        `learning.forms.sheet_post_data(tool, values)` turns it into POST data. The per-tool
        tests, the permission matrix and the benchmarks fill every tool with it; it may create
        what its choices need."""
        raise NotImplementedError(f"{type(self).__name__} must provide sample()")


_tools = {}


def register(tool):
    """Add a tool (an instance of a `Tool` subclass) to the registry; returns it."""
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
