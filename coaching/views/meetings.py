"""The meetings of a programme with the cycle planner; planning, reading and recording a
meeting; its pre-read and its invitation."""

import datetime
from functools import partial

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import prefetch_related_objects
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import CreateView, DetailView, ListView, UpdateView
from rules.contrib.views import PermissionRequiredMixin

from partnerships import freshness
from partnerships.models import Programme

from .. import services
from ..forms import AgendaFormSet, MeetingForm, RecordForm, TaskForm
from ..ics import calendar
from ..models import Meeting
from ..models.meetings import TIME_BUDGET_MINUTES
from ..preread import preread_context


def visible_meetings(user):
    return Meeting.objects.visible_to(user).select_related(
        "programme", "partnership__north", "partnership__south", "local_government"
    )


def chosen_programme(request, *, required):
    """The programme of `?programme=`, among the person's; else their only one."""
    programmes = Programme.objects.visible_to(request.user)
    chosen = request.GET.get("programme", "")
    if chosen.isdigit():
        return get_object_or_404(programmes, pk=chosen)
    if chosen:
        raise Http404("No such programme")
    only = list(programmes[:2])
    if len(only) == 1:
        return only[0]
    if required:
        raise Http404("Choose a programme")
    return None


class MeetingListView(freshness.LazyListMixin, ListView):
    """A programme's meetings, newest first, and its cycle planner (`?cycle_page=`)."""

    model = Meeting
    paginate_by = 30
    cycle_per_page = 20
    template_name = "coaching/meetings/meeting_list.html"

    def get_queryset(self):
        self.programme = chosen_programme(self.request, required=False)
        meetings = visible_meetings(self.request.user)
        if self.programme is not None:
            meetings = meetings.filter(programme=self.programme)
        return meetings

    list_names = ("programmes", "cycle", "cycle_page", "may_plan")

    def get_context_data(self, **kwargs):
        return super().get_context_data(programme=self.programme, **kwargs)

    def list_context(self, context):
        user, programme = self.request.user, self.programme
        cycle_page = None
        if programme is not None:
            # The planner has a row per partnership: a page of them at a time.
            cycle_page = Paginator(services.cycle(programme, user=user), self.cycle_per_page)
            cycle_page = cycle_page.get_page(self.request.GET.get("cycle_page"))
        return {
            "programmes": Programme.objects.visible_to(user) if programme is None else (),
            "cycle": cycle_page.object_list if cycle_page else (),
            "cycle_page": cycle_page,
            "may_plan": programme is not None and user.has_perm("coaching.plan_meeting", programme),
        }


def agenda_warning(request, minutes):
    if minutes > TIME_BUDGET_MINUTES:
        messages.warning(
            request,
            _(
                "The agenda takes %(minutes)s minutes, more than the %(budget)s minutes a "
                "meeting should last. Consider moving items to individual coaching."
            )
            % {"minutes": minutes, "budget": TIME_BUDGET_MINUTES},
        )


class MeetingFormMixin:
    """A meeting with its agenda, saved together; a long agenda warns, it does not refuse."""

    model = Meeting
    form_class = MeetingForm
    template_name = "coaching/meetings/meeting_form.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "programme": self.programme, "user": self.request.user}

    def get_context_data(self, **kwargs):
        if "agenda" not in kwargs:
            kwargs["agenda"] = AgendaFormSet(instance=self.object or Meeting(), prefix="agenda")
            if self.object is None:
                kwargs["agenda"].extra = 3
        return super().get_context_data(
            programme=self.programme, budget=TIME_BUDGET_MINUTES, **kwargs
        )

    def post(self, request, *args, **kwargs):
        self.object = self.get_object() if "pk" in kwargs else None
        form = self.get_form()
        agenda = AgendaFormSet(request.POST, instance=form.instance, prefix="agenda")
        if form.is_valid() and agenda.is_valid():
            if request.user.has_perm("coaching.change_meeting", form.instance):
                meeting = services.meeting_save(
                    meeting=form.save(commit=False), agenda=agenda, user=request.user
                )
                form.save_m2m()
                messages.success(request, _("The meeting is saved."))
                agenda_warning(request, meeting.agenda_minutes())
                return redirect(meeting)
            form.add_error(None, _("You may not plan this meeting: choose what you coach."))
        messages.error(request, _("The meeting was not saved: see the marked fields."))
        return self.render_to_response(self.get_context_data(form=form, agenda=agenda))


class MeetingCreateView(MeetingFormMixin, PermissionRequiredMixin, CreateView):
    """Plan a meeting in a programme (`?programme=`, `?kind=`)."""

    permission_required = "coaching.plan_meeting"
    raise_exception = True

    def dispatch(self, request, *args, **kwargs):
        self.programme = chosen_programme(request, required=True)
        return super().dispatch(request, *args, **kwargs)

    def get_permission_object(self):
        return self.programme

    def get_initial(self):
        kind = self.request.GET.get("kind")
        return {"kind": kind} if kind in Meeting.Kind.values else {}


class MeetingUpdateView(MeetingFormMixin, PermissionRequiredMixin, UpdateView):
    permission_required = "coaching.change_meeting"
    raise_exception = True

    def get_queryset(self):
        return visible_meetings(self.request.user)

    def get_object(self, queryset=None):
        meeting = super().get_object(queryset)
        self.programme = meeting.programme
        return meeting

    def get_context_data(self, **kwargs):
        return super().get_context_data(over_budget=self.object.over_budget, **kwargs)


