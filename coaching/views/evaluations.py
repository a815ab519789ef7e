"""The interim evaluations (rounds, their answers) and the methodology log of a programme."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import formats, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import CreateView, DetailView, ListView, UpdateView
from rules.contrib.views import PermissionRequiredMixin

from partnerships.access import Access
from partnerships.models import Programme

from ..forms_evaluations import EvaluationAnswerForm, EvaluationRoundForm, MethodologyAdjustmentForm
from ..models import EvaluationAnswer, EvaluationRound, MethodologyAdjustment


def chosen_programme(request):
    """The programme of `?programme=` (404 for one the person takes no part in), or None."""
    chosen = request.GET.get("programme", "")
    if not chosen:
        return None
    if not chosen.isdigit():
        raise Http404("No such programme")
    return get_object_or_404(Programme.objects.visible_to(request.user), pk=chosen)


def programmes_where(user, permission):
    return [p for p in Programme.objects.visible_to(user) if user.has_perm(permission, p)]


class SavedMessageMixin:
    """A message after a save; on invalid input, the bound form again with a message."""

    invalid_message = ""

    def form_invalid(self, form):
        messages.error(self.request, self.invalid_message)
        return super().form_invalid(form)


class NewInProgrammeMixin(SavedMessageMixin):
    """A new object of one programme: `?programme=`, else the only one where the person may add
    it; with several, a page asks which."""

    def get_programme(self):
        if not hasattr(self, "_programme"):
            self._programme = chosen_programme(self.request)
            self._choices = []
            if self._programme is None:
                self._choices = programmes_where(self.request.user, self.permission_required)
                if len(self._choices) == 1:
                    self._programme = self._choices[0]
        return self._programme

    def get_permission_object(self):
        return self.get_programme()

    def dispatch(self, request, *args, **kwargs):
        if self.get_programme() is None:
            if len(self._choices) < 2:
                raise PermissionDenied
            context = {"programmes": self._choices, "title": self.choice_title}
            return render(request, "coaching/evaluations/programme_choice.html", context)
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "programme": self.get_programme()}

    def get_context_data(self, **kwargs):
        return super().get_context_data(programme=self.get_programme(), **kwargs)


# Interim evaluations ---------------------------------------------------------------------------


class EvaluationListView(ListView):
    """The rounds of the person's programmes (or of `?programme=`), and whether they answered."""

    template_name = "coaching/evaluations/list.html"
    paginate_by = 30

    def get_queryset(self):
        self.programme = chosen_programme(self.request)
        rounds = EvaluationRound.objects.visible_to(self.request.user).select_related("programme")
        if self.programme is not None:
            rounds = rounds.filter(programme=self.programme)
        return rounds

    def get_context_data(self, **kwargs):
        user = self.request.user
        answered = EvaluationAnswer.objects.filter(respondent=user).values_list("round", flat=True)
        creatable = programmes_where(user, "coaching.add_evaluationround")
        if self.programme is not None:
            creatable = [p for p in creatable if p == self.programme]
        return super().get_context_data(
            programme=self.programme, answered=set(answered), creatable=creatable, **kwargs
        )


class EvaluationCreateView(NewInProgrammeMixin, PermissionRequiredMixin, CreateView):
    """Programme staff open a round with its dates."""

    permission_required = "coaching.add_evaluationround"
    form_class = EvaluationRoundForm
    template_name = "coaching/evaluations/form.html"
    invalid_message = gettext_lazy("The evaluation was not saved: see the marked fields.")
    choice_title = gettext_lazy("Open an interim evaluation")

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, _("The interim evaluation is open to answers."))
        return response


class EvaluationUpdateView(SavedMessageMixin, PermissionRequiredMixin, UpdateView):
    permission_required = "coaching.change_evaluationround"
    form_class = EvaluationRoundForm
    template_name = "coaching/evaluations/form.html"
    invalid_message = gettext_lazy("The evaluation was not saved: see the marked fields.")

    def get_queryset(self):
        return EvaluationRound.objects.visible_to(self.request.user).select_related("programme")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "programme": self.object.programme}

    def form_valid(self, form):
        messages.success(self.request, _("The interim evaluation is saved."))
        return super().form_valid(form)


class EvaluationDetailView(DetailView):
    """A round: its dates, the person's own answer, and the answers they may read, grouped per
    municipality (those of consultants last)."""

    template_name = "coaching/evaluations/detail.html"

    def get_queryset(self):
        return EvaluationRound.objects.visible_to(self.request.user).select_related("programme")

    def get_context_data(self, **kwargs):
        user, evaluation = self.request.user, self.object
        answers = (
            EvaluationAnswer.objects.visible_to(user)
            .filter(round=evaluation)
            .select_related("respondent", "local_government")
        )
        adjustments = MethodologyAdjustment.objects.visible_to(user).filter(
            prompted_by_round=evaluation
        )
        return super().get_context_data(
            groups=answers_by_municipality(answers),
            own=next((answer for answer in answers if answer.respondent_id == user.pk), None),
            may_answer=evaluation.is_open
            and user.has_perm("coaching.answer_evaluationround", evaluation),
            may_change=user.has_perm("coaching.change_evaluationround", evaluation),
            adjustments=adjustments,
            **kwargs,
        )


