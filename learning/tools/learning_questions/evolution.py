"""The evolution of the questions: rows for the report (appendix 8.11 and Figure 4), and the
programme's supply of and demand for expertise. A municipality's timeline is timeline.py."""

import datetime
from dataclasses import dataclass, field
from typing import NamedTuple

from django.db.models import Count, F, Min, OuterRef, Q, Subquery, Window
from django.db.models.functions import Coalesce, RowNumber
from django.utils import timezone

from learning import sdg
from partnerships.models import LocalGovernment

from .application import applied_items
from .models import (
    EvolutionSummary,
    LearningQuestion,
    LearningQuestionTable,
    OwnerPlace,
    SdgTag,
)
from .models.lineage import ancestor_pks
from .models.questions import (
    HistoricalLearningQuestion,
    HistoricalLearningQuestionTable,
    in_language,
)

Status = LearningQuestion.Status


@dataclass
class EvolutionRow:
    """One municipality in the report's tables (appendix 8.11 and Figure 4): its questions as
    they stood at its baseline and as they stand now."""

    local_government: object
    summary: object
    baseline: object = None
    initial: list = field(default_factory=list)
    final: list = field(default_factory=list)
    # What was applied, from the registered sources (the action plans), after the summary.
    applied: list = field(default_factory=list)

    @property
    def application(self):
        return self.summary.localized_application_summary if self.summary else ""

    @property
    def starting_points(self):
        phrases = self.summary.starting_point_list if self.summary else []
        return phrases or [question.text for question in self.initial]

    @property
    def developments(self):
        phrases = self.summary.development_list if self.summary else []
        return phrases or [question.text for question in self.final]

    @property
    def applications(self):
        phrases = self.summary.application_list if self.summary else []
        return phrases or ([self.application] if self.application else [])


# Where a municipality without a summary comes in the rows.
NO_SUMMARY = 999


def row_order(summary, local_government):
    """Rows follow the summaries' order, then the municipalities' names."""
    return (summary.order if summary else NO_SUMMARY, local_government.name, local_government.pk)


def evolution_local_governments(programme, questions):
    """The pks of the municipalities that have a row in appendix 8.11, in the rows' order: the
    owners of the tables of `questions` in the programme (to page through before building the
    rows)."""
    tables = questions.filter(table__programme=programme).values("table")
    owners = LearningQuestionTable.owners.through.objects.filter(learningquestiontable__in=tables)
    summary_order = (
        EvolutionSummary.objects.filter(programme=programme, local_government=OuterRef("pk"))
        .order_by()
        .values("order")
    )
    rows = (
        LocalGovernment.objects.filter(pk__in=owners.values("localgovernment"))
        .annotate(row_order=Coalesce(Subquery(summary_order), NO_SUMMARY))
        .order_by()
        .values_list("row_order", "name", "pk")
    )
    return [pk for _order, _name, pk in sorted(rows)]


class RowQuestion(NamedTuple):
    """A question as a municipality's row shows it: in the reader's language, with the
    municipality's own addition and number; `added_on`: the date of a question the
    municipality took up after its baseline."""

    pk: int
    text: str
    order: int
    added_on: object = None


NO_MOMENT = datetime.datetime.min.replace(tzinfo=datetime.UTC)


@dataclass(frozen=True)
class Baseline:
    """When a municipality's initial questions are read: the moment its table was first shared
    (from the questions' history, to the minute), or the consultant's date (from the dates the
    wordings carry, which may be those of past events)."""

    date: object  # shown as "as of"
    moment: object = None  # the first sharing, when the baseline is that
    standing: frozenset = frozenset()  # the pks of the questions current at `moment`

    def stood(self, pk, changed, ended):
        if self.moment is not None:
            return pk in self.standing
        return changed <= self.date and (ended is None or ended > self.date)

    def later(self, changed, created):
        """Whether a wording was written after the baseline."""
        if self.moment is not None:
            return created > self.moment
        return changed > self.date


def first_shared(tables):
    """{table pk: when it was first shared} for the learning-question tables `tables`."""
    return dict(
        HistoricalLearningQuestionTable.objects.filter(
            id__in=tables, status__in=LearningQuestionTable.Status.shared_values()
        )
        .order_by()
        .values("id")
        .annotate(first=Min("history_date"))
        .values_list("id", "first")
    )


def baselines(tables_of, summaries):
    """{municipality pk: its Baseline} for {municipality pk: the pks of its tables}, in two
    queries whatever the number of municipalities."""
    shared_at = first_shared(set().union(*tables_of.values()))
    moments = {}
    for owner, tables in tables_of.items():
        summary = summaries.get(owner)
        if not (summary and summary.baseline):
            moments[owner] = min((shared_at[t] for t in tables if t in shared_at), default=None)
    # The history up to the latest of those moments, read even when there is none (then
    # nothing), so that the page costs the same queries whatever the baselines.
    latest = max((moment for moment in moments.values() if moment), default=NO_MOMENT)
    records = list(
        HistoricalLearningQuestion.objects.filter(
            table_id__in=set().union(*tables_of.values()), history_date__lte=latest
        )
        .order_by("history_date", "history_id")
        .values_list("id", "table_id", "status", "history_date")
    )
    result = {}
    for owner, tables in tables_of.items():
        summary = summaries.get(owner)
        if summary and summary.baseline:
            result[owner] = Baseline(summary.baseline)
            continue
        moment = moments[owner]
        if moment is None:
            result[owner] = None
            continue
        status_at = {
            pk: status for pk, table, status, when in records if table in tables and when <= moment
        }
        standing = frozenset(pk for pk, status in status_at.items() if status == Status.ACTIVE)
        result[owner] = Baseline(timezone.localdate(moment), moment, standing)
    return result


