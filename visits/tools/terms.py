"""Tool 7, the terms of reference of a delegation's site visit ("Termes de référence"): 1 context,
2 objectives (a narrative, then per learning question its specific objectives and
sub-questions), 3 the programme per day, 4 local context, 5 the delegation, 6 the general
programme. The parts drawn from the visit, tool 5 and tool 6 stay live while the terms are a
draft; the visiting municipality validates them, the host signs them, and signed terms are
frozen until someone reopens them with a reason, which voids both signatures."""

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop, ngettext

from learning.forms import RowForm
from learning.tools.base import SheetRow
from learning.tools.learning_questions import LearningQuestion
from learning.tools.registry import Inline, register
from learning.workflows import Status, Transition, Workflow

from ..coverage import coverage, gap_label
from ..terms import drawn_parts, terms_context
from .base import (
    DelegationSheet,
    DelegationSheetForm,
    VisitTool,
    question_choices,
    show_choices,
    visit_date_field,
)

TERMS = Workflow(
    transitions=(
        Transition(
            name="validate",
            sources=(Status.DRAFT,),
            target=Status.VALIDATED,
            permission="visits.validate_terms",
            label=_("Validate (visiting municipality)"),
            done=_("Validated: the host municipality can sign the terms now."),
            refused=_("Only draft terms can be validated."),
            note=gettext_noop("Validated by the visiting municipality"),
            notice=gettext_noop("%(actor)s validated the %(tool)s of %(owners)s"),
        ),
        Transition(
            name="sign",
            sources=(Status.VALIDATED,),
            target=Status.SIGNED,
            permission="visits.sign_terms",
            label=_("Sign (host municipality)"),
            done=_("Signed: the terms are agreed and frozen."),
            refused=_(
                "The visiting municipality validates the terms first; only validated terms "
                "can be signed."
            ),
            note=gettext_noop("Signed by the host municipality"),
            notice=gettext_noop("%(actor)s signed the %(tool)s of %(owners)s"),
        ),
        Transition(
            name="reopen",
            sources=(Status.VALIDATED, Status.SIGNED),
            target=Status.DRAFT,
            permission="visits.reopen_terms",
            label=_("Reopen for changes"),
            done=_("Reopened: both signatures are void, and both municipalities are told."),
            refused=_("Only validated or signed terms can be reopened."),
            note=gettext_noop("Reopened for changes; the signatures are void"),
            notice=gettext_noop("%(actor)s reopened the %(tool)s of %(owners)s"),
            reason=True,
            style="warning",
            reason_label=_("Why reopen the terms?"),
            reason_missing=_("Say why the terms are reopened."),
        ),
    ),
    shared=(Status.VALIDATED, Status.SIGNED),
    editable=(Status.DRAFT,),
    after_edit={},
)


class TermsOfReference(DelegationSheet):
    workflow = TERMS

    context = models.TextField(_("context"), blank=True, max_length=5000)
    objectives = models.TextField(
        _("narrative explanation"),
        blank=True,
        max_length=5000,
        help_text=_("What the delegation comes to learn, in a few sentences."),
    )
    local_context = models.TextField(
        _("local context"),
        blank=True,
        max_length=5000,
        help_text=_(
            "Local economy, local government, politics, tourism, participation mechanisms."
        ),
    )
    validated_by = models.ForeignKey(
        "partnerships.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        verbose_name=_("validated by"),
    )
    validated_at = models.DateTimeField(_("validated at"), null=True, blank=True, editable=False)
    signed_by = models.ForeignKey(
        "partnerships.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        verbose_name=_("signed by"),
    )
    signed_at = models.DateTimeField(_("signed at"), null=True, blank=True, editable=False)
    # The parts drawn from the visit, tool 5 and tool 6 as they stood when the terms were
    # validated (visits/terms.py); empty while they are a draft.
    frozen = models.JSONField(default=dict, blank=True, editable=False)

    class Meta(DelegationSheet.Meta):
        verbose_name = _("terms of reference")
        verbose_name_plural = _("terms of reference")

    def on_transition(self, transition, *, by):
        now = timezone.now()
        if transition.name == "validate":
            self.validated_by, self.validated_at = by, now
            self.frozen = drawn_parts(self)
            return ("validated_by", "validated_at", "frozen")
        if transition.name == "sign":
            self.signed_by, self.signed_at = by, now
            return ("signed_by", "signed_at")
        if transition.name == "reopen":
            self.validated_by = self.validated_at = self.signed_by = self.signed_at = None
            self.frozen = {}
            return ("validated_by", "validated_at", "signed_by", "signed_at", "frozen")
        return ()


