"""The evolution of each municipality's learning cycle: its questions from the first wording
to the current one (the timeline of the question pages), the exchange with its partner, what
it applied and its internationalisation; then Figure 4, the short overview of them all."""

from django.db.models import Count, Max
from django.utils.translation import gettext_lazy as _

from learning.tools.learning_questions.models import LearningQuestionTable, Response
from learning.tools.learning_questions.timeline import question_families, read_wordings
from learning.tools.learning_questions.timeline_svg import draw_families
from learning.tools.registry import get_tool
from partnerships.models import Partnership

from .base import Part, Section, register


class LearningCycles(Section):
    slug = "learning-cycles"
    title = _("Evolution of the learning cycles")
    order = 40

    def context(self, report):
        rows = report.evolution_rows
        if not rows:
            return None
        presentations = {}
        for sheet in report.sheets(get_tool("presentation")):
            for owner in sheet.owners.all():
                presentations.setdefault(owner.pk, []).append(sheet)
        parts = []
        for row in rows:
            part = Part(f"learning-cycle-{row.local_government.pk}", str(row.local_government))
            part.data = {
                "row": row,
                "families": families_of(report, row.local_government, part),
                "exchange": exchange_of(report, row.local_government),
                "partnerships": partnerships_of(report, row.local_government),
                "presentations": presentations.get(row.local_government.pk, []),
            }
            parts.append(part)
        parts.append(
            Part(
                "figure-learning-cycles",
                _("Brief overview of the development of the learning cycles"),
                rows,
            )
        )
        return {"parts": parts}


def families_of(report, local_government, part):
    """The municipality's questions, grouped into families from the first wording to the
    current one, drawn (learning/tools/learning_questions/timeline.py). Each wording is noted
    in `report.drawn_wordings` with the drawing it is in, so that tool 5's appendix refers to
    that drawing instead of drawing its families again."""
    tables = LearningQuestionTable.objects.filter(
        programme=report.programme, owners=local_government
    )
    families = draw_families(read_wordings(question_families(report.questions, tables)))
    # A joint question's family is drawn under each of its owners: each drawing's anchor
    # names the municipality it is drawn for.
    for family in families:
        family.drawing.id = f"cycle-{local_government.pk}-{family.drawing.id}"
        drawn_in = report.reference(family.drawing.id, part)
        for node in family.nodes:
            report.drawn_wordings.setdefault(node.pk, drawn_in)
    return families


def exchange_of(report, local_government):
    """The responses to the municipality's questions that the requester may read: how many,
    from whom, and for each question answered, its count and the latest response."""
    responses = Response.objects.visible_to(report.user).filter(
        question__table__programme=report.programme, question__table__owners=local_government
    )
    by_question = list(
        responses.values("question")
        .annotate(count=Count("pk"), latest=Max("created_at"))
        .order_by("question__order", "question")
    )
    if not by_question:
        return None
    latest = {
        response.question_id: response
        for response in responses.select_related("question", "local_government").filter(
            created_at__in=[entry["latest"] for entry in by_question]
        )
    }
    questions = [
        {"response": latest[entry["question"]], "count": entry["count"]}
        for entry in by_question
        if entry["question"] in latest
    ]
    responders = responses.order_by().values_list("local_government__name", flat=True)
    return {
        "count": sum(entry["count"] for entry in by_question),
        "questions": questions,
        "responders": sorted(set(responders)),
    }


def partnerships_of(report, local_government):
    """The municipality's partnerships in the report, each with the partner and whether it
    became a town twinning."""
    return [
        {
            "partnership": partnership,
            "partner": partnership.partner_of(local_government),
            "twinning": partnership.status == Partnership.Status.TWINNING,
        }
        for partnership in report.partnerships
        if local_government.pk in (partnership.north_id, partnership.south_id)
    ]


register(LearningCycles())
