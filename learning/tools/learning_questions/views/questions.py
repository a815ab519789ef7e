"""Pages of one learning question (its obstacles and sub-questions, reformulating and dropping
it) and of the evolution of the questions: a municipality's timeline, the programme's
overview for the report and the consultant's summary phrases."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Prefetch, prefetch_related_objects
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import DetailView, FormView, UpdateView
from rules.contrib.views import PermissionRequiredMixin

from learning.locking import Conflict, claim
from learning.tools.base import number_sheets
from partnerships import freshness
from partnerships.models import LocalGovernment, Programme

from ..evolution import evolution_local_governments, evolution_rows
from ..forms import (
    CoachingNoteForm,
    DropForm,
    EvolutionSummaryForm,
    ObstacleFormSet,
    OwnerPlaceForm,
    PartsVersionForm,
    ReformulateForm,
    ResponseForm,
    SplitForm,
    SubQuestionFormSet,
    WordingTranslationsForm,
)
from ..models import EvolutionSummary, LearningQuestion, LearningQuestionTable, OwnerPlace, SdgTag
from ..models.questions import change_reason
from ..timeline import question_families, read_wordings
from ..timeline_svg import draw_families

DRAFT_SAVED = "question_draft_saved"


class QuestionMixin:
    """Finds the question of the URL among those the user may see (404 otherwise)."""

    context_object_name = "question"

    def get_queryset(self):
        return LearningQuestion.objects.visible_to(self.request.user).select_related(
            "table__programme"
        )

    def get_object(self, queryset=None):
        if not hasattr(self, "_question"):
            self._question = get_object_or_404(
                queryset or self.get_queryset(), pk=self.kwargs["pk"]
            )
            number_sheets([self._question.table])  # the breadcrumb names the table
        return self._question

    def get_permission_object(self):
        return self.get_object()


# The question page shows this many of its earlier wordings, the latest.
EARLIER_SHOWN = 5


def detail_context(request, question, **forms):
    """What the question page shows to this user; the exchange's views reuse it to show a
    bound form again."""
    user = request.user
    can = {
        "change": user.has_perm("learning.change_learningquestion", question),
        "reformulate": user.has_perm("learning.reformulate_learningquestion", question),
        "respond": user.has_perm("learning.respond_learningquestion", question),
        "add_note": user.has_perm("learning.add_coachingnote", question),
        "view_notes": user.has_perm("learning.view_coachingnote", question),
    }
    visible = LearningQuestion.objects.visible_to(user)
    wordings = [row for row in visible.lineage(question.pk) if row.pk != question.pk]
    earlier = [wording for wording in wordings if not wording.is_later]
    context = {
        "question": question,
        "table": question.table,
        "can": can,
        "obstacles": question.obstacles.order_by("order", "pk"),
        "subquestions": question.subquestions.order_by("order", "pk"),
        "responses": question.responses.select_related(
            "local_government", "author", "subquestion"
        ).prefetch_related("attachments"),
        # The latest few: the evolution timeline has them all.
        "earlier": earlier[-EARLIER_SHOWN:],
        "more_earlier": len(earlier) > EARLIER_SHOWN,
        "later": [wording for wording in wordings if wording.is_later],
        "subquestion_statuses": question.subquestions.model.AnswerStatus.choices,
        "places": owner_places(question),
        # The owners whose timeline the user may open (read here, whether shown or not).
        "timeline_owners": list(
            question.table.owners.filter(
                pk__in=LocalGovernment.objects.visible_to(user).values("pk")
            )
        ),
        "draft_saved": request.session.pop(DRAFT_SAVED, None),
    }
    if can["respond"]:
        context["response_form"] = forms.get("response_form") or ResponseForm(question=question)
    if can["view_notes"]:
        context["coaching_notes"] = question.coaching_notes.select_related("author")
    if can["add_note"]:
        context["note_form"] = forms.get("note_form") or CoachingNoteForm()
    return context


def owner_places(question):
    """For a joint question, each owner's place for it (unsaved where the owner has not set
    one); nothing for a question of one municipality."""
    owners = list(question.table.owners.all())
    if len(owners) < 2:
        return []
    saved = {place.local_government_id: place for place in question.places.all()}
    return [
        saved.get(owner.pk) or OwnerPlace(question=question, local_government=owner)
        for owner in owners
    ]


class QuestionDetailView(QuestionMixin, DetailView):
    template_name = "learning/questions/question_detail.html"

    def get_context_data(self, **kwargs):
        # Read when the question's page shows: not while the reader's rendered page is kept
        # (`{% kept %}` in the template), until the data changes.
        return super().get_context_data(
            **freshness.lazily(self.shown, SHOWN),
            draft_saved=self.request.session.pop(DRAFT_SAVED, None),
            table=self.object.table,
            **kwargs,
        )

    def shown(self):
        """What the page shows of the question: with its goals and its table's owners, and
        its earlier and later wordings (`detail_context`)."""
        question = self.object
        tags = Prefetch("sdg_tags", SdgTag.objects.order_by("goal", "target"))
        prefetch_related_objects([question], tags, "table__owners")
        return detail_context(self.request, question)


# What the question's page shows of `detail_context`, besides the question and its table.
SHOWN = (
    "can",
    "obstacles",
    "subquestions",
    "responses",
    "earlier",
    "more_earlier",
    "later",
    "subquestion_statuses",
    "places",
    "timeline_owners",
    "response_form",
    "coaching_notes",
    "note_form",
)


class QuestionUpdateView(QuestionMixin, PermissionRequiredMixin, DetailView):
    """The obstacles and sub-questions of a question: two ordered formsets. The question's
    version (learning/locking.py) stops two people from overwriting each other's changes
    unawares."""

    permission_required = "learning.change_learningquestion"
    template_name = "learning/questions/question_form.html"

    def get_queryset(self):
        return super().get_queryset().prefetch_related("table__owners")

    def build(self, data=None):
        question = self.object
        obstacles = question.obstacles.order_by("order", "pk")
        subquestions = question.subquestions.order_by("order", "pk")
        return (
            ObstacleFormSet(data, instance=question, queryset=obstacles, prefix="obstacles"),
            SubQuestionFormSet(
                data, instance=question, queryset=subquestions, prefix="subquestions"
            ),
            PartsVersionForm(data, initial={"version": question.version}, prefix="question"),
            WordingTranslationsForm(data, question=question),
        )

    def render(self, obstacles, subquestions, version, translations, status=200, **kwargs):
        context = self.get_context_data(
            obstacle_formset=obstacles,
            subquestion_formset=subquestions,
            version_form=version,
            translations_form=translations,
        )
        return self.render_to_response({**context, **kwargs}, status=status)

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        return self.render(*self.build())

    def post(self, request, *args, **kwargs):
        self.object = question = self.get_object()
        forms = obstacles, subquestions, version, translations = self.build(request.POST)
        if not all(form.is_valid() for form in forms):
            return self.render(*forms)
        try:
            with transaction.atomic():
                claim(question, version.cleaned_data["version"])
                reason = change_reason(version.cleaned_data["trigger"])
                for formset in (obstacles, subquestions):
                    save_with_reason(formset, reason)
                    renumber(formset.model.objects.filter(question=question))
                wording = translations.translations("wording")
                if wording != question.translations:
                    question.translations = wording
                    question._change_reason = reason
                    question.save(update_fields=["translations"])
        except Conflict as conflict:
            fresh = PartsVersionForm(
                initial={**version.cleaned_data, "version": conflict.current_version},
                prefix="question",
            )
            return self.render(obstacles, subquestions, fresh, translations, 409, conflict=True)
        messages.success(request, _("The obstacles and sub-questions are saved."))
        request.session[DRAFT_SAVED] = f"question-{question.pk}"
        return redirect(question)


def save_with_reason(formset, reason):
    """Save a formset's changes, each with `reason` in its history."""
    for part in formset.save(commit=False):
        part._change_reason = reason
        part.save()
    for part in formset.deleted_objects:
        part._change_reason = reason
        part.delete()


