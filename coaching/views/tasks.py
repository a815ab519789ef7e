"""The person's tasks, marking one done, and their private calendar feed."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import ListView, TemplateView

from partnerships import freshness
from partnerships.access import Access
from partnerships.views import url_has_allowed_host_and_scheme_or_home

from .. import services
from ..ics import calendar
from ..models import CalendarFeed, Meeting, Task
from ..timezones import zone_of
from .meetings import meeting_event

# How far back a calendar feed reaches.
FEED_SIZE = 200


class TaskListView(freshness.LazyListMixin, ListView):
    """The tasks for the person and their municipality, open ones first; those of the
    municipalities they coach or the programmes they run under them. A page of tasks at a
    time, kept rendered until the data changes (`{% kept %}` in the template)."""

    template_name = "coaching/tasks/task_list.html"
    paginate_by = 50

    def get_queryset(self):
        user = self.request.user
        return Task.objects.visible_to(user).select_related(
            "owner_user", "owner_local_government", "meeting"
        )

    list_names = ("own_tasks", "other_tasks")

    def list_context(self, context):
        user = self.request.user
        access = Access.of(user)
        tasks = context["object_list"]
        return {
            "own_tasks": [t for t in tasks if own_task(t, user, access)],
            "other_tasks": [t for t in tasks if not own_task(t, user, access)],
        }


def own_task(task, user, access):
    return task.owner_user_id == user.pk or task.owner_local_government_id in access.member_of


@require_POST
def task_done(request, pk):
    task = get_object_or_404(Task.objects.visible_to(request.user), pk=pk)
    if not request.user.has_perm("coaching.change_task", task):
        raise PermissionDenied
    services.task_done(task=task)
    messages.success(request, _("“%(task)s” is done.") % {"task": task.title})
    # Back to the page the task was done from (the home, say); only a page of this site.
    back = request.POST.get("next") or reverse("coaching:task_list")
    return redirect(url_has_allowed_host_and_scheme_or_home(request, back))


class CalendarFeedView(TemplateView):
    """The address of the person's calendar feed, and a button to change it."""

    template_name = "coaching/meetings/calendar_feed.html"

    def get_context_data(self, **kwargs):
        feed, _created = CalendarFeed.objects.get_or_create(user=self.request.user)
        url = self.request.build_absolute_uri(feed.get_absolute_url())
        return super().get_context_data(feed=feed, feed_url=url, **kwargs)

    def post(self, request, *args, **kwargs):
        feed, _created = CalendarFeed.objects.get_or_create(user=request.user)
        feed.regenerate()
        messages.success(
            request, _("Your calendar has a new address; the old one no longer works.")
        )
        return redirect("coaching:calendar_feed_settings")


@login_not_required
def calendar_feed(request, token):
    """The meetings the feed's owner reads, for a calendar application (the token stands for
    their log-in)."""
    feed = get_object_or_404(CalendarFeed.objects.select_related("user"), token=token)
    if not feed.user.is_active:
        raise Http404("No such feed")
    meetings = (
        Meeting.objects.visible_to(feed.user)
        .select_related("partnership__north", "partnership__south", "local_government")
        .order_by("-starts_at")[:FEED_SIZE]
    )
    # Without a log-in no time zone is active: the owner's, as their pages show it.
    with timezone.override(zone_of(feed.user)):
        events = [meeting_event(meeting, request) for meeting in meetings]
    body = calendar(events, name=_("SDG Partnerships"))
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")
