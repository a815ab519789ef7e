"""The learning-cycle dashboard: per municipality in a programme, where it stands in the cycle,
the state of each tool and what needs attention first, for the consultants who coach it and the
programme's staff.

Where a municipality stands (`Position`), the first rule that holds, in this order:

1. "getting to know each other" until it has shared a sheet of each tool of that step (tools
   1-4, the registry's `Step.GET_TO_KNOW`);
2. "learning questions" until its tool 5 table is shared;
3. "exchange" once it is shared, until a delegation of it (visiting or hosting, not withdrawn)
   exists on a site visit;
4. "site visit" from the delegation until the visit's last day has passed (a later visit
   planned brings it back here);
5. "deepening" when, after its last visit (on or after the visit's first day), one of its
   questions was reformulated because of the visit or of what was applied (trigger
   `site_visit` or `application`); the cycle then loops: once the partner responds to its
   questions after that reformulation it is at "exchange" again, until the next visit;
6. "application" otherwise after the visit: while it has open actions in its action plans, and
   also when it has none left, until a reformulation deepens its questions.

What needs attention (`Attention`), most urgent first: before a visit, the terms of reference
to validate (the visiting municipality) or to sign (the host) and the Must-have sub-questions
its programme leaves without an activity; then the overdue tasks and actions; then the tools
waiting for review or returned for changes; then the open sub-questions and an exchange quiet
for a month. Cards are ordered by those counts, level by level.

Partners talking without the consultant: per partnership, the held meetings recorded as held
by the partners themselves (`Meeting.without_consultant`) and the responses each side wrote to
the other's questions in the exchange (only a municipality's team writes its responses).

Who sees what: a consultant the municipalities of the partnerships they coach, the programme's
staff every municipality of their programmes (with the balance of political and technical
participants at its meetings and its attendance), a superuser everything. The querysets are
narrowed to those (programme, municipality) pairs, all of which these readers read in full.

The queries are as many whatever the size of the programme: the partnerships, the statuses of
every tool's sheets (one query), the delegations with their gaps (`with_gap_counts`), then one
grouped query each for the sub-questions, the exchange, the reformulations, the meetings, the
tasks, the actions and, for staff, the attendance; then the sheets of the cards a page shows
(`readable_sheets`).

The package: reads.py reads what every card needs, cards.py holds the cards, where each stands
and what needs attention, board.py builds a reader's dashboard from them.
"""

from .board import Dashboard, build, follows
from .cards import (
    Attention,
    Card,
    PartnerTalk,
    Position,
    ToolState,
    Upcoming,
    needs_attention,
    position,
)
from .reads import scope

__all__ = [
    "Attention",
    "Card",
    "Dashboard",
    "PartnerTalk",
    "Position",
    "ToolState",
    "Upcoming",
    "build",
    "follows",
    "needs_attention",
    "position",
    "scope",
]
