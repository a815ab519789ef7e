"""Following the action plan (tool 10): an action's page with its status and progress notes,
their evidence, an action added from a delegation (a journal's applicable learning in one step)
and a learning question written from an action."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import prefetch_related_objects
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.generic import DetailView, FormView
from rules.contrib.views import PermissionRequiredMixin

from learning import files
from partnerships import freshness

from .. import services
from ..application import action_history
from ..forms import ActionNoteForm, ActionStatusForm, NewActionForm, QuestionFromActionForm
from ..models import Action, ActionNote, ActionPlan
from .delegations import DelegationMixin


def visible_actions(user):
    """The actions of the action plans `user` reads (404 for the others)."""
    return Action.objects.filter(sheet__in=ActionPlan.objects.visible_to(user)).select_related(
        "sheet__delegation__visit", "sheet__delegation__visitor", "sheet__delegation__host"
    )


class ActionMixin:
    """Finds the action of the URL among those the user reads; the permission is checked on it."""

    def get_action(self):
        if not hasattr(self, "_action"):
            self._action = get_object_or_404(
                visible_actions(self.request.user), pk=self.kwargs["pk"]
            )
        return self._action

    def get_permission_object(self):
        return self.get_action()


class ActionDetailView(DetailView):
    """An action: its status (changed here, with why when suspended or dropped), its progress
    notes with their evidence, and its history."""

    model = Action
    template_name = "visits/actions/action_detail.html"

    def get_queryset(self):
        return visible_actions(self.request.user)

    def get_context_data(self, **kwargs):
        # Read when the page's body shows: not while the reader's rendered body is kept
        # (`{% kept %}` in the template), until the data changes. A form given (shown again
        # after a POST, with what was typed) takes the place of the blank one.
        names = ("plan", "may_follow", "history", "status_form", "note_form")
        return super().get_context_data(**{**freshness.lazily(self.body, names), **kwargs})

    def body(self):
        action = self.object
        prefetch_related_objects([action], "questions", "subquestions__question", "notes__author")
        return {
            "plan": action.sheet,
            "may_follow": self.request.user.has_perm("visits.follow_action", action),
            "history": action_history(action),
            "status_form": ActionStatusForm(
                initial={"status": action.status, "status_reason": action.status_reason}
            ),
            "note_form": ActionNoteForm(),
        }


class ActionFollowView(ActionMixin, PermissionRequiredMixin, FormView):
    """Base of the action page's two forms: POST only; an invalid form shows the action's page
    again with what was typed."""

    permission_required = "visits.follow_action"
    http_method_names = ["post"]
    template_name = ActionDetailView.template_name

    def form_invalid(self, form):
        messages.error(self.request, _("Nothing was saved: see the marked fields."))
        view = ActionDetailView(request=self.request, kwargs=self.kwargs)
        view.object = self.get_action()
        context = view.get_context_data(**{self.context_name: form})
        return self.render_to_response(context)


class ActionStatusView(ActionFollowView):
    form_class = ActionStatusForm
    context_name = "status_form"

    def form_valid(self, form):
        action = self.get_action()
        try:
            services.set_action_status(
                action=action,
                status=form.cleaned_data["status"],
                reason=form.cleaned_data["status_reason"],
                by=self.request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The action's status is saved."))
        return redirect(action)


class ActionNoteCreateView(ActionFollowView):
    form_class = ActionNoteForm
    context_name = "note_form"

    def form_valid(self, form):
        action = self.get_action()
        services.add_action_note(action=action, by=self.request.user, **form.cleaned_data)
        messages.success(self.request, _("The progress note is saved."))
        return redirect(f"{action.get_absolute_url()}#notes")


def action_note_file(request, pk):
    """A progress note's evidence, for those who read its action: photos show inline, documents
    download; the file is streamed in a sandbox."""
    note = get_object_or_404(
        ActionNote.objects.filter(action__in=visible_actions(request.user)).exclude(file=""),
        pk=pk,
    )
    try:
        size = note.file.size
    except FileNotFoundError:
        raise Http404 from None
    name = note.file.name
    content_type = files.content_type(name)
    response = StreamingHttpResponse(
        files.stream(note.file, 0, size - 1), content_type=content_type
    )
    response["Content-Length"] = str(size)
    response["Content-Disposition"] = content_disposition_header(
        not content_type.startswith("image/"), name.rsplit("/", 1)[-1]
    )
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, max-age=3600"
    return response


class ActionCreateView(DelegationMixin, PermissionRequiredMixin, FormView):
    """An action added to the delegation's action plan (created if it has none): `?text=`
    prefills it, so a journal's applicable learning becomes an action in one step."""

    permission_required = "visits.add_action"
    template_name = "visits/actions/action_form.html"
    form_class = NewActionForm

    def get_initial(self):
        return {"action": self.request.GET.get("text", "")[:500]}

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "delegation": self.get_delegation(),
            "user": self.request.user,
        }

    def form_valid(self, form):
        values = dict(form.cleaned_data)
        action = services.action_from_text(
            delegation=self.get_delegation(),
            text=values.pop("action"),
            values=values,
            by=self.request.user,
        )
        messages.success(self.request, _("The action is added to the action plan."))
        return redirect(action)


class ActionQuestionView(ActionMixin, PermissionRequiredMixin, FormView):
    """A new or sharper learning question born of what the action applied, in one step."""

    permission_required = "visits.follow_action"
    template_name = "visits/actions/action_question.html"
    form_class = QuestionFromActionForm

    def get_form_kwargs(self):
        action = self.get_action()
        questions = action.questions.active().filter(table__programme=action.sheet.programme_id)
        return {**super().get_form_kwargs(), "questions": questions}

    def get_context_data(self, **kwargs):
        return super().get_context_data(action=self.get_action(), **kwargs)

    def form_valid(self, form):
        action, user = self.get_action(), self.request.user
        replaces = form.cleaned_data["replaces"]
        if replaces is not None:
            allowed = user.has_perm("learning.reformulate_learningquestion", replaces)
        else:
            table = services.question_table_of(action.sheet)
            allowed = table is None or user.has_perm("learning.change_sheet", table)
        if not allowed:
            form.add_error(None, _("You may not change this learning questions table."))
            return self.form_invalid(form)
        try:
            question = services.question_from_action(
                action=action, text=form.cleaned_data["text"], replaces=replaces, by=user
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(
            self.request, _("The learning question is saved; its lineage names the action.")
        )
        return redirect(question)
