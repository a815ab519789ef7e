"""Learning and applying: per municipality in scope, the progress charts of its learning
journals per objective (tool 9, drawn by `visits.charts.progress_chart`) and its action plans
(tool 10) with each action's status, since when and why, the questions it applies and its latest
progress notes. The visiting municipality owns these tools; only what the requester may read:
the sheets, the sub-questions and the questions through their `visible_to`."""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from learning.tools.learning_questions import LearningQuestion, SubQuestion
from visits.application import plan_context
from visits.journals import journal_context
from visits.models import Action, ActionNote, ActionPlan, Delegation, JournalByObjective

from .base import Part, Section, register

# The progress notes shown for each action, latest first.
LATEST_NOTES = 2


class Application(Section):
    slug = "journals-and-action-plans"
    title = _("Learning journals and action plans")
    order = 47

    def context(self, report):
        delegations = delegations_of(report)
        if not delegations:
            return None
        journals = (
            JournalByObjective.objects.visible_to(report.user)
            .filter(delegation__in=delegations)
            .select_related("delegation__visit", "delegation__visitor", "delegation__host")
            .order_by("delegation__visit__start_date", "pk")
        )
        plans = (
            ActionPlan.objects.visible_to(report.user)
            .filter(delegation__in=delegations)
            .select_related(
                "delegation__visit", "delegation__visitor", "delegation__host",
                "delegation__partnership",
            )
            .prefetch_related(Prefetch("actions", actions_of(report)))
            .order_by("delegation__visit__start_date", "pk")
        )  # fmt: skip
        by_municipality = {}
        for journal in journals:
            context = journal_context(journal)
            # The context has the journal's chart (visits.charts.progress_chart), drawn here
            # only: tool 9's appendix refers to it (`report.drawn_charts`).
            entry = {"journal": journal, **context}
            by_municipality.setdefault(journal.delegation.visitor, {"journals": [], "plans": []})
            by_municipality[journal.delegation.visitor]["journals"].append(entry)
        for plan in plans:
            entry = {"plan": plan, **plan_summary(plan)}
            by_municipality.setdefault(plan.delegation.visitor, {"journals": [], "plans": []})
            by_municipality[plan.delegation.visitor]["plans"].append(entry)
        if not by_municipality:
            return None
        parts = [
            Part(f"application-{municipality.pk}", str(municipality), data)
            for municipality, data in sorted(by_municipality.items(), key=lambda i: i[0].name)
        ]
        # Tool 9's appendix refers to these charts instead of drawing them again.
        for part in parts:
            for entry in part.data["journals"]:
                anchor = f"journal-{entry['journal'].pk}-chart"
                report.drawn_charts[entry["journal"].pk] = report.reference(anchor, part)
        return {"parts": parts}


def delegations_of(report):
    """The active delegations of the programme whose visiting municipality is in scope, of the
    report's partnership if it has one, that the requester may read."""
    delegations = (
        Delegation.objects.visible_to(report.user)
        .active()
        .filter(visit__programme=report.programme, visitor__in=report.local_government_pks)
    )
    if report.job.partnership_id:
        delegations = delegations.filter(partnership=report.job.partnership_id)
    return list(delegations.values_list("pk", flat=True))


def actions_of(report):
    """The actions, with the questions and sub-questions they apply that the requester may read
    and their notes, latest first."""
    subquestions = SubQuestion.objects.visible_to(report.user).select_related("question")
    questions = LearningQuestion.objects.visible_to(report.user)
    return Action.objects.order_by("pk").prefetch_related(
        Prefetch("subquestions", subquestions.order_by("question__order", "order", "pk")),
        Prefetch("questions", questions.order_by("table", "order", "pk")),
        Prefetch("notes", ActionNote.objects.order_by("-date", "-pk")),
    )


def plan_summary(plan):
    """What the plan commits of the experiment fund, and each action with its latest notes."""
    context = plan_context(plan)
    actions = list(plan.actions.all())
    for action in actions:
        action.latest_notes = list(action.notes.all())[:LATEST_NOTES]
    return {"actions": actions, "committed": context["committed"], "fund": context["fund"]}


register(Application())
