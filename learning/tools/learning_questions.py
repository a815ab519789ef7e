"""Tool 5, the learning-questions table ("Tableau de questions d'apprentissage").

The municipality requesting knowledge (or several, jointly) writes its learning questions, each
with ordered obstacles ("problems to be solved") and ordered sub-questions with a priority. The
partner municipality answers with text, links and attachments; the consultant keeps coaching
notes that only consultants and staff read. Questions are never overwritten: reformulating one
creates a new question that replaces the old, dropping one keeps it with a reason, so the
evolution from the first to the final wording (the report's appendix 8.11) comes from this
history.
"""

import uuid
from dataclasses import dataclass, field

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, URLValidator
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from learning import sdg
from learning.forms import RowForm
from partnerships.access import Access
from partnerships.models import LocalGovernment, Partnership, Programme

from .base import SheetRow, ToolSheet
from .registry import Inline, Step, Tool, register


class LearningQuestionTable(ToolSheet):
    """The table of one requesting municipality, or of several drawing it up jointly."""

    context = models.TextField(
        _("context"),
        blank=True,
        max_length=3000,
        help_text=_("Optional: where these questions come from, what you hope to learn."),
    )

    class Meta(ToolSheet.Meta):
        verbose_name = _("learning questions table")
        verbose_name_plural = _("learning questions tables")

    def partnerships(self):
        """The programme's partnerships of the owner municipalities."""
        owners = self.owners.all()
        return Partnership.objects.filter(programme=self.programme_id).filter(
            models.Q(north__in=owners) | models.Q(south__in=owners)
        )

    def partners(self):
        """The municipalities offering expertise: the other side of each owner's partnership."""
        partnerships = self.partnerships()
        return (
            LocalGovernment.objects.filter(
                models.Q(north_partnerships__in=partnerships)
                | models.Q(south_partnerships__in=partnerships)
            )
            .exclude(pk__in=self.owners.all())
            .distinct()
        )

    def current_questions(self):
        """The questions as they stand, in order, with their parts."""
        return self.questions.active().with_parts().order_by("order", "pk")

    def earlier_questions(self):
        """Reformulated and dropped wordings, oldest first, with what replaced them."""
        return (
            self.questions.exclude(status=LearningQuestion.Status.ACTIVE)
            .prefetch_related("replaced_by", "sdg_tags")
            .order_by("changed_date", "order", "pk")
        )


class LearningQuestionQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The questions of the tables the user reads. Partners and observers do not read the
        wordings set aside while the table was a draft: their history starts at its sharing."""
        access = Access.of(user)
        tables = LearningQuestionTable.objects.visible_to(user)
        visible = self.filter(table__in=tables.values("pk"))
        if access.superuser:
            return visible
        drafts_readable = LearningQuestionTable.objects.filter(access.full())
        shared_at = (
            LearningQuestionTable.history.filter(
                id=models.OuterRef("table_id"), status__in=ToolSheet.Status.shared_values()
            )
            .order_by("history_date")
            .values("history_date")[:1]
        )
        set_aside_at = (
            LearningQuestion.history.filter(id=models.OuterRef("pk"))
            .exclude(status=LearningQuestion.Status.ACTIVE)
            .order_by("history_date")
            .values("history_date")[:1]
        )
        return visible.annotate(
            table_shared_at=models.Subquery(shared_at),
            set_aside_at=models.Subquery(set_aside_at),
        ).filter(
            models.Q(table__in=drafts_readable.values("pk"))
            | models.Q(status=LearningQuestion.Status.ACTIVE)
            | models.Q(set_aside_at__gte=models.F("table_shared_at"))
        )

    def active(self):
        return self.filter(status=LearningQuestion.Status.ACTIVE)

    def owned_by(self, local_government):
        return self.filter(table__owners=local_government)

    def in_programme(self, programme):
        return self.filter(table__programme=programme)

    def in_knowledge_network(self, user):
        """Active questions of shared tables, in the programmes the user takes part in: every
        participating municipality reads them, whichever partnership they belong to."""
        shared = LearningQuestionTable.objects.filter(
            status__in=ToolSheet.Status.shared_values(),
            programme__in=Programme.objects.visible_to(user).values("pk"),
        )
        return self.active().filter(table__in=shared.values("pk"))

    def with_parts(self):
        return self.select_related("table__programme").prefetch_related(
            "table__owners", "sdg_tags", "obstacles", "subquestions"
        )


class LearningQuestion(SheetRow):
    """One wording of a learning question. A new wording is a new row that replaces the old."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("current")
        REPLACED = "replaced", _("reformulated")
        DROPPED = "dropped", _("dropped")

    class Trigger(models.TextChoices):
        BILATERAL_MEETING = "bilateral_meeting", _("a bilateral meeting")
        KNOWLEDGE_NETWORK = "knowledge_network", _("a knowledge-network meeting")
        SITE_VISIT = "site_visit", _("an eye-opener on a site visit")
        PARTNER_RESPONSE = "partner_response", _("the partner's response")
        COACHING = "coaching", _("coaching by the consultant")
        INTERNAL = "internal", _("internal discussion")
        OTHER = "other", _("something else")

    table = models.ForeignKey(
        LearningQuestionTable,
        on_delete=models.CASCADE,
        related_name="questions",
        verbose_name=_("learning questions table"),
    )
    order = models.PositiveSmallIntegerField(
        _("number"), default=1, validators=[MinValueValidator(1), MaxValueValidator(99)]
    )
    text = models.TextField(_("learning question"), max_length=1000)
    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.ACTIVE, editable=False
    )
    replaces = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="replaced_by",
        verbose_name=_("replaces"),
        help_text=_("The earlier wording or wordings this question replaces."),
    )
    changed_date = models.DateField(
        _("date of this wording"), default=timezone.localdate, editable=False
    )
    trigger = models.CharField(_("what led to it"), max_length=20, choices=Trigger, blank=True)
    trigger_note = models.CharField(_("details"), max_length=300, blank=True)
    ended_date = models.DateField(_("reformulated or dropped on"), null=True, editable=False)
    dropped_reason = models.TextField(_("why it was dropped"), blank=True, editable=False)
    # Bumped on each save of the question page, so two people editing it cannot overwrite
    # each other's obstacles and sub-questions unawares.
    revision = models.PositiveIntegerField(default=1, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)

    objects = LearningQuestionQuerySet.as_manager()

    class Meta(SheetRow.Meta):
        verbose_name = _("learning question")
        verbose_name_plural = _("learning questions")
        ordering = ["table", "order", "pk"]

    def __str__(self):
        return self.text

    def get_absolute_url(self):
        return reverse("learning:question_detail", kwargs={"pk": self.pk})

    @property
    def is_active(self):
        return self.status == self.Status.ACTIVE

    @property
    def tags(self):
        """Canonical SDG tags ("16", "16.7") in goal order."""
        return sorted((tag.tag for tag in self.sdg_tags.all()), key=sdg.tag_sort_key)

    @property
    def goals(self):
        """The goals this question is tagged with, each once, in order."""
        return [sdg.get_goal(number) for number in sorted({t.goal for t in self.sdg_tags.all()})]

    def set_tags(self, tags):
        """Replace the SDG tags with canonical ones (see learning.sdg.parse_tags)."""
        self.sdg_tags.all().delete()
        SdgTag.objects.bulk_create(
            SdgTag(question=self, goal=goal, target=target)
            for goal, target in (sdg.split_tag(tag) for tag in tags)
        )

    def owners(self):
        return self.table.owners.all()

    @property
    def sheet(self):
        """The sheet the question belongs to: its permissions are the table's."""
        return self.table

    def ancestors(self):
        """Every earlier wording this one grew from, oldest first."""
        seen, stack = {}, list(self.replaces.all())
        while stack:
            question = stack.pop()
            if question.pk not in seen:
                seen[question.pk] = question
                stack.extend(question.replaces.all())
        return sorted(seen.values(), key=lambda q: (q.changed_date, q.pk))

    def _refuse_unless_active(self):
        if not self.is_active:
            raise ValidationError(
                _("Only a current question can be reformulated or dropped."), code="not_active"
            )

    def reformulate(
        self, *, text, by, date, trigger="", trigger_note="", also_replaces=(), table=None
    ):
        """A new wording that replaces this question (and, for a merge, others).

        The old wordings stay, marked as reformulated; the new one takes over the number, the
        SDG tags, the obstacles and the sub-questions (with their priorities and answer status)
        of this question. Responses stay with the wording they answered."""
        replaced = [self, *[q for q in also_replaces if q.pk != self.pk]]
        for question in replaced:
            question._refuse_unless_active()
        with transaction.atomic():
            self._claim(replaced, status=self.Status.REPLACED, ended_date=date)
            new = LearningQuestion.objects.create(
                table=table or self.table,
                order=self.order,
                text=text,
                changed_date=date,
                trigger=trigger,
                trigger_note=trigger_note,
                created_by=by,
            )
            new.replaces.set(replaced)
            new.set_tags(self.tags)
            for obstacle in self.obstacles.all():
                Obstacle.objects.create(question=new, order=obstacle.order, text=obstacle.text)
            for subquestion in self.subquestions.all():
                SubQuestion.objects.create(
                    question=new,
                    order=subquestion.order,
                    text=subquestion.text,
                    priority=subquestion.priority,
                    answer_status=subquestion.answer_status,
                )
        return new

    @classmethod
    def _claim(cls, questions, **changes):
        """Change current questions, refusing if someone changed one of them meanwhile (two
        people reformulating the same question at once)."""
        claimed = cls.objects.filter(
            pk__in=[question.pk for question in questions], status=cls.Status.ACTIVE
        ).update(**changes)
        if claimed != len(questions):
            raise ValidationError(
                _("Someone reformulated or dropped this question meanwhile."), code="not_active"
            )
        for question in questions:
            for name, value in changes.items():
                setattr(question, name, value)
            question.save(update_fields=list(changes))  # a line in the history

    def drop(self, *, reason, date, by=None):
        """Set the question aside with a reason; its wording stays in the history."""
        self._refuse_unless_active()
        if not reason.strip():
            raise ValidationError(
                {"dropped_reason": _("Say why the question is dropped.")}, code="no_reason"
            )
        with transaction.atomic():
            self._claim([self], status=self.Status.DROPPED, dropped_reason=reason, ended_date=date)