def evolution_rows(programme, questions, *, local_governments=None, user=None):
    """The rows of appendix 8.11 for a programme, from the history of `questions`.

    A municipality's initial questions are those of its tables that stood at its baseline
    (when its table was first shared, or the consultant's date); its final questions the
    current ones, joint ones included, each at its place in the municipality's own list and
    with its own addition. A question it took up later is not initial: it is final, with the
    date it was added. Rows follow the summaries' order, then the municipalities' names.
    Given `local_governments` (the pks of a page of them), only their rows; given `user`, each
    row lists what was applied that `user` may read (application.py), one query per source."""
    questions = questions.filter(table__programme=programme)
    summaries = EvolutionSummary.objects.filter(programme=programme).order_by()
    owners = LearningQuestionTable.owners.through.objects.select_related("localgovernment")
    if local_governments is not None:
        shown = set(local_governments)
        questions = questions.filter(
            table__in=LearningQuestionTable.objects.filter(owners__in=shown).values("pk")
        )
        summaries = summaries.filter(local_government__in=shown)
        owners = owners.filter(localgovernment__in=shown)
    wordings = list(
        questions.order_by("order", "pk").values_list(
            "pk",
            "text",
            "translations",
            "order",
            "status",
            "changed_date",
            "ended_date",
            "created_at",
            "table",
        )
    )
    owners_of, municipalities = {}, {}
    for owner in owners.filter(learningquestiontable__in={wording[-1] for wording in wordings}):
        owners_of.setdefault(owner.localgovernment_id, set()).add(owner.learningquestiontable_id)
        municipalities[owner.localgovernment_id] = owner.localgovernment
    summaries = {summary.local_government_id: summary for summary in summaries}
    baseline_of = baselines(owners_of, summaries)
    current = [wording[0] for wording in wordings if wording[4] == Status.ACTIVE]
    places = {
        (place.question_id, place.local_government_id): place
        for place in OwnerPlace.objects.filter(question__in=current)
    }
    earlier = ancestor_pks(LearningQuestion.replaces.through, current)
    rows = []
    for owner, tables in owners_of.items():
        baseline = baseline_of[owner]
        row = EvolutionRow(
            municipalities[owner], summaries.get(owner), baseline.date if baseline else None
        )
        rows.append(row)
        own = [wording for wording in wordings if wording[-1] in tables]
        own_pks = {wording[0] for wording in own}
        for pk, text, translations, order, status, changed, ended, created, _table in own:
            text = in_language(text, translations)
            if baseline and baseline.stood(pk, changed, ended):
                row.initial.append(RowQuestion(pk, text, order))
            if status != Status.ACTIVE:
                continue
            place = places.get((pk, owner))
            if place:
                order = place.order or order
                if place.addition:
                    text = f"{text} {place.localized_addition}"
            added = (
                baseline
                and baseline.later(changed, created)
                and not earlier.get(pk, set()) & own_pks
            )
            row.final.append(RowQuestion(pk, text, order, changed if added else None))
        row.final.sort(key=lambda question: question.order)
    applied = applied_items(programme, owners_of, user)
    for row in rows:
        row.applied = applied.get(row.local_government.pk, [])
    return sorted(rows, key=lambda row: row_order(row.summary, row.local_government))


def supply_and_demand(programme, questions):
    """The programme's demand for expertise against the supply: for each of `questions` (a
    page of them), who asks it, which partners offer expertise, the partnership's theme.

    `questions` should carry `response_count` and prefetch the owners and SDG tags."""
    questions = list(questions)
    owner_pks = {owner.pk for question in questions for owner in question.table.owners.all()}
    partnerships = list(
        programme.partnerships.filter(
            Q(north__in=owner_pks) | Q(south__in=owner_pks)
        ).select_related("theme", "north", "south")
    )
    rows = []
    for question in questions:
        owners = list(question.table.owners.all())
        theirs = [p for p in partnerships for owner in owners if owner in p.sides]
        offered_by = {p.partner_of(owner) for p in theirs for owner in owners if owner in p.sides}
        rows.append(
            {
                "question": question,
                "owners": owners,
                "offered_by": sorted(offered_by, key=str),
                "theme": next((p.theme for p in theirs if p.theme), None),
            }
        )
    return rows


# How many municipalities asking about a goal are named; the rest are a link away.
ASKING_NAMED = 3


def common_goals(questions):
    """For each SDG that `questions` are tagged with, in order: how many of them, the names of
    the first few municipalities asking about it (by name) and how many more do (the common
    themes of knowledge-network meetings)."""
    tags = SdgTag.objects.filter(question__in=questions.values("pk")).order_by()
    counts = tags.values_list("goal").annotate(
        count=Count("question", distinct=True),
        asking=Count("question__table__owners", distinct=True),
    )
    first_asking = (
        tags.values("goal", "question__table__owners", name=F("question__table__owners__name"))
        .annotate(questions=Count("question"))  # one row per goal and municipality
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=F("goal"),
                order_by=(F("name"), F("question__table__owners")),
            )
        )
        .filter(rank__lte=ASKING_NAMED)
        .values_list("goal", "name")
    )
    named = {}
    for goal, name in sorted(first_asking):
        named.setdefault(goal, []).append(name)
    return [
        {
            "goal": sdg.get_goal(goal),
            "count": count,
            "asking": named.get(goal, []),
            "more": asking - len(named.get(goal, [])),
        }
        for goal, count, asking in sorted(counts)
    ]
