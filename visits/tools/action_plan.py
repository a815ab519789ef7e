"""Tool 10, the action plan ("Plan d'action pour les partenariats ODD"): drafted by the visiting
municipality on the last day of the visit with its partner's contribution, then followed as it
is applied. Each action links to the learning questions and sub-questions it applies, and has
a status and dated progress notes (visits/models/application.py) that the evolution overview
and the final report show as the application of what was learned."""

from django import forms
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from learning.forms import RowForm
from learning.tools.base import SheetRow
from learning.tools.learning_questions import LearningQuestion, SubQuestion
from learning.tools.registry import Inline, Step, register

from ..coverage import current_questions, current_subquestions
from .base import (
    DelegationSheet,
    DelegationSheetForm,
    Picklist,
    VisitTool,
    question_choices,
    row_question_choices,
    show_choices,
)


class ActionPlan(DelegationSheet):
    objective = models.TextField(
        _("objective"),
        blank=True,
        max_length=2000,
        help_text=_("By 2030, the municipality will be ..."),
    )
    involved = models.TextField(
        _("civil servants/politicians involved"), blank=True, max_length=3000
    )
    their_role = models.TextField(
        _("what are these civil servants/politicians doing?"), blank=True, max_length=3000
    )
    others = models.TextField(
        _("other persons/organisations concerned"), blank=True, max_length=3000
    )
    already_doing = models.TextField(_("what are we already doing?"), blank=True, max_length=3000)
    challenges = models.TextField(_("challenges"), blank=True, max_length=3000)
    inspiration = models.TextField(_("inspiration, resources"), blank=True, max_length=3000)
    short_term = models.TextField(_("short-term objective"), blank=True, max_length=2000)
    medium_term = models.TextField(_("medium-term objective"), blank=True, max_length=2000)
    long_term = models.TextField(_("long-term objective"), blank=True, max_length=2000)

    class Meta(DelegationSheet.Meta):
        verbose_name = _("action plan")
        verbose_name_plural = _("action plans")


class Action(SheetRow):
    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        IN_PROGRESS = "in_progress", _("in progress")
        DONE = "done", _("done")
        SUSPENDED = "suspended", _("suspended")
        DROPPED = "dropped", _("dropped")

    # A suspended or dropped action says why ("interrupted by political decisions").
    NEEDS_REASON = (Status.SUSPENDED, Status.DROPPED)

    sheet = models.ForeignKey(
        ActionPlan, on_delete=models.CASCADE, related_name="actions", verbose_name=_("action plan")
    )
    action = models.CharField(_("action"), max_length=500)
    responsible = models.CharField(_("responsible party(ies)"), max_length=300, blank=True)
    partners = models.CharField(_("partner(s)"), max_length=300, blank=True)
    partner_contribution = models.CharField(
        _("contribution from the partner municipality"), max_length=500, blank=True
    )
    period = models.CharField(
        _("period"), max_length=100, blank=True, help_text=_("For example: 2025, or April-June.")
    )
    due_date = models.DateField(
        _("due date"), null=True, blank=True, help_text=_("When it should be done, if known.")
    )
    budget = models.DecimalField(
        _("budget (euro)"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    questions = models.ManyToManyField(
        LearningQuestion,
        blank=True,
        related_name="+",
        verbose_name=_("learning questions it applies"),
    )
    subquestions = models.ManyToManyField(
        SubQuestion,
        blank=True,
        related_name="actions",
        verbose_name=_("sub-questions it applies"),
    )
    # Followed after the plan (visits/services.py `set_action_status`), not on the plan's form.
    status = models.CharField(
        _("status"), max_length=12, choices=Status, default=Status.PLANNED, editable=False
    )
    status_reason = models.TextField(_("why"), blank=True, editable=False)
    status_date = models.DateField(_("since"), null=True, blank=True, editable=False)

    class Meta(SheetRow.Meta):
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        ordering = ["sheet", "pk"]

    def __str__(self):
        return self.action

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("visits:action_detail", kwargs={"pk": self.pk})

    @property
    def is_open(self):
        return self.status in (self.Status.PLANNED, self.Status.IN_PROGRESS)


# An action's fields, on the plan's edit page and on the page that adds one action.
ACTION_FIELDS = (
    "action",
    "responsible",
    "partners",
    "partner_contribution",
    "period",
    "due_date",
    "budget",
    "questions",
    "subquestions",
)


class ActionForm(RowForm):
    def __init__(
        self, *args, sheet=None, questions=None, subquestions=None, querysets=None, **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.sheet = sheet
        self.fields["due_date"].widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
        delegation = sheet.delegation if sheet is not None and sheet.delegation_id else None
        self.fields["questions"].widget = Picklist()
        self.fields["subquestions"].widget = Picklist()
        if querysets is not None:
            self.fields["questions"].queryset, self.fields["subquestions"].queryset = querysets
        elif delegation is not None:
            self.fields["questions"].queryset = current_questions(delegation).order_by(
                "table", "order", "pk"
            )
            self.fields["subquestions"].queryset = current_subquestions(delegation)
        else:
            self.fields["questions"].queryset = LearningQuestion.objects.none()
            self.fields["subquestions"].queryset = SubQuestion.objects.none()
        if questions is None or subquestions is None:
            choices = question_choices(sheet)
            questions, subquestions = choices["questions"], choices["subquestions"]
        show_choices(self.fields["questions"], questions)
        show_choices(self.fields["subquestions"], subquestions)


class ActionPlanTool(VisitTool):
    number = 10
    slug = "action-plan"
    title = _("Action plan")
    step = Step.APPLY
    owned_by_host = False
    description = _(
        "Drafted by the visiting municipality on the last day of the visit, with its "
        "partner's contribution: the 2030 objective, who is involved, what is already done, "
        "the challenges and resources, short-, medium- and long-term objectives, and the "
        "actions, each linked to the learning questions it applies and followed as it is "
        "carried out."
    )
    model = ActionPlan
    form = DelegationSheetForm
    fields = (
        "delegation",
        "objective",
        "involved",
        "their_role",
        "others",
        "already_doing",
        "challenges",
        "inspiration",
        "short_term",
        "medium_term",
        "long_term",
    )
    inlines = (
        Inline(
            Action,
            fields=ACTION_FIELDS,
            form=ActionForm,
            prefetch=("questions", "subquestions"),
            extra=1,
            max_num=50,
        ),
    )

    def get_row_form_kwargs(self, inline, *, owner, user, sheet=None):
        return {
            **super().get_row_form_kwargs(inline, owner=owner, user=user, sheet=sheet),
            **row_question_choices(sheet),
        }

    partial_names = (
        "actions",
        "committed",
        "fund",
        "remaining",
        "over_fund",
        "narrative",
        "objectives",
    )

    def partial_context(self, sheet):
        from ..application import plan_context

        return plan_context(sheet)

    def sample_for(self, delegation):
        return {
            "delegation": delegation.pk,
            "objective": "By 2030, our markets will be run with their vendors.",
            "involved": "The alderman for local economy; the market manager.",
            "challenges": "Trust between vendors and the town hall.",
            "short_term": "A first meeting of the vendors' council.",
            "actions": [
                {
                    "action": "Set up an advisory council of market vendors",
                    "responsible": "Market manager",
                    "partners": "Vendors' association",
                    "partner_contribution": "Statutes of its own council",
                    "period": "2025",
                    "budget": "1500.00",
                }
            ],
        }


TOOL = register(ActionPlanTool())
