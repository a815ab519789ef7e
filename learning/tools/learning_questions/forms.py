"""Forms of tool 5: the table's question rows, the question page (obstacles and sub-questions,
reformulating and dropping a question), responses with attachments, coaching notes, the
report's evolution summary and the knowledge-network filter."""

from pathlib import PurePath

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.forms.models import inlineformset_factory
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from learning import sdg
from learning.forms import RowForm, submission_key_field
from learning.locking import VersionForm
from partnerships.models import LearningTheme

from .models import (
    Attachment,
    CoachingNote,
    EvolutionSummary,
    LearningQuestion,
    LearningQuestionTable,
    Obstacle,
    OwnerPlace,
    Response,
    SubQuestion,
)
from .models.questions import part_key
from .uploads import ACCEPT_ATTRIBUTE, MAX_FILES, check_attachment


class LearningQuestionForm(RowForm):
    """A current question in the table: its number, wording and SDG tags. The table's edit
    page leaves the earlier wordings out (`LearningQuestionsTool.row_queryset`)."""

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

    def clean_sdg_tags(self):
        return sdg.parse_tags(self.cleaned_data["sdg_tags"])

    def clean(self):
        cleaned_data = super().clean()
        # A formset skips the errors of a row marked for deletion, so refuse by unticking.
        deleted = cleaned_data.get("DELETE") and self.instance.pk
        if deleted and self.instance.responses.exists():
            cleaned_data["DELETE"] = False
            self.add_error(
                None,
                _(
                    "The partner has answered this question, so it cannot be removed; "
                    "drop it instead, with a reason."
                ),
            )
        return cleaned_data


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input (Django's documented pattern)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ACCEPT_ATTRIBUTE}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single_clean = super().clean
        if isinstance(data, list | tuple):
            return [single_clean(item, initial) for item in data if item]
        return [single_clean(data, initial)] if data else []


class OrderedRowForm(forms.ModelForm):
    """A row with a number; a row added without one goes to the end."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["order"].required = False

    def clean_order(self):
        return self.cleaned_data["order"] or 999


class ObstacleForm(OrderedRowForm):
    class Meta:
        model = Obstacle
        fields = ("order", "text")
        widgets = {
            "order": forms.NumberInput(attrs={"min": 1, "max": 99}),
            "text": forms.Textarea(attrs={"rows": 2}),
        }


class SubQuestionForm(OrderedRowForm):
    class Meta:
        model = SubQuestion
        fields = ("order", "text", "priority", "answer_status")
        widgets = {
            "order": forms.NumberInput(attrs={"min": 1, "max": 99}),
            "text": forms.Textarea(attrs={"rows": 2}),
        }


# A post claiming more rows than MAX_ROWS is refused with a message before they are built.
MAX_ROWS = 50
ObstacleFormSet = inlineformset_factory(
    LearningQuestion,
    Obstacle,
    form=ObstacleForm,
    extra=0,
    can_delete=True,
    max_num=MAX_ROWS,
    absolute_max=MAX_ROWS,
    validate_max=True,
)
SubQuestionFormSet = inlineformset_factory(
    LearningQuestion,
    SubQuestion,
    form=SubQuestionForm,
    extra=0,
    can_delete=True,
    max_num=MAX_ROWS,
    absolute_max=MAX_ROWS,
    validate_max=True,
)


class TranslationsMixin:
    """One optional field per language of the site for a text in other languages (`name` in
    `translated`); `translations(name)` reads them back as {language code: text}."""

    translated = {}  # name -> (label with a {language} placeholder, max_length)

    def add_translation_fields(self, initial):
        """`initial`: {name: {language code: text}}."""
        for name, (label, max_length) in self.translated.items():
            for code, language in settings.LANGUAGES:
                self.fields[f"{name}_{code}"] = forms.CharField(
                    label=format_lazy(label, language=language),
                    max_length=max_length,
                    required=False,
                    initial=initial.get(name, {}).get(code, ""),
                    widget=forms.Textarea(attrs={"rows": 2}),
                )

    def translations(self, name):
        return {
            code: self.cleaned_data[f"{name}_{code}"].strip()
            for code, _language in settings.LANGUAGES
            if self.cleaned_data.get(f"{name}_{code}", "").strip()
        }


class WordingTranslationsForm(TranslationsMixin, forms.Form):
    """The question's wording in the site's languages, for readers of each (the evolution
    overview and the report show the reader's)."""

    translated = {"wording": (_("The wording in {language}"), 1000)}

    def __init__(self, *args, question, **kwargs):
        super().__init__(*args, prefix="wording", **kwargs)
        self.add_translation_fields({"wording": question.translations})


class PartsVersionForm(VersionForm):
    """The version the question's parts were edited from, and what led to the changes (the
    history keeps it with each change)."""

    trigger = forms.ChoiceField(
        label=_("What led to these changes"),
        choices=[("", _("(not said)")), *LearningQuestion.Trigger.choices],
        required=False,
    )


class ChangeForm(forms.Form):
    """When and why a question changed: the history keeps it with the new wording."""

    date = forms.DateField(
        label=_("Date of the change"),
        initial=timezone.localdate,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    trigger = forms.ChoiceField(
        label=_("What led to it"),
        choices=[("", _("(not said)")), *LearningQuestion.Trigger.choices],
        required=False,
    )
    trigger_note = forms.CharField(
        label=_("Details"),
        max_length=300,
        required=False,
        help_text=_("For example: the visit to the Laarne market."),
    )


def owner_names(table):
    """A table named by its owners, as a choice among the tables of one programme."""
    return ", ".join(owner.name for owner in table.owners.all())


class ReformulateForm(ChangeForm):
    """A new wording, possibly in another table of the same owners (moving the question into
    or out of a joint table) and possibly replacing other questions too (a merge)."""

    field_order = ["text", "table", "also_replaces", "date", "trigger", "trigger_note"]

    text = forms.CharField(
        label=_("New wording"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3})
    )
    table = forms.ModelChoiceField(
        label=_("In the table"),
        queryset=LearningQuestionTable.objects.none(),
        required=False,
        empty_label=None,
        help_text=_("Choose the joint table to move the question into it, or back out of it."),
    )
    also_replaces = forms.ModelMultipleChoiceField(
        label=_("It also replaces (a merge)"),
        queryset=LearningQuestion.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, question, tables, mergeable, **kwargs):
        """`tables`: the tables the user may write the new wording in; `mergeable`: the
        current questions the user may merge into it."""
        super().__init__(*args, **kwargs)
        self.question = question
        self.fields["text"].initial = question.text
        if len(tables) > 1:
            self.fields["table"].queryset = tables
            self.fields["table"].initial = question.table_id
            self.fields["table"].label_from_instance = owner_names
        else:  # nowhere else to go
            del self.fields["table"]
        self.fields["also_replaces"].queryset = mergeable.exclude(pk=question.pk)
        self.fields["also_replaces"].label_from_instance = lambda other: (
            f"{other.text} ({owner_names(other.table)})"
        )

    def clean_text(self):
        return self.cleaned_data["text"].strip()

    def clean(self):
        data = super().clean()
        if not data.get("table"):
            data["table"] = self.question.table
        table, merged = data.get("table"), data.get("also_replaces") or []
        if not table or "text" not in data:
            return data
        unchanged = data["text"] == self.question.text.strip()
        if unchanged and table.pk == self.question.table_id and not merged:
            self.add_error(
                "text", ValidationError(_("The new wording is the same as the current one."))
            )
        owners = {owner.pk for owner in table.owners.all()}
        outside = [
            other
            for other in [self.question, *merged]
            if not {owner.pk for owner in other.table.owners.all()} & owners
        ]
        if outside:
            self.add_error(
                "table",
                ValidationError(
                    _(
                        "“%(question)s” belongs to a municipality that does not own this "
                        "table: merge into a joint table of both."
                    )
                    % {"question": outside[0].text}
                ),
            )
        return data


class SplitForm(ChangeForm):
    """One question becomes several: their wordings, and which of them each sub-question and
    obstacle goes to."""

    field_order = ["first", "second", "third", "date", "trigger", "trigger_note"]

    first = forms.CharField(
        label=_("First new question"), max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )
    second = forms.CharField(
        label=_("Second new question"), max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )
    third = forms.CharField(
        label=_("Third new question (optional)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, question, **kwargs):
        super().__init__(*args, **kwargs)
        self.question = question
        self.fields["first"].initial = question.text
        self.parts = question.parts()
        for part in self.parts:
            if isinstance(part, OwnerPlace):
                continue
            self.fields[part_key(part)] = forms.TypedChoiceField(
                label=part.text,
                choices=[
                    (0, _("the first")),
                    (1, _("the second")),
                    (2, _("the third")),
                ],
                coerce=int,
                empty_value=0,
                required=False,
                initial=0,
                help_text=(
                    _("Sub-question: goes to which new question?")
                    if isinstance(part, SubQuestion)
                    else _("Obstacle: goes to which new question?")
                ),
            )

    @property
    def texts(self):
        data = self.cleaned_data
        return [data[name] for name in ("first", "second", "third") if data.get(name)]

    @property
    def part_targets(self):
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if name.startswith(("obstacle-", "subquestion-"))
        }

    def clean(self):
        data = super().clean()
        if not data.get("third") and 2 in self.part_targets.values():
            self.add_error("third", _("Write the third question, or send nothing to it."))
        texts = [text.strip() for text in self.texts]
        if len(set(texts)) < len(texts):
            self.add_error("second", _("The new questions must differ from each other."))
        return data


class OwnerPlaceForm(TranslationsMixin, forms.ModelForm):
    translated = {"addition": (_("The addition in {language}"), 500)}

    class Meta:
        model = OwnerPlace
        fields = ("order", "addition")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_translation_fields({"addition": self.instance.addition_translations})

    def save(self, commit=True):
        self.instance.addition_translations = self.translations("addition")
        return super().save(commit)


class DropForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is the question dropped?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    date = forms.DateField(
        label=_("Date"),
        initial=timezone.localdate,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


class ResponseForm(forms.ModelForm):
    submission_key = submission_key_field()
    files = MultipleFileField(
        label=_("Attachments"),
        required=False,
        help_text=_(
            "Up to 5 files: documents or photos of at most 10 MB, audio or video clips of at "
            "most 25 MB."
        ),
    )

    class Meta:
        model = Response
        fields = ("subquestion", "text", "links")
        widgets = {
            "text": forms.Textarea(attrs={"rows": 4}),
            "links": forms.Textarea(attrs={"rows": 2, "placeholder": "https://"}),
        }

    def __init__(self, *args, question, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.question = question
        subquestions = self.fields["subquestion"]
        subquestions.queryset = question.subquestions.all()
        subquestions.empty_label = _("The learning question as a whole")
        subquestions.label_from_instance = lambda sub: f"{sub.order}. {sub.text}"

    def clean_files(self):
        files = self.cleaned_data["files"]
        if len(files) > MAX_FILES:
            raise ValidationError(
                _("Attach at most %(count)s files to one response."),
                code="too_many_files",
                params={"count": MAX_FILES},
            )
        checked, errors = [], []
        for upload in files:
            try:
                checked.append((upload, *check_attachment(upload)))
            except ValidationError as error:
                errors.append(error)
        if errors:
            raise ValidationError(errors)
        return checked

    def clean(self):
        cleaned_data = super().clean()
        if not (
            cleaned_data.get("text", "").strip()
            or cleaned_data.get("links", "").strip()
            or cleaned_data.get("files")
            or self.errors
        ):
            raise ValidationError(
                _("Write a response, give a link or attach a file."), code="empty"
            )
        return cleaned_data

    def save_attachments(self):
        """Store the checked files of a saved response under random names."""
        for upload, kind, content_type, stored in self.cleaned_data.get("files", []):
            if isinstance(stored, ContentFile):
                content, size = stored, stored.size
            else:
                content, size = stored, upload.size
            attachment = Attachment(
                response=self.instance,
                original_name=PurePath(upload.name).name[:200],
                kind=kind,
                content_type=content_type,
                size=size,
            )
            attachment.file.save(upload.name, content, save=False)
            attachment.save()


class SubQuestionStatusForm(forms.ModelForm):
    class Meta:
        model = SubQuestion
        fields = ("answer_status",)


class CoachingNoteForm(forms.ModelForm):
    class Meta:
        model = CoachingNote
        fields = ("text",)
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}


class EvolutionSummaryForm(TranslationsMixin, forms.ModelForm):
    translated = {"application_summary": (_("The application in {language}"), 5000)}

    class Meta:
        model = EvolutionSummary
        fields = (
            "order",
            "baseline",
            "starting_points",
            "developments",
            "applications",
            "application_summary",
        )
        widgets = {
            "baseline": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            **{
                name: forms.Textarea(attrs={"rows": 3})
                for name in (
                    "starting_points",
                    "developments",
                    "applications",
                    "application_summary",
                )
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        translations = self.instance.translations
        self.add_translation_fields(
            {
                "application_summary": {
                    code: texts.get("application_summary", "")
                    for code, texts in translations.items()
                }
            }
        )

    def save(self, commit=True):
        translations = {
            code: {name: text for name, text in texts.items() if name != "application_summary"}
            for code, texts in self.instance.translations.items()
        }
        for code, text in self.translations("application_summary").items():
            translations.setdefault(code, {})["application_summary"] = text
        self.instance.translations = {code: texts for code, texts in translations.items() if texts}
        return super().save(commit)


class KnowledgeNetworkFilterForm(forms.Form):
    theme = forms.ModelChoiceField(
        label=_("Theme"), queryset=LearningTheme.objects.none(), required=False
    )
    sdg = forms.TypedChoiceField(
        label=_("SDG"),
        choices=[("", _("All goals"))],
        coerce=int,
        required=False,
        empty_value=None,
    )

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        # One programme's themes: by name, without the default order's join to the programme.
        themes = LearningTheme.objects.filter(programme=programme)
        self.fields["theme"].queryset = themes.order_by("name_en")
        self.fields["sdg"].choices = [("", _("All goals")), *sdg.goal_choices()]
