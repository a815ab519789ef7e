"""Tool 1, the presentation sheet ("Faire connaissance"): who we are, how we are organised,
what our municipality looks like, why we joined and what we hope for."""

from django import forms
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import prefetch_related_objects
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from learning.forms import RowForm, SheetForm
from learning.images import CheckedImageField, image_path, make_thumbnail, thumbnail_path

from .base import SheetRow, ToolSheet
from .registry import Inline, Step, Tool, register

MIN_IMAGES = 3
MAX_IMAGES = 5


def _text(label, *, max_length=3000, help_text=""):
    return models.TextField(label, blank=True, max_length=max_length, help_text=help_text)


class PresentationSheet(ToolSheet):
    national_structure = _text(_("national level"))
    regional_structure = _text(_("regional level"))
    local_structure = _text(_("local level"))
    organisational_structure = _text(
        _("organisational structure of your local government"),
        help_text=_("Departments, services and who decides what."),
    )
    location = _text(
        _("location"),
        max_length=1000,
        help_text=_("Where the municipality lies: province or department, nearby cities."),
    )
    map_image = models.ImageField(_("map"), upload_to=image_path, blank=True)
    map_thumbnail = models.ImageField(upload_to=thumbnail_path, blank=True, editable=False)
    population = models.PositiveIntegerField(
        _("population"), null=True, blank=True, validators=[MaxValueValidator(100_000_000)]
    )
    economic_activities = _text(_("main economic activities"), max_length=2000)
    major_events = _text(_("major events"), max_length=2000)
    tourist_attractions = _text(_("tourist attractions"), max_length=2000)
    famous_residents = _text(_("famous residents"), max_length=2000)
    reasons = _text(
        _("your reasons for joining this SDG partnership"),
        help_text=_("Based on reciprocity and mutual learning/exchange."),
    )
    expectations = _text(
        _("expectations"),
        help_text=_("What do you hope to achieve at the end of this 2-year partnership?"),
    )

    class Meta(ToolSheet.Meta):
        verbose_name = _("presentation sheet")
        verbose_name_plural = _("presentation sheets")

    def save(self, *args, **kwargs):
        # A new map (not yet written to storage) gets a new thumbnail.
        if not self.map_image:
            self.map_thumbnail = ""
        elif not self.map_image._committed:
            self.map_thumbnail = make_thumbnail(self.map_image)
        super().save(*args, **kwargs)

    @property
    def structure_filled(self):
        return any((self.national_structure, self.regional_structure, self.local_structure))

    def people_rows(self):
        """The people involved, each with its involvement's label and its years of service in
        words (`involvement_label`, `years_label`), translated once for the whole list rather
        than once per person."""
        involvements = {
            value: capfirst(str(label)) for value, label in PresentationPerson.Involvement.choices
        }
        years = {}
        people = list(self.people.all())
        for person in people:
            person.involvement_label = involvements.get(person.involvement, person.involvement)
            count = person.years_of_service
            if count is not None and count not in years:
                years[count] = ngettext(
                    "%(years)s year of service", "%(years)s years of service", count
                ) % {"years": count}
            person.years_label = years.get(count)
        return people

    def share_problems(self):
        """Gentle warnings before sharing: the sheet may still be shared. Reads the people and
        images the partial shows (fetched once for both)."""
        prefetch_related_objects([self], "people", "images")
        problems = []
        count = len(self.images.all())
        if count < MIN_IMAGES:
            problems.append(
                ngettext(
                    "The sheet has %(count)s image; 3 to 5 images help your partner "
                    "picture your municipality.",
                    "The sheet has %(count)s images; 3 to 5 images help your partner "
                    "picture your municipality.",
                    count,
                )
                % {"count": count}
            )
        if not self.people.all():
            problems.append(_("Nobody is listed among the people involved."))
        return problems


class PresentationPerson(SheetRow):
    """A person or organisation actively involved in the partnership."""

    class Involvement(models.TextChoices):
        INTERNAL = "internal", _("internal")
        EXTERNAL = "external", _("external")

    sheet = models.ForeignKey(
        PresentationSheet,
        on_delete=models.CASCADE,
        related_name="people",
        verbose_name=_("presentation sheet"),
    )
    name = models.CharField(_("name"), max_length=200)
    position = models.CharField(_("position"), max_length=200, blank=True)
    years_of_service = models.PositiveSmallIntegerField(
        _("years of service"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(60)],
    )
    involvement = models.CharField(
        _("internal or external"),
        max_length=10,
        choices=Involvement,
        default=Involvement.INTERNAL,
    )

    class Meta:
        verbose_name = _("person or organisation involved")
        verbose_name_plural = _("people and organisations involved")
        ordering = ["sheet_id", "pk"]

    def __str__(self):
        return self.name


