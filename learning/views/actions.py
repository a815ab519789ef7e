"""One-button changes of a sheet (its workflow's transitions) and its comment thread."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from rules.contrib.views import permission_required

from .. import services
from ..forms import CommentForm, ReturnForm
from ..tools.registry import get_tool
from .sheets import SheetDetailView


def visible_sheet(request, slug, pk):
    """The sheet of the URL if the user may see it; 404 otherwise (also for an unknown tool)."""
    try:
        tool = get_tool(slug)
    except KeyError:
        raise Http404("No such tool") from None
    return get_object_or_404(tool.model.objects.visible_to(request.user), pk=pk)


@require_POST
def sheet_transition(request, slug, pk, transition):
    """Any transition of the sheet's workflow (learning/workflows.py): 404 for an unknown one,
    403 without its permission, a message when the sheet is in another status or a required
    reason is missing."""
    sheet = visible_sheet(request, slug, pk)
    try:
        step = sheet.workflow.get(transition)
    except KeyError:
        raise Http404("No such transition") from None
    if not request.user.has_perm(step.permission, sheet):
        raise PermissionDenied
    reason = ""
    if step.reason:
        form = ReturnForm(request.POST)
        if not form.is_valid():
            messages.error(request, step.reason_missing)
            return redirect(sheet)
        reason = form.cleaned_data["text"]
    try:
        services.sheet_transition(sheet=sheet, name=transition, user=request.user, reason=reason)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, step.done)
        for warning in sheet.tool.transition_warnings(sheet, step):
            messages.warning(request, warning)
    return redirect(sheet)


@require_POST
@permission_required("learning.comment_sheet", fn=visible_sheet, raise_exception=True)
def comment_create(request, slug, pk):
    """htmx gets the thread back (with the form and its errors); a plain POST is redirected,
    or shown the page again when the comment is not valid."""
    sheet = visible_sheet(request, slug, pk)
    form = CommentForm(request.POST)
    saved = False
    if form.is_valid():
        services.comment_create(
            sheet=sheet,
            user=request.user,
            text=form.cleaned_data["text"],
            submission_key=form.cleaned_data["submission_key"],
        )
        form = CommentForm()
        saved = True
        if not request.htmx:
            messages.success(request, _("Your comment has been added."))
            return redirect(sheet)
    context = {
        "sheet": sheet,
        "tool": sheet.tool,
        "comments": sheet.comments.select_related("author"),
        "comment_form": form,
        "can": {"comment": True},
        "comment_saved": saved,
    }
    if request.htmx:
        return render(request, "learning/sheet_detail.html#comments", context)
    view = SheetDetailView()
    view.setup(request, slug=slug, pk=pk)
    view.tool, view.object = sheet.tool, sheet
    return view.render_to_response(view.get_context_data(comment_form=form))
