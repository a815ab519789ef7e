"""The site visits and, by importing their modules, the site-visit tools (6 and 7), which
register themselves like the learning tools."""

from visits.tools import activities, terms  # noqa: F401  (tools 6 and 7)
from visits.tools.activities import Activity, ActivityTable
from visits.tools.terms import DayPlan, SpecificObjective, TermsOfReference

from .trips import Delegation, DelegationMember, SiteVisit

__all__ = [
    "Activity",
    "ActivityTable",
    "DayPlan",
    "Delegation",
    "DelegationMember",
    "SiteVisit",
    "SpecificObjective",
    "TermsOfReference",
]
