"""The site visits: each visit with its dates and direction, its delegations in scope (their
members, or why they withdrew), the programme of each (tool 6: the activities of each day with
the visiting municipality's sub-questions they address) and its terms of reference (tool 7:
validated by whom and when, signed by whom and when). Only what the requester may read: the
delegations, the tools and the sub-questions through their `visible_to`."""

from django.db.models import Prefetch, Q
from django.utils import formats
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from learning.tools.learning_questions import SubQuestion
from visits.coverage import gap_label
from visits.models import Activity, ActivityTable, Delegation, TermsOfReference

from .base import Part, Section, register


class SiteVisits(Section):
    slug = "site-visits"
    title = _("Site visits")
    order = 45

    def context(self, report):
        delegations = delegations_of(report)
        if not delegations:
            return None
        pks = [delegation.pk for delegation in delegations]
        tables = {table.delegation_id: table for table in tables_of(report, pks)}
        terms = {
            each.delegation_id: each
            for each in TermsOfReference.objects.visible_to(report.user)
            .filter(delegation__in=pks)
            .select_related("validated_by", "signed_by")
        }
        visits = {}
        for delegation in delegations:
            visits.setdefault(delegation.visit, []).append(
                {
                    "delegation": delegation,
                    "days": programme_days(delegation.visit, tables.get(delegation.pk)),
                    "terms": terms.get(delegation.pk),
                }
            )
        parts = [
            Part(
                f"site-visit-{visit.pk}", visit_title(visit), {"visit": visit, "delegations": rows}
            )
            for visit, rows in visits.items()
        ]
        return {"parts": parts}


def delegations_of(report):
    """The delegations of the programme in the report's scope that the requester may read,
    oldest visit first, with their visit, sides and members."""
    pks = report.local_government_pks
    delegations = (
        Delegation.objects.visible_to(report.user)
        .filter(visit__programme=report.programme)
        .filter(Q(visitor__in=pks) | Q(host__in=pks))
    )
    if report.job.partnership_id:
        delegations = delegations.filter(partnership=report.job.partnership_id)
    return list(
        delegations.select_related("visit", "visitor", "host")
        .prefetch_related("members")
        .order_by("visit__start_date", "visit", "visitor__name", "pk")
    )


def tables_of(report, delegation_pks):
    """The activities tables of these delegations that the requester may read, with their
    activities and, of each, the sub-questions the requester may read."""
    subquestions = SubQuestion.objects.visible_to(report.user).select_related("question")
    activities = Activity.objects.order_by("date", "start", "pk").prefetch_related(
        Prefetch("subquestions", subquestions.order_by("question__order", "order", "pk"))
    )
    return (
        ActivityTable.objects.visible_to(report.user)
        .filter(delegation__in=delegation_pks)
        .prefetch_related(Prefetch("activities", activities))
    )


def programme_days(visit, table):
    """[{number, date, activities: [(activity, [sub-question labels])]}] for each day of the
    visit that has activities; empty without a table the requester may read."""
    if table is None:
        return []
    by_date = {}
    for activity in table.activities.all():
        labels = [gap_label(subquestion) for subquestion in activity.subquestions.all()]
        by_date.setdefault(activity.date, []).append((activity, labels))
    return [
        {"number": number, "date": date, "activities": by_date[date]}
        for number, date in enumerate(visit.days, start=1)
        if date in by_date
    ]


def visit_title(visit):
    """ "23 September 2024 to 27 September 2024: The South visits the North", in the report's
    language."""
    return gettext("%(start)s to %(end)s: %(direction)s") % {
        "start": formats.date_format(visit.start_date, "DATE_FORMAT"),
        "end": formats.date_format(visit.end_date, "DATE_FORMAT"),
        "direction": visit.get_direction_display(),
    }


register(SiteVisits())