class SdgTag(models.Model):
    """A learning question's link to a goal, or to one of its targets (16.7)."""

    question = models.ForeignKey(
        LearningQuestion, on_delete=models.CASCADE, related_name="sdg_tags"
    )
    goal = models.PositiveSmallIntegerField(
        _("SDG"), validators=[MinValueValidator(1), MaxValueValidator(17)]
    )
    target = models.CharField(_("target"), max_length=5, blank=True)

    class Meta:
        verbose_name = _("SDG tag")
        verbose_name_plural = _("SDG tags")
        ordering = ["question", "goal", "target"]
        constraints = [
            models.UniqueConstraint(
                fields=["question", "goal", "target"], name="sdgtag_unique_per_question"
            ),
            models.CheckConstraint(
                condition=models.Q(goal__gte=1, goal__lte=17), name="sdgtag_goal_range"
            ),
        ]

    def __str__(self):
        return self.tag

    @property
    def tag(self):
        return self.target or str(self.goal)

    @property
    def sdg_goal(self):
        return sdg.get_goal(self.goal)


class PartQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(question__in=LearningQuestion.objects.visible_to(user).values("pk"))


class Obstacle(models.Model):
    """An underlying problem to be solved ("Obstacles – problèmes à résoudre")."""

    question = models.ForeignKey(
        LearningQuestion,
        on_delete=models.CASCADE,
        related_name="obstacles",
        verbose_name=_("learning question"),
    )
    order = models.PositiveSmallIntegerField(_("number"), default=1)
    text = models.TextField(_("obstacle"), max_length=1000)

    objects = PartQuerySet.as_manager()

    class Meta:
        verbose_name = _("obstacle")
        verbose_name_plural = _("obstacles")
        ordering = ["question", "order", "pk"]

    def __str__(self):
        return self.text


class SubQuestion(models.Model):
    """A sub-question, with its priority for the site visit and how far it has been answered."""

    class Priority(models.TextChoices):
        MUST = "must", _("Must have: absolute priority")
        LIKE = "like", _("Like to have: important, but not a top priority now")
        NICE = "nice", _("Nice to have: useful, but not important now")

    class AnswerStatus(models.TextChoices):
        OPEN = "open", _("open")
        PARTLY = "partly", _("partly answered")
        ANSWERED = "answered", _("answered")

    question = models.ForeignKey(
        LearningQuestion,
        on_delete=models.CASCADE,
        related_name="subquestions",
        verbose_name=_("learning question"),
    )
    order = models.PositiveSmallIntegerField(_("number"), default=1)
    text = models.TextField(_("sub-question"), max_length=1000)
    priority = models.CharField(_("priority"), max_length=4, choices=Priority, blank=True)
    answer_status = models.CharField(
        _("answered?"), max_length=8, choices=AnswerStatus, default=AnswerStatus.OPEN
    )

    objects = PartQuerySet.as_manager()

    class Meta:
        verbose_name = _("sub-question")
        verbose_name_plural = _("sub-questions")
        ordering = ["question", "order", "pk"]

    def __str__(self):
        return self.text

    @property
    def priority_label(self):
        """The short name of the priority ("Must have")."""
        return PRIORITY_SHORT.get(self.priority, "")


