"""The site-visit pages: visits (trips.py), delegations (delegations.py) and what both show of a
delegation's tools (rows.py)."""

from .delegations import (
    DelegationDetailView,
    DelegationMembersView,
    DelegationPrioritiesView,
    DelegationWithdrawView,
    delegation_reinstate,
)
from .trips import (
    SiteVisitCreateView,
    SiteVisitDetailView,
    SiteVisitListView,
    SiteVisitUpdateView,
)

__all__ = [
    "DelegationDetailView",
    "DelegationMembersView",
    "DelegationPrioritiesView",
    "DelegationWithdrawView",
    "SiteVisitCreateView",
    "SiteVisitDetailView",
    "SiteVisitListView",
    "SiteVisitUpdateView",
    "delegation_reinstate",
]
