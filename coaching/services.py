"""Writes across meetings, their agendas, attendance and tasks, and what the pages read about
them: the participants to invite, the cycle planner, the pre-read and the task reminders."""

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_noop

from partnerships.mail import mail_user
from partnerships.models import Partnership, User
from partnerships.notifications import absolute, notify

from .models import Attendance, Meeting, Task
from .preread import Preread
from .timezones import zones_of


def meeting_sides(meeting):
    """The ids of the municipalities a meeting is about."""
    if meeting.kind == Meeting.Kind.INDIVIDUAL:
        return {meeting.local_government_id}
    if meeting.kind == Meeting.Kind.BILATERAL:
        return {meeting.partnership.north_id, meeting.partnership.south_id}
    sides = Partnership.objects.filter(programme=meeting.programme_id).values_list("north", "south")
    return {side for pair in sides for side in pair}


def default_participants(meeting):
    """Who a new meeting invites: the teams of the municipalities it is about, their
    consultants in the programme (none for a bilateral the partners hold themselves), the
    programme's staff for a network meeting, and its organiser."""
    sides = meeting_sides(meeting)
    programme = meeting.programme_id
    people = Q(memberships__local_government__in=sides)
    if meeting.kind == Meeting.Kind.BILATERAL:
        if not meeting.without_consultant:
            people |= Q(coached_partnerships=meeting.partnership_id)
    else:
        people |= Q(
            coached_partnerships__programme=programme, coached_partnerships__north__in=sides
        ) | Q(coached_partnerships__programme=programme, coached_partnerships__south__in=sides)
    if meeting.kind == Meeting.Kind.NETWORK:
        people |= Q(staffed_programmes=programme)
    if meeting.organiser_id:
        people |= Q(pk=meeting.organiser_id)
    return User.objects.filter(people, is_active=True).distinct()


def meeting_save(*, meeting, agenda, user):
    """Save a meeting and its agenda (an inline formset) in one transaction, the items in the
    order they were typed; a new meeting invites its default participants."""
    created = meeting.pk is None
    with transaction.atomic():
        if created:
            meeting.organiser = user
        meeting.save()
        agenda.instance = meeting
        agenda.save(commit=False)
        for item in agenda.deleted_objects:
            item.delete()
        kept = [
            form.instance
            for form in agenda.forms
            if form.instance.title and form not in agenda.deleted_forms
        ]
        for order, item in enumerate(kept, start=1):
            item.meeting, item.order = meeting, order
            item.save()
        invited = set(default_participants(meeting).values_list("pk", flat=True))
        if created:
            Attendance.objects.bulk_create(
                Attendance(meeting=meeting, user_id=person) for person in invited
            )
        else:
            # Moved to another partnership or municipality: those no longer concerned are no
            # longer invited (nor mailed its pre-read), unless they attended.
            meeting.attendances.exclude(user__in=invited).exclude(attended=True).delete()
    return meeting


def meeting_record(*, meeting, attended, minutes, decisions, held):
    """Record who attended (the participants' ids in `attended`; the others did not), the
    minutes and decisions, and, when `held`, that the meeting took place."""
    with transaction.atomic():
        meeting.attendances.update(attended=False)
        meeting.attendances.filter(pk__in=attended).update(attended=True)
        meeting.minutes, meeting.decisions = minutes, decisions
        if held:
            meeting.status = Meeting.Status.HELD
        meeting.save(update_fields=["minutes", "decisions", "status"])
    return meeting


def task_create(*, task, meeting, user):
    task.meeting, task.programme_id, task.created_by = meeting, meeting.programme_id, user
    task.save()
    return task


def task_done(*, task):
    task.status, task.done_at = Task.Status.DONE, timezone.now()
    task.save(update_fields=["status", "done_at"])
    return task


def task_owners(task):
    """The people a task is for: its person, or its municipality's team."""
    if task.owner_user_id:
        return [task.owner_user]
    return list(User.objects.filter(memberships__local_government=task.owner_local_government_id))


