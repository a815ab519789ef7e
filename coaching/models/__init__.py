"""Coaching: the meetings of three kinds with their agendas and attendance, the tasks they set,
the interim evaluations and the methodology log."""

from .evaluations import EvaluationAnswer, EvaluationRound, MethodologyAdjustment
from .feeds import CalendarFeed
from .meetings import AgendaItem, Attendance, Meeting
from .tasks import Task

__all__ = [
    "AgendaItem",
    "Attendance",
    "CalendarFeed",
    "EvaluationAnswer",
    "EvaluationRound",
    "Meeting",
    "MethodologyAdjustment",
    "Task",
]