def answers_by_municipality(answers):
    """[(municipality or None, [answers])]: municipalities by name, then those of no
    municipality (the consultants')."""
    groups = {}
    for answer in answers:
        groups.setdefault(answer.local_government, []).append(answer)
    for each in groups.values():
        each.sort(key=lambda answer: (str(answer.respondent), answer.pk))
    return sorted(groups.items(), key=lambda item: (item[0] is None, str(item[0] or "")))


class WhileOpenMixin:
    """Answers are taken from a round's first day to its last; outside them, a message."""

    def dispatch(self, request, *args, **kwargs):
        evaluation = self.get_round()
        if not evaluation.is_open:
            if evaluation.is_closed:
                message = _("This evaluation closed on %(date)s: answers can no longer change.")
                date = evaluation.closes_on
            else:
                message = _("This evaluation opens on %(date)s.")
                date = evaluation.opens_on
            messages.warning(request, message % {"date": formats.date_format(date)})
            return redirect(evaluation)
        return super().dispatch(request, *args, **kwargs)


class EvaluationAnswerView(PermissionRequiredMixin, WhileOpenMixin, SavedMessageMixin, UpdateView):
    """A participant's one answer to a round: written, then changed until the round closes."""

    permission_required = "coaching.answer_evaluationround"
    form_class = EvaluationAnswerForm
    template_name = "coaching/evaluations/answer_form.html"
    invalid_message = gettext_lazy("Your answer was not saved: see the marked fields.")

    def get_round(self):
        if not hasattr(self, "_round"):
            rounds = EvaluationRound.objects.visible_to(self.request.user).select_related(
                "programme"
            )
            self._round = get_object_or_404(rounds, pk=self.kwargs["pk"])
        return self._round

    def get_permission_object(self):
        return self.get_round()

    def get_object(self, queryset=None):
        evaluation, user = self.get_round(), self.request.user
        answer = EvaluationAnswer.objects.filter(round=evaluation, respondent=user).first()
        return answer or EvaluationAnswer(round=evaluation, respondent=user)

    def get_form_kwargs(self):
        access, programme = Access.of(self.request.user), self.get_round().programme_id
        sides = access.member_of & access.partnered.get(programme, frozenset())
        return {
            **super().get_form_kwargs(),
            "local_governments": sorted(sides),
            "language": translation.get_language(),
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(evaluation=self.get_round(), **kwargs)

    def form_valid(self, form):
        form.save()
        messages.success(
            self.request,
            _("Thank you: your answer is saved. You may change it until %(date)s.")
            % {"date": formats.date_format(self.get_round().closes_on)},
        )
        return redirect(self.get_round())


# The methodology log ---------------------------------------------------------------------------


class AdjustmentListView(ListView):
    """The methodology log of the person's programmes (or of `?programme=`), newest first."""

    template_name = "coaching/methodology/list.html"
    paginate_by = 50

    def get_queryset(self):
        self.programme = chosen_programme(self.request)
        log = MethodologyAdjustment.objects.visible_to(self.request.user).select_related(
            "programme", "prompted_by_round", "prompted_by_meeting", "recorded_by"
        )
        if self.programme is not None:
            log = log.filter(programme=self.programme)
        return log

    def get_context_data(self, **kwargs):
        context = super().get_context_data(programme=self.programme, **kwargs)
        user = self.request.user
        creatable = programmes_where(user, "coaching.add_methodologyadjustment")
        context["creatable"] = [p for p in creatable if self.programme in (None, p)]
        for adjustment in context["object_list"]:
            adjustment.may_change = user.has_perm(
                "coaching.change_methodologyadjustment", adjustment
            )
        return context


class AdjustmentCreateView(NewInProgrammeMixin, PermissionRequiredMixin, CreateView):
    """The programme's consultants and staff record an adjustment."""

    permission_required = "coaching.add_methodologyadjustment"
    form_class = MethodologyAdjustmentForm
    template_name = "coaching/methodology/form.html"
    invalid_message = gettext_lazy("The adjustment was not saved: see the marked fields.")
    choice_title = gettext_lazy("Record a methodology adjustment")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        form.save()
        messages.success(self.request, _("The adjustment is in the methodology log."))
        return redirect(log_url(form.instance.programme_id))


class AdjustmentUpdateView(SavedMessageMixin, PermissionRequiredMixin, UpdateView):
    permission_required = "coaching.change_methodologyadjustment"
    form_class = MethodologyAdjustmentForm
    template_name = "coaching/methodology/form.html"
    invalid_message = gettext_lazy("The adjustment was not saved: see the marked fields.")

    def get_queryset(self):
        return MethodologyAdjustment.objects.visible_to(self.request.user).select_related(
            "programme"
        )

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "programme": self.object.programme,
            "user": self.request.user,
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(programme=self.object.programme, **kwargs)

    def form_valid(self, form):
        form.save()
        messages.success(self.request, _("The adjustment is saved."))
        return redirect(log_url(form.instance.programme_id))


def log_url(programme_id):
    return f"{reverse('coaching:adjustment_list')}?programme={programme_id}"
