"""Meetings and tasks (coaching/urls.py), on a bilateral of Laarne-Ouinhi in programme A planned
by its consultant, and a task it set Laarne.

Both teams, their consultant, programme staff and the ANCB observer read the bilateral; staff
and the consultant edit it, record it, set its tasks and send its pre-read (403 to the other
readers). Whoever takes part in programme A may plan a meeting there (a partner records a
bilateral held without the consultant); the observer may not. Laarne's team, the consultant and
staff reach the task. The calendar feed is read by its secret address, without logging in.
"""

import datetime

from django.urls import reverse

from coaching.models import CalendarFeed, Meeting, Task
from tests.permissions.matrix import Row, everyone, only

READERS = {"staff", "consultant", "focal_point", "team_member", "partner_focal_point", "observer"}
EDITORS = {"staff", "consultant"}
READ = only(200, READERS)
EDIT = only(200, EDITORS) | dict.fromkeys(READERS - EDITORS, 403)
# A one-button change: the editors (and the superuser) are sent back to the meeting.
SAVE = EDIT | dict.fromkeys(EDITORS | {"superuser"}, 302)
PLANNERS = {
    "staff",
    "consultant",
    "other_consultant",
    "focal_point",
    "team_member",
    "partner_focal_point",
    "stranger",
}
TASK_OWNERS = {"staff", "consultant", "focal_point", "team_member"}


def meeting(w):
    """Made in each request's savepoint (rolled back after it)."""
    return Meeting.objects.get_or_create(
        title="Bilateral of the matrix",
        defaults={
            "programme": w.programme,
            "kind": Meeting.Kind.BILATERAL,
            "partnership": w.partnership,
            "starts_at": datetime.datetime(2025, 6, 12, 12, tzinfo=datetime.UTC),
            "organiser": w.consultant,
        },
    )[0]


def task(w):
    return Task.objects.get_or_create(
        title="Present tool 2",
        defaults={
            "programme": w.programme,
            "meeting": meeting(w),
            "owner_local_government": w.laarne,
        },
    )[0]


def of_meeting(w):
    return {"pk": meeting(w).pk}


def feed_url(w):
    feed, _created = CalendarFeed.objects.get_or_create(user=w.focal_point)
    return feed.get_absolute_url()


ROWS = [
    Row("coaching:meeting_list", expect=everyone(200, anonymous=302)),
    Row(
        "coaching:meeting_create",
        url=lambda w: reverse("coaching:meeting_create") + f"?programme={w.programme.pk}",
        expect=only(200, PLANNERS, observer=403),
    ),
    Row("coaching:meeting_detail", of_meeting, expect=READ),
    Row("coaching:meeting_update", of_meeting, expect=EDIT),
    Row("coaching:meeting_record", of_meeting, "post", expect=SAVE),
    Row("coaching:task_create", of_meeting, "post", expect=EDIT),
    Row("coaching:meeting_preread", of_meeting, expect=READ),
    Row("coaching:preread_send", of_meeting, "post", expect=SAVE),
    Row("coaching:meeting_ics", of_meeting, expect=READ),
    Row("coaching:task_list", expect=everyone(200, anonymous=302)),
    Row(
        "coaching:task_done",
        lambda w: {"pk": task(w).pk},
        "post",
        expect=only(302, TASK_OWNERS),
    ),
    Row("coaching:calendar_feed_settings", expect=everyone(200, anonymous=302)),
    Row("coaching:calendar_feed_settings", method="post", expect=everyone(302)),
    Row("coaching:calendar_feed", url=feed_url, expect=everyone(200)),
]