class PresentationImage(SheetRow):
    """One of the three to five pictures that describe the municipality."""

    sheet = models.ForeignKey(
        PresentationSheet,
        on_delete=models.CASCADE,
        related_name="images",
        verbose_name=_("presentation sheet"),
    )
    image = models.ImageField(_("image"), upload_to=image_path)
    thumbnail = models.ImageField(upload_to=thumbnail_path, blank=True, editable=False)
    caption = models.CharField(_("caption"), max_length=200)
    # Set from the row's position in the form (see learning.services).
    order = models.PositiveSmallIntegerField(_("order"), default=0, editable=False)

    class Meta:
        verbose_name = _("image")
        verbose_name_plural = _("images")
        ordering = ["sheet_id", "order", "pk"]

    def __str__(self):
        return self.caption

    def save(self, *args, **kwargs):
        # A new image (not yet written to storage) gets a new thumbnail.
        if self.image and not self.image._committed:
            self.thumbnail = make_thumbnail(self.image)
        super().save(*args, **kwargs)


class PresentationSheetForm(SheetForm):
    map_image = CheckedImageField(
        label=_("Map"),
        required=False,
        help_text=_("A JPEG, PNG or WebP image of at most 10 MB."),
    )

    class Meta:
        model = PresentationSheet
        fields = (
            "national_structure",
            "regional_structure",
            "local_structure",
            "organisational_structure",
            "location",
            "map_image",
            "population",
            "economic_activities",
            "major_events",
            "tourist_attractions",
            "famous_residents",
            "reasons",
            "expectations",
        )
        widgets = {
            name: forms.Textarea(attrs={"rows": 3})
            for name in fields
            if name not in ("map_image", "population")
        }
        labels = {
            "national_structure": _("Political and administrative structure: national level"),
            "regional_structure": _("Political and administrative structure: regional level"),
            "local_structure": _("Political and administrative structure: local level"),
        }


class PresentationPersonForm(RowForm):
    class Meta:
        model = PresentationPerson
        fields = ("name", "position", "years_of_service", "involvement")
        widgets = {"years_of_service": forms.NumberInput(attrs={"min": 0, "max": 60})}


class PresentationImageForm(RowForm):
    image = CheckedImageField(
        label=_("Image"), help_text=_("A JPEG, PNG or WebP image of at most 10 MB.")
    )

    class Meta:
        model = PresentationImage
        fields = ("image", "caption")


class PresentationTool(Tool):
    number = 1
    slug = "presentation"
    title = _("Presentation sheet")
    short_title = _("Presentation")
    model = PresentationSheet
    step = Step.GET_TO_KNOW
    # Those who may share the sheet read what keeps it from being shared.
    partial_per_reader = True
    fields = PresentationSheetForm.Meta.fields
    form = PresentationSheetForm
    description = _(
        "Introduce yourself, your local government and your municipality: mainly what you "
        "think your partner should know about you in the context of the SDG partnership. "
        "A brief presentation is enough."
    )
    inlines = (
        Inline(
            PresentationPerson,
            fields=PresentationPersonForm.Meta.fields,
            form=PresentationPersonForm,
            extra=0,
        ),
        Inline(
            PresentationImage,
            fields=PresentationImageForm.Meta.fields,
            form=PresentationImageForm,
            max_num=MAX_IMAGES,
        ),
    )

    def page_context(self, *, request, sheet, owner, printed=False):
        """Warnings for the people who may share the sheet, shown above it (not in print)."""
        if sheet is None or not sheet.workflow.get("share").allows(sheet):
            return {}
        if not request.user.has_perm("learning.share_sheet", sheet):
            return {}
        # Called by the partial only: the edit page, which does not show it, reads nothing.
        return {"share_problems": sheet.share_problems}

    def sample(self, owner):
        """Valid input for a new presentation sheet (see the registry's conventions)."""
        return {
            "national_structure": "A federal state with communities and regions.",
            "regional_structure": "The Flemish Region and the province.",
            "local_structure": "A council, a mayor and aldermen, and a director-general.",
            "organisational_structure": "Six departments under the director-general.",
            "location": "Twelve kilometres east of the provincial capital.",
            "population": 12900,
            "economic_activities": "Agriculture, small businesses, services.",
            "major_events": "The castle festival in summer.",
            "tourist_attractions": "A moated castle and cycling routes.",
            "famous_residents": "",
            "reasons": "To learn from each other how citizens take part in local decisions.",
            "expectations": "Stronger advisory councils on both sides.",
            "people": [
                {
                    "name": "An Example",
                    "position": "Director-general",
                    "years_of_service": 12,
                    "involvement": "internal",
                }
            ],
            "images": [],
        }


TOOL = register(PresentationTool())
