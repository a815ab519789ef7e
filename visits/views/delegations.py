"""A delegation's page, its members, its withdrawal and the priorities of the visiting
municipality's sub-questions."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import DetailView, FormView
from rules.contrib.views import PermissionRequiredMixin, permission_required

from learning.tools.learning_questions import SubQuestion
from partnerships import freshness

from .. import services
from ..coverage import current_subquestions
from ..forms import DelegationMemberFormSet, PriorityFormSet, WithdrawalForm
from ..journals import delegation_journals
from ..models import Delegation
from .rows import delegation_rows


def visible(user):
    return Delegation.objects.visible_to(user).select_related(
        "visit__programme", "partnership", "visitor", "host"
    )


class DelegationDetailView(DetailView):
    model = Delegation

    def get_queryset(self):
        return visible(self.request.user).prefetch_related("members")

    def get_context_data(self, **kwargs):
        # Read when the page's body shows: not while the reader's rendered body is kept
        # (`{% kept %}` in the template), until the data changes.
        return super().get_context_data(
            **freshness.lazily(self.body, ("row", "journals")), **kwargs
        )

    def body(self):
        (row,) = delegation_rows([self.object], user=self.request.user)
        return {"row": row, "journals": delegation_journals(self.object, self.request.user)}


class DelegationMixin:
    """Finds the delegation of the URL among those the user sees (404); with
    `PermissionRequiredMixin`, the permission is checked on it (403)."""

    def get_delegation(self):
        if not hasattr(self, "_delegation"):
            self._delegation = get_object_or_404(visible(self.request.user), pk=self.kwargs["pk"])
        return self._delegation

    def get_permission_object(self):
        return self.get_delegation()

    def get_context_data(self, **kwargs):
        return super().get_context_data(delegation=self.get_delegation(), **kwargs)


class DelegationMembersView(DelegationMixin, PermissionRequiredMixin, FormView):
    """The members of the delegation, one row each (name, position, profile, languages)."""

    permission_required = "visits.change_delegation"
    template_name = "visits/delegation_members.html"
    form_class = DelegationMemberFormSet

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.get_delegation()}

    def form_valid(self, formset):
        delegation = self.get_delegation()
        with transaction.atomic():
            formset.save(commit=False)
            for member in formset.deleted_objects:
                member.delete()
            # The rows' order on the page is the members' order.
            order = 0
            for form in formset.forms:
                if form in formset.deleted_forms or not (form.instance.pk or form.has_changed()):
                    continue
                if form.has_changed() or form.instance.order != order:
                    form.instance.delegation, form.instance.order = delegation, order
                    form.instance._history_user = self.request.user
                    form.instance.save()
                order += 1
        messages.success(self.request, _("The delegation's members are saved."))
        return redirect(self.get_delegation())

    def form_invalid(self, formset):
        messages.error(self.request, _("The members were not saved: see the marked rows."))
        return super().form_invalid(formset)


class DelegationWithdrawView(DelegationMixin, PermissionRequiredMixin, FormView):
    permission_required = "visits.withdraw_delegation"
    template_name = "visits/delegation_withdraw.html"
    form_class = WithdrawalForm

    def form_valid(self, form):
        delegation = self.get_delegation()
        services.withdraw(
            delegation,
            date=form.cleaned_data["withdrawn_on"],
            reason=form.cleaned_data["withdrawal_reason"],
            by=self.request.user,
        )
        messages.success(
            self.request,
            _("The delegation of %(visitor)s is withdrawn from the visit.")
            % {"visitor": delegation.visitor},
        )
        return redirect(delegation)

    def form_invalid(self, form):
        messages.error(self.request, _("The delegation was not withdrawn: see the marked fields."))
        return super().form_invalid(form)


def delegation_of_request(request, pk):
    return get_object_or_404(visible(request.user), pk=pk)


@require_POST
@permission_required("visits.withdraw_delegation", fn=delegation_of_request, raise_exception=True)
def delegation_reinstate(request, pk):
    """The delegation travels after all: its withdrawal is cleared."""
    delegation = delegation_of_request(request, pk)
    if delegation.is_withdrawn:
        delegation.withdrawn_on = None
        delegation.withdrawal_reason = ""
        delegation._history_user = request.user
        delegation.save(update_fields=["withdrawn_on", "withdrawal_reason"])
        messages.success(request, _("The delegation takes part in the visit again."))
    return redirect(delegation)


class DelegationPrioritiesView(DelegationMixin, FormView):
    """The visiting municipality's current sub-questions with their priority, one value with
    tool 5: set here by those who may change the question, read by the others."""

    template_name = "visits/delegation_priorities.html"
    form_class = PriorityFormSet

    def subquestions(self):
        user = self.request.user
        readable = SubQuestion.objects.visible_to(user).values("pk")
        return (
            current_subquestions(self.get_delegation())
            .filter(pk__in=readable)
            .select_related("question__table")
            .prefetch_related("question__table__owners")
        )

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "queryset": self.subquestions()}

    def get_form(self, form_class=None):
        formset = super().get_form(form_class)
        user = self.request.user
        for form in formset.forms:
            question = form.instance.question
            form.may_change = user.has_perm("learning.change_learningquestion", question)
            if not form.may_change:
                form.fields["priority"].disabled = True
        formset.may_change = any(form.may_change for form in formset.forms)
        return formset

    def post(self, request, *args, **kwargs):
        formset = self.get_form()
        if not formset.may_change:
            raise PermissionDenied
        if formset.is_valid():
            return self.form_valid(formset)
        return self.form_invalid(formset)

    def form_valid(self, formset):
        changed = 0
        with transaction.atomic():
            for form in formset.initial_forms:
                if form.may_change and "priority" in form.changed_data:
                    services.set_priority(
                        form.instance, form.cleaned_data["priority"], by=self.request.user
                    )
                    changed += 1
        if changed:
            messages.success(self.request, _("The priorities are saved."))
        else:
            messages.info(self.request, _("No priority changed."))
        return redirect("visits:delegation_priorities", pk=self.get_delegation().pk)

    def form_invalid(self, formset):
        messages.error(self.request, _("The priorities were not saved: see the marked rows."))
        return super().form_invalid(formset)