def renumber(rows):
    """Number ordered rows 1, 2, 3... in their current order, closing gaps."""
    for number, row in enumerate(rows.order_by("order", "pk"), start=1):
        if row.order != number:
            row.order = number
            row.save(update_fields=["order"])


class ChangeView(QuestionMixin, PermissionRequiredMixin, FormView):
    """A change that writes new wordings: "Preview" shows what the evolution will show, "Save"
    makes it."""

    permission_required = "learning.reformulate_learningquestion"

    def get_context_data(self, **kwargs):
        return super().get_context_data(question=self.get_object(), **kwargs)

    def form_valid(self, form):
        if "preview" in self.request.POST:
            return self.render_to_response(
                self.get_context_data(form=form, preview=self.preview(form))
            )
        try:
            news = self.change(form)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        self.request.session[DRAFT_SAVED] = self.draft_key
        messages.success(self.request, self.success_message)
        return redirect(news[0])

    @property
    def draft_key(self):
        return f"{self.draft_prefix}-{self.get_object().pk}"


class QuestionReformulateView(ChangeView):
    """A new wording replaces the question (and, for a merge, others), in its table or another
    of its owners' (a move into or out of a joint table); the old wordings stay."""

    template_name = "learning/questions/question_reformulate.html"
    form_class = ReformulateForm
    draft_prefix = "reformulate"
    success_message = _("The new wording replaces the old one, which is kept.")

    def get_form_kwargs(self):
        question, user = self.get_object(), self.request.user
        tables = (
            LearningQuestionTable.objects.visible_to(user)
            .filter(
                programme=question.table.programme_id,
                owners__in=question.table.owners.values("pk"),
            )
            .distinct()
            .prefetch_related("owners")  # read by the permission and by the choices
        )
        tables = [table for table in tables if user.has_perm("learning.change_sheet", table)]
        mergeable = (
            LearningQuestion.objects.visible_to(user)
            .active()
            .filter(
                table__programme=question.table.programme_id,
                table__owners__in=LearningQuestionTable.owners.through.objects.filter(
                    learningquestiontable__in=[table.pk for table in tables]
                ).values("localgovernment"),
            )
            .select_related("table")
            .prefetch_related("table__owners")
            .distinct()
        )
        allowed = [
            other.pk
            for other in mergeable
            if user.has_perm("learning.reformulate_learningquestion", other)
        ]
        return {
            **super().get_form_kwargs(),
            "question": question,
            "tables": LearningQuestionTable.objects.filter(
                pk__in=[table.pk for table in tables]
            ).prefetch_related("owners"),
            "mergeable": mergeable.filter(pk__in=allowed),
        }

    def preview(self, form):
        data = form.cleaned_data
        return {
            "before": [self.get_object(), *data["also_replaces"]],
            "after": [data["text"]],
            "table": data["table"],
        }

    def change(self, form):
        data = form.cleaned_data
        return [
            self.get_object().reformulate(
                text=data["text"],
                by=self.request.user,
                date=data["date"],
                trigger=data["trigger"],
                trigger_note=data["trigger_note"],
                also_replaces=list(data["also_replaces"]),
                table=data["table"],
            )
        ]


