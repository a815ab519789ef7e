"""Writes of the site visits: planning a visit with its delegations, withdrawing a delegation,
setting a sub-question's priority from the visit's programme."""

import datetime

from django.db import transaction
from django.utils.translation import gettext_noop

from partnerships.models import Partnership

from .models.trips import Delegation, SiteVisit

PRIORITY_SET = gettext_noop("Priority set in the activities and learning questions table")


def plan_visit(*, programme, direction, start_date, end_date, partnerships, description=""):
    """A site visit of `programme` with a delegation for each of `partnerships`."""
    with transaction.atomic():
        visit = SiteVisit(
            programme=programme,
            direction=direction,
            start_date=start_date,
            end_date=end_date,
            description=description,
        )
        visit.full_clean()
        visit.save()
        for partnership in partnerships:
            Delegation.objects.create(visit=visit, partnership=partnership)
    return visit


def withdraw(delegation, *, date, reason, by=None):
    """The delegation will not travel (Lalo's in September 2024); it stays listed with why."""
    delegation.withdrawn_on = date
    delegation.withdrawal_reason = reason
    delegation._history_user = by
    delegation.save(update_fields=["withdrawn_on", "withdrawal_reason"])
    return delegation


def set_priority(subquestion, priority, *, by):
    """The sub-question's one priority, the same in tool 5 and tool 6."""
    subquestion.priority = priority
    subquestion._history_user = by
    subquestion._change_reason = PRIORITY_SET
    subquestion.save(update_fields=["priority"])
    return subquestion


def delegation_for_sample(owner, model):
    """A delegation of `owner` with no sheet of `model` (a site-visit tool): one of an existing
    visit (where `owner` visits, if there is one), or a new visit, on which `owner` visits, of
    a programme of one of its partnerships. For the tools' sample
    input (tests, the permission matrix, the benchmark's data)."""
    taken = model.objects.values("delegation")
    free = Delegation.objects.active().exclude(pk__in=taken).select_related("visit")
    delegation = free.filter(visitor=owner).first()
    if delegation is None and model.tool.owned_by_host:
        delegation = free.of_local_government(owner).first()
    if delegation is not None:
        return delegation
    partnership = Partnership.objects.of_local_government(owner).select_related("programme")
    partnership = partnership.order_by("pk").first()
    programme = partnership.programme
    start = max(programme.start_date, datetime.date(programme.start_date.year, 9, 23))
    if start > programme.end_date:
        start = programme.start_date
    south = partnership.south_id == owner.pk
    visit = SiteVisit.objects.create(
        programme=programme,
        direction=(
            SiteVisit.Direction.SOUTH_TO_NORTH if south else SiteVisit.Direction.NORTH_TO_SOUTH
        ),
        start_date=start,
        end_date=start + datetime.timedelta(days=4),
    )
    return Delegation.objects.create(visit=visit, partnership=partnership)


def start_journal(delegation, tool, user):
    """A learning journal (tool 8 or 9) of the delegation's visiting municipality: tool 8 with
    a row per activity of the visit's programme (tool 6), tool 9 with no objectives yet. The
    journal is the delegation's one (IntegrityError for a second)."""
    from learning.services import sheet_create

    return sheet_create(
        tool=tool,
        owner=delegation.visitor,
        programme=delegation.visit.programme,
        user=user,
        values={"delegation": delegation},
        rows=tool.starting_rows(delegation),
    )
