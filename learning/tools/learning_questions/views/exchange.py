"""The exchange around learning questions: the partner's responses and their attachments, the
answer status of sub-questions, the consultant's coaching notes, and the pages that put the
questions side by side (a partnership's mirror, the programme's supply and demand, the
knowledge network)."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import (
    Count,
    F,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Window,
    prefetch_related_objects,
)
from django.db.models.functions import Coalesce, RowNumber
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import CreateView, DetailView
from rules.contrib.views import PermissionRequiredMixin, permission_required

from learning import files, notifications, sdg, services
from partnerships import freshness
from partnerships.access import Access
from partnerships.models import Membership, Partnership, Programme

from ..evolution import common_goals, supply_and_demand
from ..forms import (
    CoachingNoteForm,
    KnowledgeNetworkFilterForm,
    ResponseForm,
    SubQuestionStatusForm,
)
from ..models import (
    Attachment,
    LearningQuestion,
    LearningQuestionTable,
    Response,
    SdgTag,
    SubQuestion,
)
from .questions import DRAFT_SAVED, QuestionMixin, detail_context


# Prefetches of questions' SDG tags and sub-questions, each in order within its question:
# the models' default order goes through the question and its table, two joins.
def sdg_tags_in_order():
    return Prefetch("sdg_tags", SdgTag.objects.order_by("goal", "target"))


def subquestions_in_order():
    return Prefetch("subquestions", SubQuestion.objects.order_by("order", "pk"))


def visible_question(request, pk):
    """The question of the URL if the user may see it; 404 otherwise."""
    return get_object_or_404(LearningQuestion.objects.visible_to(request.user), pk=pk)


def visible_subquestion(request, pk):
    return get_object_or_404(
        SubQuestion.objects.visible_to(request.user).select_related("question"), pk=pk
    )


class ResponseCreateView(QuestionMixin, PermissionRequiredMixin, CreateView):
    """The partner municipality answers the question or one of its sub-questions."""

    permission_required = "learning.respond_learningquestion"
    form_class = ResponseForm
    template_name = "learning/exchange/response_form.html"

    def get_form_kwargs(self):
        kwargs = {**super().get_form_kwargs(), "question": self.get_object()}
        if self.request.method == "GET" and "subquestion" in self.request.GET:
            kwargs["initial"] = {"subquestion": self.request.GET["subquestion"]}
        return kwargs

    def get_context_data(self, **kwargs):
        return super().get_context_data(question=self.get_object(), **kwargs)

    def form_valid(self, form):
        question, user = self.get_object(), self.request.user
        partners = question.table.partners()
        own = partners.filter(memberships__user=user).first()
        form.instance.local_government = own or partners.first()
        form.instance.author = user

        def create(key):
            form.instance.submission_key = key
            form.save()
            form.save_attachments()
            notifications.question_answered(form.instance)
            return form.instance

        response = services.submitted_once(
            Response,
            user=user,
            key=form.cleaned_data["submission_key"],
            content={name: form.cleaned_data[name] for name in ("text", "links")},
            create=create,
        )
        self.request.session[DRAFT_SAVED] = f"response-{question.pk}"
        messages.success(self.request, _("Your response is saved."))
        return redirect(f"{question.get_absolute_url()}#response-{response.pk}")


def attachment_download(request, pk):
    """An attachment, for those who may read its question. Photos and clips play inline and
    answer byte ranges, which phones ask for to play audio and video; the file is streamed."""
    attachment = get_object_or_404(
        Attachment.objects.filter(response__in=Response.objects.visible_to(request.user)),
        pk=pk,
    )
    try:
        size = attachment.file.size
    except FileNotFoundError:
        raise Http404 from None
    try:
        requested = files.byte_range(request.headers.get("Range"), size)
    except ValueError:
        return HttpResponse(status=416, headers={"Content-Range": f"bytes */{size}"})
    start, end = requested or (0, size - 1)
    response = StreamingHttpResponse(
        files.stream(attachment.file, start, end),
        status=206 if requested else 200,
        content_type=attachment.content_type,
    )
    response["Content-Length"] = str(max(end - start + 1, 0))
    if requested:
        response["Content-Range"] = f"bytes {start}-{end}/{size}"
    response["Accept-Ranges"] = "bytes"
    response["Content-Disposition"] = content_disposition_header(
        attachment.kind == Attachment.Kind.DOCUMENT, attachment.original_name
    )
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, max-age=3600"
    return response


@require_POST
@permission_required(
    "learning.change_learningquestion",
    fn=lambda request, pk: visible_subquestion(request, pk).question,
    raise_exception=True,
)
def subquestion_status(request, pk):
    """The requesting municipality marks a sub-question open, partly answered or answered."""
    subquestion = visible_subquestion(request, pk)
    form = SubQuestionStatusForm(request.POST, instance=subquestion)
    if form.is_valid():
        form.save()
        messages.success(
            request,
            _("Sub-question %(number)s: %(status)s.")
            % {"number": subquestion.order, "status": subquestion.get_answer_status_display()},
        )
    else:
        messages.error(request, _("Choose open, partly answered or answered."))
    return redirect(f"{subquestion.question.get_absolute_url()}#subquestion-{subquestion.pk}")


@require_POST
@permission_required("learning.add_coachingnote", fn=visible_question, raise_exception=True)
def coachingnote_create(request, pk):
    question = visible_question(request, pk)
    form = CoachingNoteForm(request.POST)
    if not form.is_valid():
        context = detail_context(request, question, note_form=form)
        return render(request, "learning/questions/question_detail.html", context)
    form.instance.question = question
    form.instance.author = request.user
    form.save()
    request.session[DRAFT_SAVED] = f"coaching-note-{question.pk}"
    messages.success(request, _("Your coaching note is saved; only consultants and staff see it."))
    return redirect(f"{question.get_absolute_url()}#coaching-notes")


class PartnershipExchangeView(DetailView):
    """The two sides as mirrors: what each municipality asks and what its partner offers, a
    page of questions at a time on each side (`?north_page=`, `?south_page=`)."""

    template_name = "learning/exchange/partnership_exchange.html"
    context_object_name = "partnership"
    paginate_by = 10

    def get_queryset(self):
        return Partnership.objects.visible_to(self.request.user).select_related(
            "programme", "north", "south"
        )

    def get_context_data(self, **kwargs):
        # Read when the sides show: not while the reader's rendered page is kept (`{% kept %}`
        # in the template), until the data changes.
        return super().get_context_data(**freshness.lazily(self.sides, ("sides",)), **kwargs)

    def sides(self):
        partnership = self.object
        sides = {"north": partnership.north, "south": partnership.south}
        questions = (
            LearningQuestion.objects.visible_to(self.request.user)
            .active()
            .in_programme(partnership.programme)
        )
        # Both sides' numbers of questions in one query (a side's table owners hold it once).
        counts = questions.aggregate(
            **{name: Count("pk", filter=Q(table__owners=side)) for name, side in sides.items()}
        )
        pages, shown_on = {}, Q()
        for name, side in sides.items():
            paginator = Paginator(questions.owned_by(side), self.paginate_by)
            paginator.count = counts[name]  # known: no count query
            pages[name] = page = paginator.get_page(self.request.GET.get(f"{name}_page"))
            start = (page.number - 1) * self.paginate_by
            shown_on |= Q(owner_pk=side.pk, position__range=(start + 1, start + self.paginate_by))
        # Both sides' pages in one query: each question's place among its owner's questions,
        # in the questions' own order (the table's latest change first).
        shown = list(
            questions.alias(owner=F("table__owners"))
            .filter(owner__in=[side.pk for side in sides.values()])
            .annotate(
                owner_pk=F("owner"),
                position=Window(
                    RowNumber(),
                    partition_by=F("owner"),
                    order_by=["-table__updated_at", "order", "pk"],
                ),
            )
            .filter(shown_on)
            .order_by("position")
        )
        for name, side in sides.items():
            pages[name].object_list = [
                question for question in shown if question.owner_pk == side.pk
            ]
        # One query for each kind of part, for both sides' questions.
        prefetch_related_objects(shown, sdg_tags_in_order(), subquestions_in_order())
        offered = Response.objects.filter(
            question__in=shown, local_government__in=sides.values()
        ).select_related("subquestion")
        by_question = {}
        for response in offered:
            by_question.setdefault((response.question_id, response.local_government_id), []).append(
                response
            )
        context = []
        for name, side in sides.items():
            partner = partnership.partner_of(side)
            page = pages[name]
            for question in page.object_list:
                question.offered = by_question.get((question.pk, partner.pk), [])
            context.append(
                {
                    "local_government": side,
                    "partner": partner,
                    "questions": page.object_list,
                    "page_obj": page,
                    "page_param": f"{name}_page",
                    "anchor": f"side-{side.pk}",
                }
            )
        return {"sides": context}


class SupplyDemandView(PermissionRequiredMixin, DetailView):
    """The programme's demand for expertise (the questions asked, a page at a time) against the
    supply (the partners who answer), and the goals several municipalities share."""

    permission_required = "learning.view_programme_exchange"
    template_name = "learning/exchange/supply_demand.html"
    context_object_name = "programme"
    paginate_by = 10

    def get_queryset(self):
        return Programme.objects.visible_to(self.request.user)

    def get_object(self, queryset=None):
        if not hasattr(self, "_programme"):  # once for the permission, once for the page
            self._programme = super().get_object(queryset)
        return self._programme

    def get_context_data(self, **kwargs):
        # Read when the tables show: not while the reader's rendered page is kept (`{% kept %}`
        # in the template), until the data changes.
        names = ("page_obj", "rows", "common")
        return super().get_context_data(**freshness.lazily(self.tables, names), **kwargs)

    def tables(self):
        programme = self.object
        current = (
            LearningQuestion.objects.visible_to(self.request.user).active().in_programme(programme)
        )
        # A subquery, not a join: the page's count leaves it out.
        responses = Response.objects.filter(question=OuterRef("pk")).order_by().values("question")
        questions = (
            current.select_related("table")
            .prefetch_related("table__owners", sdg_tags_in_order())
            .annotate(
                response_count=Coalesce(Subquery(responses.annotate(n=Count("pk")).values("n")), 0)
            )
            .order_by("table__pk", "order", "pk")
        )
        page = Paginator(questions, self.paginate_by).get_page(self.request.GET.get("page"))
        return {
            "page_obj": page,
            "rows": supply_and_demand(programme, page.object_list),
            "common": common_goals(current),
        }


class KnowledgeNetworkView(DetailView):
    """Every current question of the programme, readable by all participating
    municipalities, to find common questions for knowledge-network meetings; a page at a
    time, narrowed by theme or goal."""

    template_name = "learning/exchange/knowledge_network.html"
    context_object_name = "programme"
    paginate_by = 10

    def get_queryset(self):
        return Programme.objects.visible_to(self.request.user)

    def get_context_data(self, **kwargs):
        # Read when the questions show: not while the reader's rendered page is kept
        # (`{% kept %}` in the template), until the data changes.
        names = ("form", "page_obj", "questions", "readable", "own", "goals")
        return super().get_context_data(**freshness.lazily(self.questions, names), **kwargs)

    def questions(self):
        programme, user = self.object, self.request.user
        form = KnowledgeNetworkFilterForm(self.request.GET or None, programme=programme)
        questions = LearningQuestion.objects.in_knowledge_network(user).in_programme(programme)
        if form.is_valid():
            # Subqueries, not joins: a question of two owners or tags stays one row.
            if theme := form.cleaned_data["theme"]:
                themed = programme.partnerships.filter(theme=theme)
                tables = LearningQuestionTable.objects.filter(
                    Q(owners__in=themed.values("north")) | Q(owners__in=themed.values("south"))
                )
                questions = questions.filter(table__in=tables.values("pk"))
            if goal := form.cleaned_data["sdg"]:
                questions = questions.filter(
                    pk__in=SdgTag.objects.filter(goal=goal).values("question")
                )
        questions = (
            questions.select_related("table")
            .prefetch_related("table__owners", sdg_tags_in_order(), subquestions_in_order())
            .order_by("table__pk", "order", "pk")
        )
        page = Paginator(questions, self.paginate_by).get_page(self.request.GET.get("page"))
        return {
            "form": form,
            "page_obj": page,
            "questions": page.object_list,
            "readable": readable_in_hand(user, page.object_list),
            "own": own_local_governments(user),
            "goals": sdg.goals(),
        }


def readable_in_hand(user, questions):
    """The pks of the current `questions` (with their table's owners prefetched) that
    `LearningQuestion.objects.visible_to(user)` lets through, decided from the user's access
    without a query (tests/permissions/test_access_in_hand.py)."""
    access = Access.of(user)
    shared = LearningQuestionTable.workflow.shared
    return {
        question.pk
        for question in questions
        if question.is_active
        and access.reads(
            programme=question.table.programme_id,
            owners={owner.pk for owner in question.table.owners.all()},
            shared=question.table.status in shared,
        )
    }


def own_local_governments(user):
    """The pks of the user's municipalities, as the access read them."""
    if user.is_superuser:  # whose access is not read
        return set(Membership.objects.filter(user=user).values_list("local_government", flat=True))
    return Access.of(user).member_of