class QuestionSplitView(ChangeView):
    """One question becomes several, each replacing it; its sub-questions and obstacles go to
    the new question chosen for each."""

    template_name = "learning/questions/question_split.html"
    form_class = SplitForm
    draft_prefix = "split"
    success_message = _("The question is split; its earlier wording is kept.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "question": self.get_object()}

    def preview(self, form):
        return {"before": [self.get_object()], "after": form.texts, "table": None}

    def change(self, form):
        data = form.cleaned_data
        return self.get_object().split(
            texts=form.texts,
            by=self.request.user,
            date=data["date"],
            trigger=data["trigger"],
            trigger_note=data["trigger_note"],
            parts=form.part_targets,
        )


class OwnerPlaceView(QuestionMixin, PermissionRequiredMixin, UpdateView):
    """One owner's number for a joint question in its own list, and its own addition."""

    permission_required = "learning.change_learningquestion"
    template_name = "learning/questions/owner_place_form.html"
    form_class = OwnerPlaceForm

    def get_permission_object(self):
        return self.question

    def dispatch(self, request, *args, **kwargs):
        self.question = QuestionMixin.get_object(self)
        if not owner_places(self.question):
            raise Http404("Only a joint question has a place in each owner's list")
        self.owner = get_object_or_404(
            self.question.table.owners.filter(
                pk__in=LocalGovernment.objects.visible_to(request.user).values("pk")
            ),
            pk=kwargs["owner"],
        )
        return super().dispatch(request, *args, **kwargs)

    def get_object(self, queryset=None):
        return OwnerPlace.objects.filter(
            question=self.question, local_government=self.owner
        ).first() or OwnerPlace(question=self.question, local_government=self.owner)

    def get_context_data(self, **kwargs):
        return super().get_context_data(question=self.question, owner=self.owner, **kwargs)

    def form_valid(self, form):
        form.save()
        messages.success(
            self.request,
            _("The place of the question in the list of %(owner)s is saved.")
            % {"owner": self.owner},
        )
        return redirect(self.question)


class QuestionDropView(QuestionMixin, PermissionRequiredMixin, FormView):
    permission_required = "learning.reformulate_learningquestion"
    template_name = "learning/questions/question_drop.html"
    form_class = DropForm

    def get_context_data(self, **kwargs):
        return super().get_context_data(question=self.get_object(), **kwargs)

    def form_valid(self, form):
        question = self.get_object()
        try:
            question.drop(
                reason=form.cleaned_data["reason"],
                date=form.cleaned_data["date"],
                by=self.request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        self.request.session[DRAFT_SAVED] = f"drop-{question.pk}"
        messages.success(
            self.request, _("The question is dropped; its wording stays in the history.")
        )
        return redirect(question)


class EvolutionView(DetailView):
    """A municipality's timeline: its questions as a graph, a family of wordings at a time
    (see timeline.py)."""

    template_name = "learning/questions/evolution.html"
    context_object_name = "local_government"
    paginate_by = 10  # families

    def get_queryset(self):
        return LocalGovernment.objects.visible_to(self.request.user)

    def get_context_data(self, **kwargs):
        # Read when the timeline shows: not while the reader's rendered timeline is kept
        # (`{% kept %}` in the template), until the data changes.
        timeline = freshness.lazily(self.timeline, ("families", "page_obj"))
        return super().get_context_data(**timeline, **kwargs)

    def timeline(self):
        readable = LearningQuestion.objects.visible_to(self.request.user)
        tables = LearningQuestionTable.objects.filter(owners=self.object)
        families = question_families(readable, tables)
        page = Paginator(families, self.paginate_by).get_page(self.request.GET.get("page"))
        return {"families": draw_families(read_wordings(page.object_list)), "page_obj": page}


class EvolutionOverviewView(PermissionRequiredMixin, DetailView):
    """Appendix 8.11 and Figure 4 of the report, from the questions' history."""

    permission_required = "learning.view_programme_exchange"
    template_name = "learning/questions/evolution_overview.html"
    context_object_name = "programme"
    paginate_by = 10  # municipalities, in both tables
    # What each municipality applied, on the page: the first few, then how many more (the
    # report's appendix 8.11 lists them all; a municipality's page leads to its action plans).
    applied_shown = 5

    def get_queryset(self):
        return Programme.objects.visible_to(self.request.user)

    def get_object(self, queryset=None):
        if not hasattr(self, "_programme"):  # once for the permission, once for the page
            self._programme = super().get_object(queryset)
        return self._programme

    def get_context_data(self, **kwargs):
        # Read when the tables show: not while the reader's rendered page is kept (`{% kept %}`
        # in the template), until the data changes.
        names = ("rows", "page_obj", "timelines")
        return super().get_context_data(**freshness.lazily(self.tables, names), **kwargs)

    def tables(self):
        programme, user = self.object, self.request.user
        questions = LearningQuestion.objects.visible_to(user)
        page = Paginator(
            evolution_local_governments(programme, questions), self.paginate_by
        ).get_page(self.request.GET.get("page"))
        rows = evolution_rows(programme, questions, local_governments=page.object_list, user=user)
        for row in rows:
            row.applied_more = max(len(row.applied) - self.applied_shown, 0)
            row.applied = row.applied[: self.applied_shown]
            summary = row.summary or EvolutionSummary(
                programme=programme, local_government=row.local_government
            )
            row.can_edit = user.has_perm("learning.change_evolutionsummary", summary)
        timelines = set(
            LocalGovernment.objects.visible_to(user)
            .filter(pk__in=page.object_list)
            .values_list("pk", flat=True)
        )
        return {"rows": rows, "page_obj": page, "timelines": timelines}


class EvolutionSummaryUpdateView(PermissionRequiredMixin, UpdateView):
    """The consultant's phrases for one municipality (new on first save)."""

    permission_required = "learning.change_evolutionsummary"
    template_name = "learning/questions/evolutionsummary_form.html"
    form_class = EvolutionSummaryForm

    def get_object(self, queryset=None):
        if not hasattr(self, "_summary"):
            user = self.request.user
            programme = get_object_or_404(
                Programme.objects.visible_to(user), pk=self.kwargs["programme"]
            )
            local_government = get_object_or_404(
                LocalGovernment.objects.visible_to(user), pk=self.kwargs["pk"]
            )
            takes_part = programme.partnerships.of_local_government(local_government).exists()
            if not takes_part:
                raise Http404("This local government has no partnership in the programme")
            self._summary = EvolutionSummary.objects.filter(
                programme=programme, local_government=local_government
            ).first() or EvolutionSummary(programme=programme, local_government=local_government)
        return self._summary

    def form_valid(self, form):
        form.instance.updated_by = self.request.user
        form.save()
        messages.success(self.request, _("The summary is saved."))
        return redirect("learning:evolution_overview", pk=form.instance.programme_id)