class SpecificObjective(SheetRow):
    """A specific objective of one of the visiting municipality's learning questions."""

    sheet = models.ForeignKey(
        TermsOfReference,
        on_delete=models.CASCADE,
        related_name="specific_objectives",
        verbose_name=_("terms of reference"),
    )
    question = models.ForeignKey(
        LearningQuestion,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("learning question"),
    )
    text = models.CharField(_("specific objective"), max_length=500)
    order = models.PositiveSmallIntegerField(_("number"), default=0)

    class Meta(SheetRow.Meta):
        verbose_name = _("specific objective")
        verbose_name_plural = _("specific objectives")
        ordering = ["sheet", "order", "pk"]

    def __str__(self):
        return self.text


class DayPlan(SheetRow):
    """A day of the visit: its central learning question (optional) and its overall activity,
    for the programme per day and the general programme."""

    sheet = models.ForeignKey(
        TermsOfReference,
        on_delete=models.CASCADE,
        related_name="day_plans",
        verbose_name=_("terms of reference"),
    )
    date = models.DateField(_("date"))
    overall_activity = models.CharField(_("overall activity"), max_length=300, blank=True)
    central_question = models.CharField(
        _("central learning question of the day"), max_length=500, blank=True
    )

    class Meta(SheetRow.Meta):
        verbose_name = _("day")
        verbose_name_plural = _("days")
        ordering = ["sheet", "date", "pk"]

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.overall_activity}"


class TermsForm(DelegationSheetForm):
    pass


class SpecificObjectiveForm(RowForm):
    def __init__(self, *args, sheet=None, questions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.sheet = sheet
        self.choice_pks = {question.pk for question in questions}
        field = self.fields["question"]
        field.queryset = LearningQuestion.objects.all()
        show_choices(field, questions)

    def clean_question(self):
        question = self.cleaned_data["question"]
        if question.pk not in self.choice_pks:
            raise forms.ValidationError(
                _("Choose one of the visiting municipality's current learning questions.")
            )
        return question


class DayPlanForm(RowForm):
    def __init__(self, *args, sheet=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.sheet = sheet
        visit_date_field(self, sheet)


class TermsTool(VisitTool):
    number = 7
    slug = "terms-of-reference"
    title = _("Terms of reference")
    description = _(
        "The agreements of the activities table, formalised: context, objectives per "
        "learning question, the programme per day, the local context, the delegation and the "
        "general programme. Validated by the visiting municipality and signed by the host."
    )
    model = TermsOfReference
    form = TermsForm
    # The activities table too: the read page links to its history whether or not the
    # partial's context is read (it may come from the cache).
    sheet_related = (
        *VisitTool.sheet_related,
        "validated_by",
        "signed_by",
        "delegation__activitytable",
    )
    fields = ("delegation", "context", "objectives", "local_context")
    inlines = (
        Inline(
            SpecificObjective,
            fields=("question", "text"),
            form=SpecificObjectiveForm,
            extra=1,
            max_num=50,
        ),
        Inline(
            DayPlan,
            fields=("date", "overall_activity", "central_question"),
            form=DayPlanForm,
            # A visit lasts at most a month.
            max_num=31,
        ),
    )

    # The read page shows the latest changes of the programme after the signature; the
    # activities table's history page has them all, a page at a time (print and PDF too).
    late_changes_shown = 10

    def page_context(self, *, request, sheet, owner, printed=False):
        context = super().page_context(request=request, sheet=sheet, owner=owner, printed=printed)
        if printed or "late_changes" not in context:
            return context
        every, shown = context["late_changes"], self.late_changes_shown

        def latest():
            return every()[:shown]

        def earlier():
            return max(len(every()) - shown, 0)

        # Called by the partial, as the other names.
        return {**context, "late_changes": latest, "earlier_late_changes": earlier}

    def get_row_form_kwargs(self, inline, *, owner, user, sheet=None):
        kwargs = super().get_row_form_kwargs(inline, owner=owner, user=user, sheet=sheet)
        if inline.model is SpecificObjective:
            kwargs["questions"] = question_choices(sheet)["questions"]
        return kwargs

    def initial_rows(self, *, owner, user):
        return {}

    partial_names = ("drawn", "days", "live", "late_changes")

    def partial_context(self, sheet):
        return terms_context(sheet)

    def transition_warnings(self, sheet, transition):
        if transition.name != "validate":
            return []
        gaps = coverage(sheet.delegation).gaps
        if not gaps:
            return []
        return [
            ngettext(
                "The programme leaves %(count)s Must-have sub-question without an activity: "
                "%(list)s.",
                "The programme leaves %(count)s Must-have sub-questions without an activity: "
                "%(list)s.",
                len(gaps),
            )
            % {"count": len(gaps), "list": "; ".join(gap_label(gap) for gap in gaps)}
        ]

    def sample_for(self, delegation):
        return {
            "delegation": delegation.pk,
            "context": "Two years of partnership on local markets.",
            "objectives": "See how a market council works.",
            "local_context": "A rural municipality of 60,000 inhabitants.",
            "specific_objectives": [],
            "day_plans": [
                {
                    "date": delegation.visit.start_date.isoformat(),
                    "overall_activity": "Joint session of all delegations",
                    "central_question": "",
                }
            ],
        }


TOOL = register(TermsTool())