PRIORITY_SHORT = {
    SubQuestion.Priority.MUST: _("Must have"),
    SubQuestion.Priority.LIKE: _("Like to have"),
    SubQuestion.Priority.NICE: _("Nice to have"),
}


def attachment_path(instance, filename):
    """A random name under private/: attachments are served by a view that checks access."""
    extension = ATTACHMENT_EXTENSIONS.get(instance.content_type, "bin")
    return f"private/learning/attachments/{uuid.uuid4().hex}.{extension}"


# Detected content type -> stored extension. What is accepted, and how it is recognised,
# lives in learning/forms_questions.py.
ATTACHMENT_EXTENSIONS = {
    "application/pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
    "application/vnd.oasis.opendocument.text": "odt",
    "image/jpeg": "jpg",
    "image/png": "png",
    "image/webp": "webp",
    "audio/mpeg": "mp3",
    "audio/mp4": "m4a",
    "audio/ogg": "ogg",
    "video/mp4": "mp4",
    "video/webm": "webm",
}


class ResponseQuerySet(PartQuerySet):
    """Responses are seen by whoever sees their question, like the question's parts."""


class Response(models.Model):
    """The partner municipality's answer to a learning question or to one of its sub-questions."""

    question = models.ForeignKey(
        LearningQuestion,
        on_delete=models.CASCADE,
        related_name="responses",
        verbose_name=_("learning question"),
    )
    subquestion = models.ForeignKey(
        SubQuestion,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="responses",
        verbose_name=_("about the sub-question"),
    )
    local_government = models.ForeignKey(
        LocalGovernment,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("answered by"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("written by"),
    )
    text = models.TextField(_("response"), max_length=10000, blank=True)
    links = models.TextField(
        _("links"), max_length=3000, blank=True, help_text=_("One web address per line.")
    )
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)
    # The key of the form the response was written in: posting it again finds this response.
    submission_key = models.UUIDField(null=True, blank=True, editable=False)

    objects = ResponseQuerySet.as_manager()

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["author", "submission_key"], name="one_response_per_submission"
            )
        ]

    def __str__(self):
        return f"{self.local_government}: {self.text[:40]}"

    @property
    def link_list(self):
        return [line.strip() for line in self.links.splitlines() if line.strip()]

    def clean(self):
        validate = URLValidator(schemes=["http", "https"])
        for link in self.link_list:
            try:
                validate(link)
            except ValidationError:
                raise ValidationError(
                    {"links": _("“%(link)s” is not a web address.") % {"link": link}}
                ) from None
        if self.subquestion_id and self.subquestion.question_id != self.question_id:
            raise ValidationError({"subquestion": _("Choose a sub-question of this question.")})