class MeetingDetailView(DetailView):
    """The meeting in the reader's time zone, its agenda and time budget, questions,
    attendance, minutes and decisions, and the tasks it set."""

    template_name = "coaching/meetings/meeting_detail.html"

    def get_queryset(self):
        return visible_meetings(self.request.user)

    def get_context_data(self, **kwargs):
        # Read when the page's body shows: not while the reader's rendered body is kept
        # (`{% kept %}` in the template), until the data changes. A form given (shown again
        # after a POST, with what was typed) takes the place of the blank one.
        return super().get_context_data(**{**freshness.lazily(self.body, MEETING_BODY), **kwargs})

    def body(self):
        meeting, user = self.object, self.request.user
        prefetch_related_objects([meeting], "agenda", "questions")
        may_edit = user.has_perm("coaching.change_meeting", meeting)
        agenda = list(meeting.agenda.all())
        minutes = sum(item.minutes for item in agenda)
        context = {
            "agenda": agenda,
            "agenda_minutes": minutes,
            "budget": TIME_BUDGET_MINUTES,
            "over_budget": minutes > TIME_BUDGET_MINUTES,
            "ends_at": meeting.starts_at + datetime.timedelta(minutes=meeting.duration),
            "attendances": meeting.attendances.select_related("user").order_by(
                "user__first_name", "user__username"
            ),
            "tasks": meeting.tasks.select_related("owner_user", "owner_local_government"),
            "may_edit": may_edit,
        }
        if may_edit:
            context["record_form"] = RecordForm(meeting=meeting)
            context["task_form"] = TaskForm(meeting=meeting, sides=services.meeting_sides(meeting))
        return context


# What the meeting's page shows, read when it shows it.
MEETING_BODY = (
    "agenda",
    "agenda_minutes",
    "budget",
    "over_budget",
    "ends_at",
    "attendances",
    "tasks",
    "may_edit",
    "record_form",
    "task_form",
)


def editable_meeting(request, pk):
    """The meeting (404 if the person does not read it), if they may edit it (403)."""
    meeting = get_object_or_404(visible_meetings(request.user), pk=pk)
    if not request.user.has_perm("coaching.change_meeting", meeting):
        raise PermissionDenied
    return meeting


def render_detail(request, meeting, **forms):
    view = MeetingDetailView(request=request, kwargs={"pk": meeting.pk}, object=meeting)
    return view.render_to_response(view.get_context_data(**forms))


@require_POST
def meeting_record(request, pk):
    """Record attendance, minutes and decisions, and that the meeting was held."""
    meeting = editable_meeting(request, pk)
    form = RecordForm(request.POST, meeting=meeting)
    if not form.is_valid():
        messages.error(request, _("Nothing was recorded: see the marked fields."))
        return render_detail(request, meeting, record_form=form)
    services.meeting_record(
        meeting=meeting,
        attended=[attendance.pk for attendance in form.cleaned_data["attended"]],
        minutes=form.cleaned_data["minutes"],
        decisions=form.cleaned_data["decisions"],
        held=form.cleaned_data["held"],
    )
    messages.success(request, _("The attendance and minutes are recorded."))
    return redirect(meeting)


@require_POST
def task_create(request, pk):
    """A task the meeting sets."""
    meeting = editable_meeting(request, pk)
    form = TaskForm(request.POST, meeting=meeting, sides=services.meeting_sides(meeting))
    if not form.is_valid():
        messages.error(request, _("The task was not set: see the marked fields."))
        return render_detail(request, meeting, task_form=form)
    services.task_create(task=form.save(commit=False), meeting=meeting, user=request.user)
    messages.success(request, _("The task is set."))
    return redirect(f"{meeting.get_absolute_url()}#tasks")


class MeetingPrereadView(DetailView):
    """A plain page of a few kilobytes to read before the call: the agenda, the questions and
    the tools changed since the previous meeting."""

    template_name = "coaching/meetings/meeting_preread.html"

    def get_queryset(self):
        return visible_meetings(self.request.user)

    def get_context_data(self, **kwargs):
        # Read when the pre-read shows: not while the reader's rendered pre-read is kept
        # (`{% kept %}` in the template), until the data changes.
        read = partial(preread_context, self.object, user=self.request.user)
        names = ("agenda", "questions", "previous", "tool_changes")
        return super().get_context_data(**freshness.lazily(read, names), **kwargs)


@require_POST
def preread_send(request, pk):
    meeting = editable_meeting(request, pk)
    sent = services.preread_send(meeting=meeting, user=request.user)
    messages.success(
        request, _("The pre-read is mailed to %(count)s participants.") % {"count": sent}
    )
    return redirect(meeting)


def meeting_event(meeting, request=None):
    """The meeting as an iCalendar event."""
    url = meeting.get_absolute_url()
    return {
        "uid": f"meeting-{meeting.pk}@sdg-partnerships",
        "start": meeting.starts_at,
        "end": meeting.starts_at + datetime.timedelta(minutes=meeting.duration),
        "summary": str(meeting),
        "location": meeting.place,
        "description": meeting.get_kind_display(),
        "url": request.build_absolute_uri(url) if request else services.absolute(url),
        "cancelled": meeting.status == Meeting.Status.CANCELLED,
    }


def meeting_ics(request, pk):
    """The meeting's invitation, to add to a calendar."""
    meeting = get_object_or_404(visible_meetings(request.user), pk=pk)
    response = HttpResponse(
        calendar([meeting_event(meeting, request)]), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="meeting-{meeting.pk}.ics"'
    return response
