"""Tool 5 as the registry sees it: the table's fields and question rows, the partial's context
and the sample."""

from functools import partial

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from learning.tools.base import number_sheets
from learning.tools.registry import Inline, Step, Tool, register
from partnerships.models import LocalGovernment

from .forms import LearningQuestionForm
from .models import LearningQuestion, LearningQuestionTable, Obstacle, OwnerPlace, SubQuestion
from .timeline import question_families, read_wordings
from .timeline_svg import draw_families


class LearningQuestionsTool(Tool):
    number = 5
    slug = "learning-questions"
    title = _("Learning questions table")
    short_title = _("Learning questions")
    model = LearningQuestionTable
    step = Step.LEARNING_QUESTIONS
    # The earlier wordings, joint tables and evolutions the reader may open.
    partial_per_reader = True
    fields = ("context",)
    # A municipality's own table, and later a joint one (Laarne and Sint-Truiden).
    many_per_owner = True
    description = _(
        "The municipality requesting knowledge writes its learning questions, usually two, "
        "each with the obstacles (problems to be solved) and the sub-questions behind it. "
        "It is an iterative process: the sharper the obstacles, the sharper the "
        "sub-questions, the sharper the learning questions."
    )
    inlines = (
        Inline(
            LearningQuestion,
            fields=LearningQuestionForm.Meta.fields,
            form=LearningQuestionForm,
            prefetch=("sdg_tags",),
            extra=0,
            min_num=1,
        ),
    )
    part_histories = (
        (Obstacle, "question__table"),
        (SubQuestion, "question__table"),
        (OwnerPlace, "question__table"),
    )

    # The read page shows this many current questions at a time, and the latest earlier
    # wordings only: few enough to load quickly on a phone.
    questions_per_page = 10
    earlier_shown = 5

    def row_queryset(self, inline):
        """The edit page edits the current questions; the earlier wordings stay as they were,
        in the evolution timeline (reformulating and dropping are the question page's)."""
        return super().row_queryset(inline).active()

    def save_row(self, inline, row, values):
        """A current question keeps its SDG tags (earlier wordings stay as they were)."""
        if row.is_active and "sdg_tags" in values:
            row.set_tags(values["sdg_tags"])

    def partial_context(self, sheet):
        """The questions with their parts, fetched once for the partial."""
        return {
            "current_questions": list(sheet.current_questions()),
            "earlier_questions": list(sheet.earlier_questions()),
        }

    def page_context(self, *, request, sheet, owner, printed=False):
        """The partial's context, with only the earlier wordings this reader may see and links
        to the evolution of only the owners they may open. Each is fetched when the partial
        renders (the template calls it): the edit page does not. The read page shows the
        current questions a page at a time, the latest earlier wordings (the evolution timeline
        has them all) and the questions of the joint tables of the owners; print and PDF show
        the whole table, and how its questions evolved."""
        if sheet is None or sheet.pk is None:
            return {}
        user = request.user
        if printed:
            return self.printed_context(sheet, user=user)
        return {
            "current_questions": partial(self.current_questions_page, sheet, request),
            "earlier_questions": partial(self.latest_earlier_questions, sheet, user),
            "joint_tables": partial(self.joint_tables, sheet, user),
            "evolution_owners": partial(self.evolution_owners, sheet, user),
        }

    def printed_context(self, sheet, *, user):
        """The whole table, the earlier wordings `user` may read and how its questions
        evolved (the print view, the PDF and the final report)."""
        return {
            "current_questions": partial(self.current_questions, sheet),
            "earlier_questions": partial(self.readable_earlier_questions, sheet, user),
            "evolution": partial(self.evolved_families, sheet, user),
            "evolution_owners": partial(self.evolution_owners, sheet, user),
        }

    def evolution_owners(self, sheet, user):
        """The owners whose evolution timeline `user` may open (a partner of Laarne reading
        its joint table with Sint-Truiden may open Laarne's only), in one query."""
        owners = list(sheet.owners.all())
        readable = set(
            LocalGovernment.objects.visible_to(user)
            .filter(pk__in=[owner.pk for owner in owners])
            .values_list("pk", flat=True)
        )
        return [owner for owner in owners if owner.pk in readable]

    def joint_tables(self, sheet, user):
        """The programme's other tables that the owners draw up with other municipalities
        (Laarne's joint table with Sint-Truiden, on Laarne's own), among those `user` may read,
        each with a page of its current questions: `[{"table", "partners", "questions",
        "more"}]`, those with questions only. A few queries, however many tables."""
        mine = [owner.pk for owner in sheet.owners.all()]
        through = LearningQuestionTable.owners.through
        with_mine = through.objects.filter(localgovernment__in=mine).values("learningquestiontable")
        with_others = through.objects.exclude(localgovernment__in=mine).values(
            "learningquestiontable"
        )
        shown = self.questions_per_page
        questions = LearningQuestion.objects.visible_to(user).active().order_by("order", "pk")
        tables = list(
            LearningQuestionTable.objects.visible_to(user)
            .filter(programme=sheet.programme_id, pk__in=with_mine)
            .filter(pk__in=with_others)
            .exclude(pk=sheet.pk)
            .prefetch_related(
                "owners", Prefetch("questions", questions[: shown + 1], to_attr="joint_questions")
            )
            .order_by("pk")
        )
        tables = [table for table in tables if table.joint_questions]
        number_sheets(tables)
        return [
            {
                "table": table,
                "partners": ", ".join(
                    str(owner) for owner in table.owners.all() if owner.pk not in mine
                ),
                "questions": table.joint_questions[:shown],
                "more": len(table.joint_questions) > shown,
            }
            for table in tables
        ]

    def current_questions(self, sheet):
        return list(sheet.current_questions())

    def current_questions_page(self, sheet, request):
        """A page of the current questions: its `object_list` with their parts."""
        paginator = Paginator(sheet.current_questions(), self.questions_per_page)
        return paginator.get_page(request.GET.get("page"))

    def readable_earlier_questions(self, sheet, user):
        earlier = list(sheet.earlier_questions())
        if not earlier:
            return earlier
        readable = set(
            LearningQuestion.objects.visible_to(user)
            .filter(pk__in=[question.pk for question in earlier])
            .values_list("pk", flat=True)
        )
        return [question for question in earlier if question.pk in readable]

    def latest_earlier_questions(self, sheet, user):
        """The latest earlier wordings this reader may see, oldest first like the rest."""
        latest = (
            LearningQuestion.objects.visible_to(user)
            .filter(table=sheet)
            .exclude(status=LearningQuestion.Status.ACTIVE)
            .prefetch_related("replaced_by")
            .order_by("-changed_date", "-order", "-pk")[: self.earlier_shown]
        )
        return list(reversed(latest))

    def evolved_families(self, sheet, user):
        """The families of the table's wordings that this reader may see, drawn (see
        timeline.py), but for questions never reworded: their wording is in the table."""
        readable = LearningQuestion.objects.visible_to(user)
        tables = LearningQuestionTable.objects.filter(pk=sheet.pk)
        families = [
            family for family in question_families(readable, tables) if len(family.nodes) > 1
        ]
        return draw_families(read_wordings(families))

    def sample(self, owner):
        """Valid input for a new table (see the registry)."""
        return {
            "context": "Our advisory councils have lost much of their dynamism.",
            "questions": [
                {
                    "order": 1,
                    "text": "How can we make citizen participation in councils more meaningful?",
                    "sdg_tags": "16.7",
                },
                {
                    "order": 2,
                    "text": "How can we strengthen the local marketing of local products?",
                    "sdg_tags": "8, 12",
                },
            ],
        }


TOOL = register(LearningQuestionsTool())
