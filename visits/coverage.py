"""Which of the visiting municipality's sub-questions a site visit's programme addresses, and
the gaps: Must-have sub-questions that no activity addresses (tool 6's purpose 3, "highlight any
gaps in the site visit programme")."""

from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Prefetch, Subquery, Value
from django.db.models.functions import Coalesce

from learning.tools.learning_questions import (
    LearningQuestion,
    LearningQuestionTable,
    SubQuestion,
)


def current_questions(delegation):
    """The visiting municipality's current learning questions in the visit's programme, joint
    tables included, from the tables it has shared: both sides read the site-visit tools, and
    the host does not read its partner's drafts."""
    return LearningQuestion.objects.active().filter(
        table__owners=delegation.visitor_id,
        table__programme=delegation.visit.programme_id,
        table__status__in=LearningQuestionTable.workflow.shared,
    )


def current_subquestions(delegation):
    """The sub-questions of `current_questions`, in order."""
    return (
        SubQuestion.objects.filter(question__in=current_questions(delegation))
        .select_related("question")
        .order_by("question__table", "question__order", "question__pk", "order", "pk")
    )


@dataclass
class Covered:
    subquestion: object
    activities: list = field(default_factory=list)

    @property
    def is_gap(self):
        return self.subquestion.priority == SubQuestion.Priority.MUST and not self.activities


@dataclass
class Coverage:
    # [(learning question, [Covered, ...]), ...] in order
    questions: list

    @property
    def gaps(self):
        return [
            covered.subquestion
            for _question, rows in self.questions
            for covered in rows
            if covered.is_gap
        ]

    @property
    def uncovered(self):
        """Sub-questions of any priority that no activity addresses."""
        return [
            covered.subquestion
            for _question, rows in self.questions
            for covered in rows
            if not covered.activities
        ]


def coverage(delegation, *, activities=None):
    """Each current sub-question of the visiting municipality with the activities of the
    delegation's programme (tool 6) that address it. `activities`: the programme's activities
    with their sub-questions prefetched, when the caller has them already."""
    if activities is None:
        table = getattr(delegation, "activitytable", None) if delegation.pk else None
        activities = (
            list(
                table.activities.prefetch_related(
                    Prefetch("subquestions", SubQuestion.objects.only("pk", "question_id"))
                )
            )
            if table is not None
            else []
        )
    by_subquestion = {}
    for activity in activities:
        for subquestion in activity.subquestions.all():
            by_subquestion.setdefault(subquestion.pk, []).append(activity)
    questions = {}
    for subquestion in current_subquestions(delegation):
        rows = questions.setdefault(subquestion.question, [])
        rows.append(Covered(subquestion, by_subquestion.get(subquestion.pk, [])))
    return Coverage(list(questions.items()))


def gap_label(subquestion):
    """ "1.2 Which ...?": the sub-question with its question's and its own number."""
    return f"{subquestion.question.order}.{subquestion.order} {subquestion.text}"


def with_gap_counts(delegations):
    """`delegations` (a queryset) annotated with `gap_count`, the number of their Must-have
    gaps as `coverage(delegation).gaps` counts them, in the same query: the home and the visit
    pages list many delegations without reading each one's questions."""
    activity = SubQuestion._meta.get_field("visit_activities").related_model
    addressed = activity.objects.filter(
        sheet__delegation=OuterRef(OuterRef("pk")), subquestions=OuterRef("pk")
    )
    gaps = (
        SubQuestion.objects.filter(
            priority=SubQuestion.Priority.MUST,
            question__status=LearningQuestion.Status.ACTIVE,
            question__table__owners=OuterRef("visitor"),
            question__table__programme=OuterRef("visit__programme"),
            question__table__status__in=LearningQuestionTable.workflow.shared,
        )
        .filter(~Exists(addressed))
        .order_by()
        .values("priority")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return delegations.annotate(gap_count=Coalesce(Subquery(gaps), Value(0)))
