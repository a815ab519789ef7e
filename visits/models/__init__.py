"""The site visits and, by importing their modules, the site-visit tools (6 and 7), which
register themselves like the learning tools."""

from visits.tools import (  # noqa: F401  (tools 6 to 10)
    action_plan,
    activities,
    journal_activities,
    journal_objectives,
    terms,
)
from visits.tools.action_plan import Action, ActionPlan
from visits.tools.activities import Activity, ActivityTable
from visits.tools.journal_activities import JournalByActivity, JournalEntry
from visits.tools.journal_objectives import (
    DailyScore,
    DayObjectiveNote,
    JournalByObjective,
    JournalDay,
    JournalObjective,
)
from visits.tools.terms import DayPlan, SpecificObjective, TermsOfReference

from .application import ActionNote
from .trips import Delegation, DelegationMember, SiteVisit

__all__ = [
    "Action",
    "ActionNote",
    "ActionPlan",
    "DailyScore",
    "DayObjectiveNote",
    "JournalByActivity",
    "JournalByObjective",
    "JournalDay",
    "JournalEntry",
    "JournalObjective",
    "Activity",
    "ActivityTable",
    "DayPlan",
    "Delegation",
    "DelegationMember",
    "SiteVisit",
    "SpecificObjective",
    "TermsOfReference",
]
