"""Forms of the learning-question pages and the exchange: obstacles and sub-questions,
reformulating and dropping a question, responses with attachments, coaching notes, the
report's evolution summary and the knowledge-network filter."""

import zipfile
from pathlib import PurePath

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.forms.models import inlineformset_factory
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from learning import images, sdg
from learning.forms import submission_key_field
from learning.tools.learning_questions import (
    Attachment,
    CoachingNote,
    EvolutionSummary,
    LearningQuestion,
    Obstacle,
    Response,
    SubQuestion,
)
from partnerships.models import LearningTheme

MAX_FILES = 5
MB = 1024 * 1024
SIZE_LIMITS = {
    Attachment.Kind.DOCUMENT: 10 * MB,
    Attachment.Kind.IMAGE: images.MAX_UPLOAD_BYTES,
    Attachment.Kind.AUDIO: 25 * MB,
    Attachment.Kind.VIDEO: 25 * MB,
}


# Office files are zip archives. We never unpack them; their declared sizes must stay within
# these bounds, and the one entry we read is read with a cap.
MAX_ZIP_ENTRIES = 5000
MAX_UNPACKED_BYTES = 200 * MB
MAX_MARKER_BYTES = 1024


class UnpacksTooLarge(Exception):
    """A zip-based document that declares more unpacked bytes or entries than we accept."""


def _zip_has(upload, name, content=None):
    """Whether the zip holds `name` (starting with `content`). Raises UnpacksTooLarge for an
    archive whose entries would unpack to too much; reads at most MAX_MARKER_BYTES."""
    try:
        with zipfile.ZipFile(upload) as archive:
            entries = archive.infolist()
            if (
                len(entries) > MAX_ZIP_ENTRIES
                or sum(entry.file_size for entry in entries) > MAX_UNPACKED_BYTES
            ):
                raise UnpacksTooLarge
            if content is None:
                return name in archive.namelist()
            entry = archive.getinfo(name)
            if entry.file_size > MAX_MARKER_BYTES:
                return False
            with archive.open(entry) as marker:
                return marker.read(len(content)) == content
    except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, OSError, EOFError):
        return False
    except (NotImplementedError, RuntimeError):  # an unknown compression, or encrypted
        return False


def _is_mp3(head):
    return head.startswith(b"ID3") or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0)


# Extension -> (kind, content type, check of the content). Content is checked cheaply: the
# first bytes of the file ("magic bytes"), or the one entry that makes a zip an office file.
ACCEPTED = {
    ".pdf": (Attachment.Kind.DOCUMENT, "application/pdf", lambda f, h: h.startswith(b"%PDF-")),
    ".docx": (
        Attachment.Kind.DOCUMENT,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        lambda f, h: h.startswith(b"PK\x03\x04") and _zip_has(f, "word/document.xml"),
    ),
    ".xlsx": (
        Attachment.Kind.DOCUMENT,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        lambda f, h: h.startswith(b"PK\x03\x04") and _zip_has(f, "xl/workbook.xml"),
    ),
    ".odt": (
        Attachment.Kind.DOCUMENT,
        "application/vnd.oasis.opendocument.text",
        lambda f, h: (
            h.startswith(b"PK\x03\x04")
            and _zip_has(f, "mimetype", b"application/vnd.oasis.opendocument.text")
        ),
    ),
    ".mp3": (Attachment.Kind.AUDIO, "audio/mpeg", lambda f, h: _is_mp3(h)),
    ".m4a": (Attachment.Kind.AUDIO, "audio/mp4", lambda f, h: h[4:8] == b"ftyp"),
    ".ogg": (Attachment.Kind.AUDIO, "audio/ogg", lambda f, h: h.startswith(b"OggS")),
    ".oga": (Attachment.Kind.AUDIO, "audio/ogg", lambda f, h: h.startswith(b"OggS")),
    ".mp4": (Attachment.Kind.VIDEO, "video/mp4", lambda f, h: h[4:8] == b"ftyp"),
    ".webm": (Attachment.Kind.VIDEO, "video/webm", lambda f, h: h.startswith(b"\x1a\x45\xdf\xa3")),
}
IMAGE_EXTENSIONS = {".jpg", ".jpeg", ".png", ".webp"}
ACCEPT_ATTRIBUTE = ",".join(sorted({*ACCEPTED, *IMAGE_EXTENSIONS}))