class Attachment(models.Model):
    """A document, photo, or short audio or video clip sent with a response."""

    class Kind(models.TextChoices):
        DOCUMENT = "document", _("document")
        IMAGE = "image", _("photo")
        AUDIO = "audio", _("audio clip")
        VIDEO = "video", _("video clip")

    response = models.ForeignKey(
        Response, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("response")
    )
    file = models.FileField(_("file"), upload_to=attachment_path, max_length=200)
    original_name = models.CharField(_("file name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField(_("size"))

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["response", "pk"]

    def __str__(self):
        return self.original_name

    def get_absolute_url(self):
        return reverse("learning:attachment_download", kwargs={"pk": self.pk})


class CoachingNoteQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Only the consultants of the owners' partnerships and programme staff."""
        access = Access.of(user)
        if access.superuser:
            return self.all()
        tables = LearningQuestionTable.objects.filter(access.coaching())
        return self.filter(question__table__in=tables.values("pk"))


class CoachingNote(models.Model):
    """The consultant's note on a question; the municipalities do not see it."""

    question = models.ForeignKey(
        LearningQuestion,
        on_delete=models.CASCADE,
        related_name="coaching_notes",
        verbose_name=_("learning question"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("written by"),
    )
    text = models.TextField(_("coaching note"), max_length=5000)
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)

    objects = CoachingNoteQuerySet.as_manager()

    class Meta:
        verbose_name = _("coaching note")
        verbose_name_plural = _("coaching notes")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.text[:40]


class EvolutionSummaryQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(
            programme__in=Programme.objects.visible_to(user).values("pk"),
            local_government__in=LocalGovernment.objects.visible_to(user).values("pk"),
        )


class EvolutionSummary(models.Model):
    """The consultant's short phrases for one municipality in the final report: Figure 4's
    starting point, development and application, and appendix 8.11's application text."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="+", verbose_name=_("programme")
    )
    local_government = models.ForeignKey(
        LocalGovernment,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("municipality"),
    )
    order = models.PositiveSmallIntegerField(
        _("row in the report"),
        default=0,
        help_text=_("Rows are listed from the lowest number; equal numbers by name."),
    )
    starting_points = models.TextField(
        _("starting point for learning questions"),
        blank=True,
        max_length=2000,
        help_text=_("Short phrases, one per line (Figure 4)."),
    )
    developments = models.TextField(
        _("development of learning questions"),
        blank=True,
        max_length=2000,
        help_text=_("Short phrases, one per line (Figure 4)."),
    )
    applications = models.TextField(
        _("concrete application of what has been learned"),
        blank=True,
        max_length=2000,
        help_text=_("Short phrases, one per line (Figure 4)."),
    )
    application_summary = models.TextField(
        _("application of what has been learned"),
        blank=True,
        max_length=5000,
        help_text=_(
            "The appendix's summary, for example “Temporarily suspended due to political "
            "decisions.”"
        ),
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = EvolutionSummaryQuerySet.as_manager()

    class Meta:
        verbose_name = _("evolution summary")
        verbose_name_plural = _("evolution summaries")
        ordering = ["programme", "order", "local_government__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "local_government"], name="evolutionsummary_unique"
            )
        ]

    def __str__(self):
        return f"{self.local_government} ({self.programme})"

    @staticmethod
    def lines(text):
        return [line.strip(" •-") for line in text.splitlines() if line.strip(" •-")]

    @property
    def starting_point_list(self):
        return self.lines(self.starting_points)

    @property
    def development_list(self):
        return self.lines(self.developments)

    @property
    def application_list(self):
        return self.lines(self.applications)


# The evolution of the questions: threads for a municipality's timeline, rows for the report.


@dataclass
class Thread:
    """One question from its first to its last wording (earlier wordings oldest first)."""

    wordings: list

    @property
    def last(self):
        return self.wordings[-1]

    @property
    def first(self):
        return self.wordings[0]


def evolution_threads(questions, *, readable=None):
    """A thread for each question that no later wording among `questions` replaces: the
    current questions, the dropped ones. Earlier wordings come from the whole history (so a
    joint question shows the questions of each owner it grew from), limited to `readable`."""
    questions = list(questions)
    pks = {question.pk for question in questions}
    replaced_here = set(
        LearningQuestion.replaces.through.objects.filter(from_learningquestion__in=pks).values_list(
            "to_learningquestion", flat=True
        )
    )
    ends = [question for question in questions if question.pk not in replaced_here]
    ends.sort(key=lambda q: (q.status != LearningQuestion.Status.ACTIVE, q.order, q.pk))
    threads = [Thread(wordings=[*end.ancestors(), end]) for end in ends]
    if readable is not None:
        every = {wording.pk for thread in threads for wording in thread.wordings}
        allowed = set(readable.filter(pk__in=every).values_list("pk", flat=True))
        for thread in threads:
            thread.wordings = [wording for wording in thread.wordings if wording.pk in allowed]
    return threads


@dataclass
class EvolutionRow:
    """One municipality in the report's tables (appendix 8.11 and Figure 4)."""

    local_government: object
    summary: object
    initial: list = field(default_factory=list)
    final: list = field(default_factory=list)

    @property
    def application(self):
        return self.summary.application_summary if self.summary else ""

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


def evolution_rows(programme, questions):
    """The rows of appendix 8.11 for a programme, from the history of `questions`: initial
    questions are the first wordings (those replacing nothing), final questions the current
    ones. A joint question appears under each of its owners. Rows follow the summaries'
    order, then the municipalities' names."""
    questions = list(
        questions.filter(table__programme=programme)
        .prefetch_related("table__owners", "replaces")
        .order_by("changed_date", "order", "pk")
    )
    summaries = {
        summary.local_government_id: summary
        for summary in EvolutionSummary.objects.filter(programme=programme)
    }
    rows = {}
    for question in questions:
        for owner in question.table.owners.all():
            row = rows.setdefault(owner.pk, EvolutionRow(owner, summaries.get(owner.pk)))
            if not question.replaces.all():
                row.initial.append(question)
            if question.is_active:
                row.final.append(question)
    for row in rows.values():
        row.final.sort(key=lambda q: (q.order, q.pk))
    return sorted(
        rows.values(),
        key=lambda row: (row.summary.order if row.summary else 999, row.local_government.name),
    )


def supply_and_demand(programme, questions):
    """The programme's demand for expertise against the supply: for each current question,
    who asks it, which partners offer expertise, the partnership's theme; and for each SDG,
    the municipalities asking about it (the common themes of knowledge-network meetings).

    `questions` should carry `response_count` and prefetch the owners and SDG tags."""
    partnerships = list(programme.partnerships.with_sides())
    rows, by_goal = [], {}
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
        for goal in question.goals:
            entry = by_goal.setdefault(goal.number, {"goal": goal, "asking": set(), "count": 0})
            entry["asking"].update(owners)
            entry["count"] += 1
    common = [
        {**entry, "asking": sorted(entry["asking"], key=str)}
        for _number, entry in sorted(by_goal.items())
    ]
    return rows, common


class LearningQuestionForm(RowForm):
    """A question in the table: its number, wording and SDG tags. Earlier wordings stay as
    they were: shown, but neither editable nor removable."""

    sdg_tags = forms.CharField(
        label=_("SDGs"),
        required=False,
        max_length=200,
        help_text=_("Goals or targets, for example: 8, 16.7"),
    )

    class Meta:
        model = LearningQuestion
        fields = ("order", "text")
        widgets = {
            "order": forms.NumberInput(attrs={"min": 1, "max": 99}),
            "text": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["sdg_tags"].initial = ", ".join(self.instance.tags)
            if not self.instance.is_active:
                for field in self.fields.values():
                    field.disabled = True

    def clean_sdg_tags(self):
        return sdg.parse_tags(self.cleaned_data["sdg_tags"])

    def clean(self):
        cleaned_data = super().clean()
        # A formset skips the errors of a row marked for deletion, so refuse by unticking.
        if self.instance.pk and cleaned_data.get("DELETE"):
            if not self.instance.is_active:
                cleaned_data["DELETE"] = False
                self.add_error(
                    None, _("An earlier wording stays in the history; it cannot be removed.")
                )
            elif self.instance.responses.exists():
                cleaned_data["DELETE"] = False
                self.add_error(
                    None,
                    _(
                        "The partner has answered this question, so it cannot be removed; "
                        "drop it instead, with a reason."
                    ),
                )
        return cleaned_data

    def _save_m2m(self):
        super()._save_m2m()
        if self.instance.is_active and "sdg_tags" in self.cleaned_data:
            self.instance.set_tags(self.cleaned_data["sdg_tags"])


class LearningQuestionsTool(Tool):
    number = 5
    slug = "learning-questions"
    title = _("Learning questions table")
    short_title = _("Learning questions")
    model = LearningQuestionTable
    step = Step.LEARNING_QUESTIONS
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
            extra=0,
            min_num=1,
        ),
    )

    def partial_context(self, sheet):
        """The questions with their parts, fetched once for the partial."""
        return {
            "current_questions": list(sheet.current_questions()),
            "earlier_questions": list(sheet.earlier_questions()),
        }

    def page_context(self, *, request, sheet, owner):
        """The partial's context, with only the earlier wordings this reader may see."""
        context = super().page_context(request=request, sheet=sheet, owner=owner)
        if context.get("earlier_questions"):
            earlier = context["earlier_questions"]
            readable = set(
                LearningQuestion.objects.visible_to(request.user)
                .filter(pk__in=[question.pk for question in earlier])
                .values_list("pk", flat=True)
            )
            context["earlier_questions"] = [q for q in earlier if q.pk in readable]
        return context

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