def remind_tasks(*, today=None):
    """Tell the owners of the open tasks due by `today` that they are due, once each
    (`reminded_at`); returns how many tasks were reminded."""
    today = today or timezone.localdate()
    due = (
        Task.objects.open()
        .filter(due_date__lte=today, reminded_at__isnull=True)
        .select_related("owner_user", "meeting__partnership")
    )
    count = 0
    for task in due:
        with transaction.atomic():
            notify(
                task_owners(task),
                verb=gettext_noop("The task “%(task)s” is due on %(date)s."),
                params={"task": task.title, "date": task.due_date.isoformat()},
                url=reverse("coaching:task_list"),
                partnership=task.meeting.partnership if task.meeting else None,
            )
            Task.objects.filter(pk=task.pk).update(reminded_at=timezone.now())
        count += 1
    return count


def remind_meetings(*, now=None):
    """Tell the participants of each planned meeting that starts within a day that it is
    tomorrow, with a link to its pre-read, once each (`reminded_at`); returns how many meetings
    were announced."""
    now = now or timezone.now()
    coming = (
        Meeting.objects.filter(
            status=Meeting.Status.PLANNED,
            starts_at__gt=now,
            starts_at__lte=now + datetime.timedelta(days=1),
            reminded_at__isnull=True,
        )
        .select_related("partnership")
        .prefetch_related("attendances__user")
    )
    count = 0
    for meeting in coming:
        with transaction.atomic():
            notify(
                [attendance.user for attendance in meeting.attendances.all()],
                verb=gettext_noop("“%(meeting)s” is tomorrow: its pre-read is ready."),
                params={"meeting": str(meeting)},
                url=reverse("coaching:meeting_preread", args=[meeting.pk]),
                partnership=meeting.partnership,
            )
            Meeting.objects.filter(pk=meeting.pk).update(reminded_at=timezone.now())
        count += 1
    return count


def preread_send(*, meeting, user):
    """Mail the pre-read to every participant with an address, in their language and time
    zone, once the transaction commits; returns how many were mailed."""
    link = absolute(meeting.get_absolute_url())
    people = [a.user for a in meeting.attendances.select_related("user") if a.user.email]
    preread = Preread(meeting)  # read once, shown to each as they may read it
    zones = zones_of(people)
    for person in people:
        with timezone.override(zones[person.pk]):
            context = preread.context(person)
            mail_user(
                user=person,
                template="coaching/meetings/preread_mail",
                context={**context, "link": link},
            )
    return len(people)


@dataclass
class CycleRow:
    """One partnership's last meeting of each kind, and what its cycle lacks."""

    partnership: object
    individual: dict  # side id -> the last individual coaching of that side
    bilateral: object
    network: object

    @property
    def missing(self):
        """individual -> bilateral -> network: a step missing, or older than the step before."""
        missing = []
        sides = (self.partnership.north, self.partnership.south)
        lacking = [side for side in sides if side.pk not in self.individual]
        if lacking:
            missing.append(("individual", lacking))
        latest_individual = max(
            (meeting.starts_at for meeting in self.individual.values()), default=None
        )
        if self.bilateral is None or (
            latest_individual and self.bilateral.starts_at < latest_individual
        ):
            missing.append(("bilateral", []))
        if self.network is None or (
            self.bilateral and self.network.starts_at < self.bilateral.starts_at
        ):
            missing.append(("network", []))
        return missing


def cycle(programme, *, user):
    """For each partnership of `programme` that `user` reads: the last individual coaching of
    each side, the last bilateral, the programme's last network meeting, and what is missing.
    Two queries."""
    partnerships = list(
        Partnership.objects.visible_to(user)
        .filter(programme=programme)
        .select_related("north", "south")
        .order_by("north__name", "south__name")
    )
    meetings = (
        Meeting.objects.visible_to(user)
        .filter(programme=programme)
        .exclude(status=Meeting.Status.CANCELLED)
        .select_related("local_government")  # named in the planner
        .order_by("starts_at")
    )
    individual, bilateral, network = {}, {}, None
    for meeting in meetings:  # oldest first: the last one of each wins
        if meeting.kind == Meeting.Kind.INDIVIDUAL:
            individual[meeting.local_government_id] = meeting
        elif meeting.kind == Meeting.Kind.BILATERAL:
            bilateral[meeting.partnership_id] = meeting
        else:
            network = meeting
    return [
        CycleRow(
            partnership=partnership,
            individual={
                side: individual[side]
                for side in (partnership.north_id, partnership.south_id)
                if side in individual
            },
            bilateral=bilateral.get(partnership.pk),
            network=network,
        )
        for partnership in partnerships
    ]
