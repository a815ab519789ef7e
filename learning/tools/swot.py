"""Tool 4, the SWOT analysis (FFOM in French) of one project or initiative, with the focus on
participation: strengths and weaknesses within the organisation, opportunities and threats
outside it, as short bullet items; then the challenges and strategies drawn from the matrix with
the consultant."""

from django import forms
from django.db import models
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from learning.forms import RowForm, SheetForm

from .base import SheetRow, ToolSheet, titled
from .registry import Inline, Step, Tool, register, tools

# Translators: the name of the matrix. French: "FFOM" (Forces, Faiblesses, Opportunités,
# Menaces); Dutch and English keep "SWOT".
MATRIX_LABEL = pgettext_lazy("matrix", "SWOT")


class Swot(ToolSheet):
    project_name = models.CharField(
        _("name of the project/initiative"),
        max_length=200,
        help_text=_("One of the projects of your activity profile, or another one."),
    )
    challenges = models.TextField(
        _("challenges"),
        blank=True,
        max_length=3000,
        help_text=_("The challenges you draw from the matrix, with your consultant."),
    )
    strategies = models.TextField(
        _("strategies"),
        blank=True,
        max_length=3000,
        help_text=_("How you will respond to these challenges."),
    )
    # Named after its project, not its owners.
    name_field = "project_name"

    class Meta(ToolSheet.Meta):
        verbose_name = _("SWOT analysis")
        verbose_name_plural = _("SWOT analyses")

    def display_name(self, owners, number=None):
        return titled(MATRIX_LABEL, self.project_name)

    def quadrants(self):
        """The four quadrants in matrix order, each with its items."""
        items = sorted(self.items.all(), key=lambda item: (item.order, item.pk))
        return [
            {
                "key": quadrant.value,
                "label": quadrant.label,
                "items": [item for item in items if item.quadrant == quadrant],
            }
            for quadrant in SwotItem.Quadrant
        ]


class SwotItem(SheetRow):
    class Quadrant(models.TextChoices):
        STRENGTH = "S", _("Strengths")
        WEAKNESS = "W", _("Weaknesses")
        OPPORTUNITY = "O", _("Opportunities")
        THREAT = "T", _("Threats")

    sheet = models.ForeignKey(
        Swot, on_delete=models.CASCADE, related_name="items", verbose_name=_("SWOT analysis")
    )
    quadrant = models.CharField(_("quadrant"), max_length=1, choices=Quadrant)
    text = models.CharField(
        _("item"), max_length=300, help_text=_("A few keywords; avoid long sentences.")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("SWOT item")
        verbose_name_plural = _("SWOT items")
        # Matrix order (S, W, O, T), then as typed.
        ordering = [
            "sheet_id",
            models.Case(
                *(models.When(quadrant=code, then=index) for index, code in enumerate("SWOT")),
                output_field=models.IntegerField(),
            ),
            "order",
            "pk",
        ]

    def __str__(self):
        return titled(self.get_quadrant_display(), self.text[:60])


class SwotForm(SheetForm):
    """Offers the projects of the municipality's activity profile as suggestions."""

    class Meta:
        model = Swot
        fields = ("project_name", "challenges", "strategies")
        widgets = {
            "challenges": forms.Textarea(attrs={"rows": 3}),
            "strategies": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        suggestions = project_suggestions(self.owner, self.user)
        if suggestions:
            field = self.fields["project_name"]
            field.widget = ProjectInput(
                attrs={**field.widget.attrs, "list": "swot-projects"}, suggestions=suggestions
            )


class ProjectInput(forms.TextInput):
    """A text input followed by a <datalist> of suggested project names."""

    def __init__(self, attrs=None, suggestions=()):
        super().__init__(attrs)
        self.suggestions = suggestions

    def render(self, name, value, attrs=None, renderer=None):
        options = format_html_join("", '<option value="{}">', ((s,) for s in self.suggestions))
        datalist = format_html('<datalist id="{}">{}</datalist>', self.attrs["list"], options)
        return super().render(name, value, attrs, renderer) + datalist


def project_suggestions(owner, user):
    """Project names the tools know for this municipality (`Tool.project_names`)."""
    if owner is None:
        return []
    names = [name for tool in tools() for name in tool.project_names(owner, user)]
    return list(dict.fromkeys(names))


class SwotItemForm(RowForm):
    class Meta:
        model = SwotItem
        fields = ("quadrant", "text")
        widgets = {"text": forms.TextInput(attrs={"maxlength": 300})}

    def has_changed(self):
        """A new item without text is an empty row, whatever its quadrant: a new sheet starts
        with empty rows in every quadrant (`SwotTool.initial_rows`)."""
        if self.instance.pk is None and not (self["text"].value() or "").strip():
            return False
        return super().has_changed()


class SwotTool(Tool):
    number = 4
    slug = "swot"
    # Not the model's verbose name: a title starts with a capital in every language.
    title = pgettext_lazy("tool", "SWOT analysis")
    model = Swot
    step = Step.GET_TO_KNOW
    fields = SwotForm.Meta.fields
    form = SwotForm
    many_per_owner = True
    description = _(
        "For at least one of your projects or initiatives (but remember: we are focusing on "
        "participation), list strengths and weaknesses within your organisation and "
        "opportunities and threats outside it, as short bullet points. Then, with your "
        "consultant, formulate the challenges and the strategies to respond to them."
    )
    # Items are a line each: a page holds more of them.
    inlines = (
        Inline(
            SwotItem, fields=SwotItemForm.Meta.fields, form=SwotItemForm, extra=1, rows_per_page=15
        ),
    )

    # Empty rows in each quadrant of a new sheet, to type into without tapping "Add" first.
    rows_per_quadrant = 3

    def initial_rows(self, *, owner, user):
        return {
            "items": [
                {"quadrant": quadrant}
                for quadrant in SwotItem.Quadrant
                for _row in range(self.rows_per_quadrant)
            ]
        }

    def sample(self, owner):
        """Valid input for the tests and benchmarks (see the registry's conventions)."""
        return {
            "project_name": f"Advisory councils of {owner}",
            "challenges": "Bring new people into the councils.",
            "strategies": "Write to associations by name.",
            "items": [
                {"quadrant": "S", "text": "Close ties with local associations"},
                {"quadrant": "W", "text": "Always the same participants"},
                {"quadrant": "O", "text": "New multi-year plan"},
                {"quadrant": "T", "text": "Elections"},
            ],
        }


TOOL = register(SwotTool())
