"""The table, its questions (each wording a row) with their SDG tags, obstacles and
sub-questions."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models.expressions import RawSQL
from django.db.models.lookups import GreaterThanOrEqual
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from learning import sdg
from learning.locking import Versioned
from learning.tools.base import SheetRow, ToolSheet
from partnerships.access import Access
from partnerships.models import LocalGovernment, Partnership, Programme

from .lineage import lineage_sql


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
        """The questions as they stand, in order, with their parts. Each question's table is
        this sheet, known without a join; each part is ordered within its question, without
        joining the question and its table for the parts' default ordering."""
        in_order = ("order", "pk")
        return (
            self.questions.active()
            .prefetch_related(
                models.Prefetch("sdg_tags", SdgTag.objects.order_by("goal", "target")),
                models.Prefetch("obstacles", Obstacle.objects.order_by(*in_order)),
                models.Prefetch("subquestions", SubQuestion.objects.order_by(*in_order)),
            )
            .order_by(*in_order)
        )

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
        wordings set aside while the table was a draft: their history starts at its sharing.
        Only the tables they read once shared need the history, and only for wordings set
        aside."""
        access = Access.of(user)
        if access.superuser:
            return self.all()
        tables = LearningQuestionTable.objects
        readable = models.Q(table__in=tables.filter(access.full()).values("pk"))
        if access.partnered or access.observed:
            shared = tables.filter(
                models.Q(status__in=LearningQuestionTable.workflow.shared) & access.shared()
            )
            readable |= models.Q(table__in=shared.values("pk")) & (
                models.Q(status=LearningQuestion.Status.ACTIVE) | set_aside_after_sharing()
            )
        return self.filter(readable)

    def active(self):
        return self.filter(status=LearningQuestion.Status.ACTIVE)

    def earlier_than(self, *questions):
        """The earlier wordings the questions grew from, however many steps back, in one
        query."""
        pks = [question.pk for question in questions]
        if not pks:
            return self.none()
        through = LearningQuestion.replaces.through
        return self.filter(pk__in=RawSQL(*lineage_sql(through, pks, columns="ancestor")))

    def lineage(self, pk):
        """The question `pk` with the earlier wordings it grew from and those that replaced
        it, in one query, oldest first; `is_later` marks the replacing ones."""
        through = LearningQuestion.replaces.through
        later = through.objects.filter(to_learningquestion=pk).values("from_learningquestion")
        earlier = RawSQL(*lineage_sql(through, [pk], columns="ancestor"))
        return (
            self.filter(models.Q(pk=pk) | models.Q(pk__in=earlier) | models.Q(pk__in=later))
            .annotate(
                is_later=models.ExpressionWrapper(
                    models.Q(pk__in=later), output_field=models.BooleanField()
                )
            )
            .order_by("changed_date", "pk")
        )

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


def set_aside_after_sharing():
    """Q for the wordings first set aside once their table had been shared. (The historical
    models' own managers: each read of `Model.history` builds a manager class.)"""
    shared_at = (
        HistoricalLearningQuestionTable.objects.filter(
            id=models.OuterRef("table_id"), status__in=ToolSheet.Status.shared_values()
        )
        .order_by("history_date")
        .values("history_date")[:1]
    )
    set_aside_at = (
        HistoricalLearningQuestion.objects.filter(id=models.OuterRef("pk"))
        .exclude(status=LearningQuestion.Status.ACTIVE)
        .order_by("history_date")
        .values("history_date")[:1]
    )
    return models.Q(GreaterThanOrEqual(models.Subquery(set_aside_at), models.Subquery(shared_at)))


class LearningQuestion(Versioned, SheetRow):
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
        APPLICATION = "application", _("what was applied of an action plan")
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
    translations = models.JSONField(
        _("translations"),
        default=dict,
        blank=True,
        help_text=_("The wording in other languages, by language code."),
    )
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
        return list(LearningQuestion.objects.earlier_than(self).order_by("changed_date", "pk"))

    @property
    def localized_text(self):
        """The wording in the reader's language when it has been translated, else as written."""
        return in_language(self.text, self.translations)

    def _refuse_unless_active(self):
        if not self.is_active:
            raise ValidationError(
                _("Only a current question can be reformulated or dropped."), code="not_active"
            )

    def reformulate(
        self,
        *,
        text,
        by,
        date,
        trigger="",
        trigger_note="",
        also_replaces=(),
        table=None,
        translations=None,
    ):
        """A new wording that replaces this question and, for a merge, others; in `table` it
        moves the question into or out of a joint table.

        The old wordings stay, marked as reformulated. The new one takes this question's
        number and the SDG tags of all it replaces; their obstacles, sub-questions and places
        in the owners' lists move to it, keeping their identity (whatever points at a
        sub-question follows it). Responses stay with the wording they answered."""
        replaced = [self, *[q for q in also_replaces if q.pk != self.pk]]
        table = table or self.table
        with transaction.atomic():
            [new] = self._replace(
                replaced,
                [{"text": text, "translations": translations or {}}],
                table=table,
                by=by,
                date=date,
                trigger=trigger,
                trigger_note=trigger_note,
            )
            parts = [(part, new) for question in replaced for part in question.parts()]
            _move_parts(parts, reason=change_reason(trigger))
            tags = {tag for question in replaced for tag in question.tags}
            new.set_tags(sorted(tags, key=sdg.tag_sort_key))
        return new

    def split(self, *, texts, by, date, trigger="", trigger_note="", parts=None):
        """Several new wordings that each replace this question (one question became two).

        They take this question's number and the next ones (later questions move down) and its
        SDG tags; `parts` maps each obstacle and sub-question (by `part_key`) to the index in
        `texts` of the question it goes to, by default the first."""
        texts = [text.strip() for text in texts if text.strip()]
        if len(texts) < 2:
            raise ValidationError(
                _("A split needs at least two new questions."), code="split_too_few"
            )
        parts = parts or {}
        with transaction.atomic():
            later = LearningQuestion.objects.active().filter(table=self.table, order__gt=self.order)
            for question in later:  # each a line in the history
                question.order += len(texts) - 1
                question._history_user = by
                question.save(update_fields=["order"])
            news = self._replace(
                [self],
                [{"text": text} for text in texts],
                table=self.table,
                by=by,
                date=date,
                trigger=trigger,
                trigger_note=trigger_note,
            )
            _move_parts(
                (
                    (part, news[min(parts.get(part_key(part), 0), len(news) - 1)])
                    for part in self.parts()
                ),
                reason=change_reason(trigger),
            )
            for new in news:
                new.set_tags(self.tags)
        return news

    def _replace(self, replaced, wordings, *, table, by, date, trigger, trigger_note):
        """Mark `replaced` as reformulated and write `wordings` replacing them, numbered from
        this question's number on."""
        for question in replaced:
            question._refuse_unless_active()
        self._claim(replaced, status=self.Status.REPLACED, ended_date=date)
        order = self.order
        if table.pk != self.table_id:
            last = table.questions.active().aggregate(last=models.Max("order"))["last"]
            order = (last or 0) + 1
        news = []
        for offset, wording in enumerate(wordings):
            new = LearningQuestion(
                table=table,
                order=order + offset,
                changed_date=date,
                trigger=trigger,
                trigger_note=trigger_note,
                created_by=by,
                **wording,
            )
            new._history_user = by
            new.full_clean(exclude=["table", "created_by"])
            new.save()
            new.replaces.set(replaced)
            news.append(new)
        return news

    def parts(self):
        """The obstacles, sub-questions and owners' places of this question, in order."""
        return [
            *self.obstacles.order_by("order", "pk"),
            *self.subquestions.order_by("order", "pk"),
            *self.places.order_by("pk"),
        ]

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


def in_language(text, translations, language=None):
    """`text` in the reader's language (or `language`) if `translations` has it."""
    language = (language or get_language() or "").split("-")[0]
    return (translations or {}).get(language) or text


def part_key(part):
    """How a form names an obstacle or a sub-question of a question being split."""
    return f"{part._meta.model_name}-{part.pk}"


def change_reason(trigger):
    """What the history says led to a change of a question's parts: the trigger's label, kept
    untranslated (the history page translates it for its reader)."""
    if not trigger:
        return ""
    with translation.override("en"):
        return str(LearningQuestion.Trigger(trigger).label)


def _move_parts(moves, *, reason=""):
    """Give each (part, question) pair's obstacle, sub-question or owner's place to the
    question, numbered after its own parts: the part keeps its identity and its history."""
    numbers = {}
    for part, question in moves:
        part._change_reason = reason
        if isinstance(part, OwnerPlace):
            if question.places.filter(local_government=part.local_government_id).exists():
                continue  # a merge of two questions both placed by this owner keeps one place
            part.question = question
            part.save(update_fields=["question"])
            continue
        kind = (type(part), question.pk)
        numbers[kind] = numbers.get(kind, 0) + 1
        part.question, part.order = question, numbers[kind]
        part.save(update_fields=["question", "order"])


HistoricalLearningQuestionTable = LearningQuestionTable.history.model
HistoricalLearningQuestion = LearningQuestion.history.model


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
    history = HistoricalRecords()

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
    history = HistoricalRecords()

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


class OwnerPlace(models.Model):
    """Where a joint question stands in one owner's own list of questions, with that owner's
    own addition to its wording (Sint-Truiden lists the joint marketing question first, and
    adds "for example in the agricultural council" to the participation question)."""

    question = models.ForeignKey(
        LearningQuestion,
        on_delete=models.CASCADE,
        related_name="places",
        verbose_name=_("learning question"),
    )
    local_government = models.ForeignKey(
        LocalGovernment,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("municipality"),
    )
    order = models.PositiveSmallIntegerField(
        _("number in its own list"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(99)],
        help_text=_("Empty: the number in the joint table."),
    )
    addition = models.CharField(
        _("own addition"),
        max_length=500,
        blank=True,
        help_text=_("Words this municipality adds to the joint wording, for example an example."),
    )
    addition_translations = models.JSONField(_("translations"), default=dict, blank=True)

    objects = PartQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("place in an owner's list")
        verbose_name_plural = _("places in the owners' lists")
        constraints = [
            models.UniqueConstraint(
                fields=["question", "local_government"], name="ownerplace_unique"
            )
        ]

    def __str__(self):
        return f"{self.local_government}: {self.question}"

    @property
    def localized_addition(self):
        return in_language(self.addition, self.addition_translations)


PRIORITY_SHORT = {
    SubQuestion.Priority.MUST: _("Must have"),
    SubQuestion.Priority.LIKE: _("Like to have"),
    SubQuestion.Priority.NICE: _("Nice to have"),
}
