"""The coaching pages, one module per part: the learning-cycle dashboard, the meetings, the
tasks, the interim evaluations and the methodology log."""

from .meetings import (
    MeetingCreateView,
    MeetingDetailView,
    MeetingListView,
    MeetingPrereadView,
    MeetingUpdateView,
    meeting_ics,
    meeting_record,
    preread_send,
    task_create,
)
from .tasks import CalendarFeedView, TaskListView, calendar_feed, task_done

__all__ = [
    "CalendarFeedView",
    "MeetingCreateView",
    "MeetingDetailView",
    "MeetingListView",
    "MeetingPrereadView",
    "MeetingUpdateView",
    "TaskListView",
    "calendar_feed",
    "meeting_ics",
    "meeting_record",
    "preread_send",
    "task_create",
    "task_done",
]