def check_attachment(upload):
    """(kind, content type, file to store) for an accepted upload; ValidationError otherwise.

    Photos are re-encoded without their metadata (such as the GPS position of the phone)."""
    name = PurePath(upload.name).name
    extension = PurePath(name).suffix.lower()
    if extension in IMAGE_EXTENSIONS:
        with images.open_checked(upload) as image:
            stored = images.reencode(image)
        content_type = "image/png" if stored.name.endswith(".png") else "image/jpeg"
        return Attachment.Kind.IMAGE, content_type, stored
    if extension not in ACCEPTED:
        raise ValidationError(
            _(
                "“%(name)s” cannot be attached. Send documents (PDF, DOCX, XLSX, ODT), photos "
                "(JPEG, PNG, WebP), audio (MP3, M4A, OGG) or video (MP4, WebM)."
            ),
            code="file_type",
            params={"name": name},
        )
    kind, content_type, looks_right = ACCEPTED[extension]
    limit = SIZE_LIMITS[kind]
    if upload.size > limit:
        raise ValidationError(
            _("“%(name)s” is %(size)s; a %(kind)s may be at most %(limit)s."),
            code="file_too_large",
            params={
                "name": name,
                "size": filesizeformat(upload.size),
                "kind": Attachment.Kind(kind).label,
                "limit": filesizeformat(limit),
            },
        )
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    try:
        matches = looks_right(upload, head)
    except UnpacksTooLarge:
        raise ValidationError(
            _(
                "“%(name)s” would unpack to more than %(limit)s; it may be damaged. Send a "
                "smaller document or a PDF."
            ),
            code="file_unpacks_too_large",
            params={"name": name, "limit": filesizeformat(MAX_UNPACKED_BYTES)},
        ) from None
    if not matches:
        raise ValidationError(
            _("The content of “%(name)s” does not match its type; it may be damaged."),
            code="file_content",
            params={"name": name},
        )
    upload.seek(0)
    return kind, content_type, upload


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


class RevisionForm(forms.Form):
    """The revision of the question the person started editing from."""

    revision = forms.IntegerField(min_value=1, widget=forms.HiddenInput)

    prefix = "question"


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


class ReformulateForm(forms.Form):
    text = forms.CharField(
        label=_("New wording"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3})
    )
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
    also_replaces = forms.ModelMultipleChoiceField(
        label=_("It also replaces (a merge)"),
        queryset=LearningQuestion.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, question, **kwargs):
        super().__init__(*args, **kwargs)
        self.question = question
        self.fields["text"].initial = question.text
        owners = question.table.owners.values("pk")
        self.fields["also_replaces"].queryset = (
            LearningQuestion.objects.active()
            .filter(table__programme=question.table.programme_id, table__owners__in=owners)
            .exclude(pk=question.pk)
            .distinct()
        )

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if text == self.question.text.strip():
            raise ValidationError(
                _("The new wording is the same as the current one."), code="unchanged"
            )
        return text


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


class EvolutionSummaryForm(forms.ModelForm):
    class Meta:
        model = EvolutionSummary
        fields = ("order", "starting_points", "developments", "applications", "application_summary")
        widgets = {
            name: forms.Textarea(attrs={"rows": 3})
            for name in ("starting_points", "developments", "applications", "application_summary")
        }


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
        self.fields["theme"].queryset = LearningTheme.objects.filter(programme=programme)
        self.fields["sdg"].choices = [("", _("All goals")), *sdg.goal_choices()]
