"""The shared base of every tool: owners, programme, status, version, history, comments."""

from collections import defaultdict
from functools import partial

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from learning.workflows import REVIEW, Status
from partnerships import freshness
from partnerships.access import Access
from partnerships.models import Partnership


def titled(title, name):
    """The title and what it names, punctuated as the language wants: "Tool: name", "Outil :
    nom"."""
    # Translators: a title and what it names, such as "Activity profile: Ouinhi". French puts
    # a space before the colon.
    return gettext("%(title)s: %(name)s") % {"title": title, "name": name}


class ToolSheetQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The owners' teams, their consultants in the sheet's programme and its staff see every
        sheet; partner municipalities and umbrella observers of that programme see it once it
        has been shared (partnerships/access.py)."""
        access = Access.of(user)
        if access.superuser:
            return self.all()
        shared = models.Q(status__in=self.model.workflow.shared)
        return self.filter(access.full() | (shared & access.shared())).distinct()

    def owned_by(self, local_government):
        return self.filter(owners=local_government)


class ToolSheet(models.Model):
    """A filled-in tool. Concrete tools subclass it (see learning/tools/*.py)."""

    Status = Status
    # The status cycle (learning/workflows.py); a tool's model may declare another.
    workflow = REVIEW

    programme = models.ForeignKey(
        "partnerships.Programme",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("programme"),
    )
    owners = models.ManyToManyField(
        "partnerships.LocalGovernment",
        related_name="+",
        verbose_name=_("owner municipalities"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.DRAFT, editable=False
    )
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    comments = GenericRelation("learning.Comment")
    scopes = GenericRelation("learning.SheetScope")
    history = HistoricalRecords(inherit=True)

    objects = ToolSheetQuerySet.as_manager()

    # The field that tells apart an owner's several sheets (see `display_name`), read with the
    # sheet on the tools overview; None: the sheet is named after its tool and owners.
    name_field = None
    # Without a name field: which of its owners' sheets of this tool it is (1, 2, ... in the
    # order they were created), when they have several; None when it is their only one. Set
    # by `number_sheets` (or the tools overview) before the sheet is named.
    sheet_number = None

    class Meta:
        abstract = True
        ordering = ["-updated_at"]

    def __str__(self):
        return self.display_name(() if self.name_field else self.owners.all())

    def get_absolute_url(self):
        return reverse("learning:sheet_detail", kwargs={"slug": self.tool.slug, "pk": self.pk})

    def display_name(self, owners, number=None):
        """The sheet's name, given its owner municipalities in order (a tool with a
        `name_field` names its sheets without them) and its `sheet_number` (this sheet's, when
        not given)."""
        return titled(self.tool.title, self.short_name_of(owners, number))

    def short_name_of(self, owners, number=None):
        """What tells the sheet apart among its tool's: its `name_field`, else its owners
        and, when they have several sheets of the tool, its number ("Laarne (2)")."""
        if self.name_field:
            return getattr(self, self.name_field)
        names = ", ".join(str(owner) for owner in owners)
        number = self.sheet_number if number is None else number
        if number is None:
            return names
        return gettext("%(owners)s (%(number)s)") % {"owners": names, "number": number}

    @property
    def short_name(self):
        """The name without the tool's title, for the breadcrumb and a print's header."""
        return self.short_name_of(() if self.name_field else self.owners.all())

    def clean(self):
        if self.pk and not self.owners.exists():
            raise ValidationError(_("A tool needs at least one owner municipality."))

    @property
    def is_shared(self):
        return self.status in self.workflow.shared

    @property
    def is_editable(self):
        return self.status in self.workflow.editable

    def owner_for(self, user):
        """The owner municipality `user` works for: their own team's, else one they coach in
        the sheet's programme, else the first owner."""
        owners = list(self.owners.all())
        access = Access.of(user)
        coached = access.coached.get(self.programme_id, frozenset())
        for candidates in (access.member_of, coached):
            for owner in owners:
                if owner.pk in candidates:
                    return owner
        return owners[0] if owners else None

    def transition(self, name, *, by, reason=""):
        """Move the sheet along its workflow's transition `name` (a ValidationError says why
        not); the history records who, when and the transition's note."""
        return self.workflow.apply(self, name, by=by, reason=reason)

    def on_transition(self, transition, *, by):
        """What the sheet records as it goes through `transition` (the terms of reference
        record who validated and who signed); returns the names of the fields it set."""
        return ()

    def reviewed_version(self):
        """The version the consultant last reviewed (None if never): a sheet changed since
        shows what changed after it."""
        return (
            self.history.filter(status=Status.REVIEWED)
            .order_by("-history_date")
            .values_list("version", flat=True)
            .first()
        )

    def first_shared_at(self):
        """When the sheet was first shared (None for a draft): partners and observers read its
        history from then on."""
        return (
            self.history.filter(status__in=self.workflow.shared)
            .order_by("history_date")
            .values_list("history_date", flat=True)
            .first()
        )

    def owner_partnerships(self):
        """The partnerships of the owner municipalities in the sheet's programme."""
        owners = self.owners.values("pk")
        return Partnership.objects.filter(programme=self.programme_id).filter(
            models.Q(north__in=owners) | models.Q(south__in=owners)
        )


def number_sheets(sheets):
    """Set the `sheet_number` of each sheet (of a tool without a name field) whose owners have
    several sheets of its tool, in every programme: one query per tool. One sheet's number,
    the same for every reader, is kept until the data changes (a sheet's own pages)."""
    by_model = defaultdict(list)
    for sheet in sheets:
        if not sheet.name_field and sheet.pk:
            by_model[type(sheet)].append(sheet)
    for model, group in by_model.items():
        pks = [sheet.pk for sheet in group]
        if len(pks) == 1:
            numbers = freshness.kept(
                "sheet-number", [model._meta.label_lower, *pks], partial(sheet_numbers, model, pks)
            )
        else:
            numbers = sheet_numbers(model, pks)
        for sheet in group:
            sheet.sheet_number = numbers.get(sheet.pk)


def sheet_numbers(model, pks):
    """`{sheet id: number}` for those of the sheets `pks` whose owners have several sheets of
    `model`; the sheets with exactly the same owners are numbered in the order they were
    created (by id)."""
    owners = defaultdict(set)
    for row in related_owners(model, pks).values_list("sheet", "owner"):
        owners[row[0]].add(row[1])
    return numbers_by_owners({sheet: frozenset(ids) for sheet, ids in owners.items()}, pks)


def related_owners(model, pks):
    """The rows of `model`'s owners table (as `sheet` and `owner` ids) of every sheet that
    shares an owner with one of the sheets `pks`, those included: what numbering them needs."""
    field = model._meta.get_field("owners")
    through = field.remote_field.through
    sheet_id, owner_id = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
    # Every owner of every sheet that shares an owner with one of these.
    theirs = through.objects.filter(**{f"{sheet_id}__in": pks}).values(owner_id)
    related = through.objects.filter(**{f"{owner_id}__in": theirs}).values(sheet_id)
    return through.objects.filter(**{f"{sheet_id}__in": related}).annotate(
        sheet=models.F(sheet_id), owner=models.F(owner_id)
    )


def numbers_by_owners(owners, pks):
    """`{sheet id: number}` for the sheets `pks`, given every related sheet's owner ids
    (`owners`, `{sheet id: frozenset of owner ids}`): sheets with the same owners are numbered
    1, 2, ... by id; one alone is not numbered."""
    alike = defaultdict(list)
    for sheet, ids in owners.items():
        alike[ids].append(sheet)
    numbers = {}
    for pk in pks:
        siblings = sorted(alike.get(owners.get(pk), ()))
        if len(siblings) > 1:
            numbers[pk] = siblings.index(pk) + 1
    return numbers


class SheetRow(models.Model):
    """Base of a tool's repeating rows: their changes show on the sheet's history page."""

    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True
