"""The generic views of every registered tool: list, create, detail, edit.

The URL's slug selects the tool from the registry; its spec gives the model, the form and the
repeating rows. Every sheet is found through `visible_to(user)` (404 for a stranger) and every
action checks a `learning.*` permission (403).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views.generic import CreateView, DetailView, ListView, UpdateView
from rules.contrib.views import PermissionRequiredMixin

from partnerships import freshness
from partnerships.models import LocalGovernment, Partnership, Programme
from partnerships.views import own_navigation

from .. import services
from ..forms import (
    CommentForm,
    OwnersForm,
    build_forms,
    cleaned_rows,
    first_rows,
    paginate_rows,
    rows_page,
)
from ..history import changes_since
from ..locking import Conflict, VersionForm
from ..tools.base import number_sheets
from ..tools.registry import get_tool
from ..workflows import Status

DRAFT_SAVED = "learning_draft_saved"


class ToolMixin:
    """Selects the tool of the URL's slug; an unknown slug answers 404."""

    # The print view and the PDF show the whole sheet (see `Tool.page_context`).
    printed = False

    def dispatch(self, request, *args, **kwargs):
        try:
            self.tool = get_tool(kwargs["slug"])
        except KeyError:
            raise Http404("No such tool") from None
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        if hasattr(self, "object"):
            kwargs = {
                **self.tool.page_context(
                    request=self.request,
                    sheet=self.object,
                    owner=getattr(self, "owner", None),
                    printed=self.printed,
                ),
                **kwargs,
            }
        return super().get_context_data(tool=self.tool, **kwargs)


class SheetMixin(ToolMixin):
    """Finds the sheet of the URL among those the user may see."""

    context_object_name = "sheet"
    # Whether a GET reads what the tool reads with its sheets (`Tool.sheet_related`) only when
    # the page shows the sheet (`shown_sheet`): the read and edit pages, which keep what they
    # render (`{% kept %}`), then read the sheet alone while it is kept.
    related_when_shown = False

    def get_queryset(self):
        related = () if self.reads_related_later() else self.tool.sheet_related
        return (
            self.tool.model.objects.visible_to(self.request.user)
            .select_related("programme", *related)
            .prefetch_related("owners")
        )

    def reads_related_later(self):
        return self.related_when_shown and self.request.method == "GET"

    def shown_sheet(self):
        """The sheet with what the tool reads with it, as the page shows it."""
        sheet = self.get_object()
        if self.reads_related_later() and not hasattr(self, "_related_read"):
            read_related(sheet, self.tool.sheet_related)
            self._related_read = True
        return sheet

    def get_object(self, queryset=None):
        if not hasattr(self, "_sheet"):
            self._sheet = super().get_object(queryset)
            number_sheets([self._sheet])
        return self._sheet

    def get_permission_object(self):
        return self.get_object()

    def get_context_data(self, **kwargs):
        # The navigation's municipality is often among the sheet's owners, read already.
        return super().get_context_data(
            **own_navigation(self.request.user, self.object.owners.all()), **kwargs
        )


def read_related(sheet, lookups):
    """Read `lookups` (as `select_related` takes them) of `sheet` in one query and keep them on
    it, as if it had been read with them."""
    if lookups:
        read = type(sheet)._base_manager.select_related(*lookups).get(pk=sheet.pk)
        for name in dict.fromkeys(lookup.split("__")[0] for lookup in lookups):
            setattr(sheet, name, getattr(read, name))


class SheetListView(ToolMixin, freshness.LazyListMixin, ListView):
    template_name = "learning/sheet_list.html"
    context_object_name = "sheets"
    paginate_by = 50

    def get_queryset(self):
        return (
            self.tool.model.objects.visible_to(self.request.user)
            .select_related("programme")
            .prefetch_related("owners")
        )

    list_names = ("creatable", "name_programmes")

    def get_context_data(self, **kwargs):
        self.owners = creatable_owners(self.request.user)
        # A member's municipality is among those they fill tools in for, read already.
        return super().get_context_data(**own_navigation(self.request.user, self.owners), **kwargs)

    def list_context(self, context):
        number_sheets(context["sheets"])
        pairs = creatable(self.request.user, self.owners)
        several = len({programme for _owner, programme in pairs}) > 1
        return {"creatable": pairs, "name_programmes": several}


def creatable_owners(user):
    """The municipalities this user may fill in a tool for: their own, those they coach."""
    coached = Partnership.objects.coached_by(user)
    candidates = LocalGovernment.objects.filter(
        Q(memberships__user=user)
        | Q(pk__in=coached.values("north"))
        | Q(pk__in=coached.values("south"))
    ).distinct()
    return [owner for owner in candidates if user.has_perm("learning.create_sheet", owner)]


def creatable(user, owners):
    """What the tool list offers to fill in: `(municipality, programme)` for each municipality
    the user fills tools in for (`owners`, from `creatable_owners`) and each programme they take
    part in together."""
    pairs = (
        Partnership.objects.visible_to(user)
        .filter(Q(north__in=owners) | Q(south__in=owners))
        .select_related("programme")
    )
    shared = {(p.north_id, p.programme) for p in pairs} | {(p.south_id, p.programme) for p in pairs}
    return sorted(
        ((owner, programme) for owner in owners for pk, programme in shared if pk == owner.pk),
        key=lambda pair: (pair[0].name, -pair[1].start_date.toordinal()),
    )


class SheetFormMixin:
    """Create and edit share this: the sheet form and its row formsets, saved together."""

    template_name = "learning/sheet_form.html"

    def build(self, data=None, files=None):
        return build_forms(
            self.tool,
            data=data,
            files=files,
            instance=self.object,
            owner=self.owner,
            user=self.request.user,
            initial=self.get_initial(),
        )

    def get_context_data(self, **kwargs):
        if "draft_key" not in kwargs:
            kwargs["draft_key"] = self.draft_key()
        return super().get_context_data(owner=self.owner, **kwargs)

    def render_forms(self, form, formsets, status=200, **kwargs):
        context = self.get_context_data(**self.forms_context(form, formsets), **kwargs)
        return self.render_to_response(context, status=status)

    def forms_context(self, form, formsets):
        rowsets = [
            {"formset": formset, "title": capfirst(formset.model._meta.verbose_name_plural)}
            for formset in formsets
        ]
        return {
            "form": form,
            "formsets": formsets,
            "rowsets": rowsets,
            "formset_errors": any(
                formset.is_bound and (formset.total_error_count() or formset.non_form_errors())
                for formset in formsets
            ),
            "vanished_rows": [
                {"title": rowset["title"], "text": str(row.instance)}
                for rowset in rowsets
                for row in _vanished(rowset["formset"])
            ],
            "files_to_reattach": [
                upload.name
                for name in self.request.FILES
                for upload in self.request.FILES.getlist(name)
            ],
        }

    def saved(self, sheet, message):
        self.request.session[DRAFT_SAVED] = self.draft_key()
        messages.success(self.request, message)
        return redirect(sheet)


def _vanished(formset):
    """The rows someone else removed while this person was editing them (see RowFormSet)."""
    return formset.vanished_forms() if formset.is_bound else []


def _valid(form, formsets, *more):
    results = [form.is_valid(), *(formset.is_valid() for formset in formsets)]
    results.extend(other.is_valid() for other in more)
    return all(results)


class SheetCreateView(ToolMixin, PermissionRequiredMixin, SheetFormMixin, CreateView):
    permission_required = "learning.create_sheet"

    def dispatch(self, request, *args, **kwargs):
        self.owner = get_object_or_404(
            LocalGovernment.objects.visible_to(request.user), pk=kwargs["owner"]
        )
        return super().dispatch(request, *args, **kwargs)

    def get_permission_object(self):
        return self.owner

    def draft_key(self):
        return f"sheet-{self.tool.slug}-new-{self.owner.pk}"

    def existing(self, programme):
        """With one sheet per owner, the one this municipality already has in the programme."""
        if self.tool.many_per_owner or programme is None:
            return None
        return self.tool.model.objects.owned_by(self.owner).filter(programme=programme).first()

    def already_there(self, form, formsets, owners_form, *, sheet):
        """The bound form again (nothing typed is lost) with a link to the sheet that exists."""
        if sheet is None:
            messages.error(
                self.request,
                _("One of the municipalities you chose already has this tool; each has one."),
            )
        else:
            messages.error(
                self.request,
                _(
                    "%(owner)s already has this tool, perhaps just created by someone else. "
                    "Your text is below: copy what you need into the existing sheet."
                )
                % {"owner": self.owner},
            )
        return self.render_forms(
            form, formsets, status=409, owners_form=owners_form, existing_sheet=sheet
        )

    def programmes(self):
        """The programmes in which both the person and the municipality take part."""
        if not hasattr(self, "_programmes"):
            partnerships = Partnership.objects.visible_to(self.request.user)
            self._programmes = list(
                Programme.objects.filter(
                    pk__in=partnerships.of_local_government(self.owner).values("programme")
                )
            )
        return self._programmes

    def programme(self):
        """The programme of the new sheet, never guessed: the one the page was opened for
        (`?programme=`, as the partnership page and the tool list link it), or the only one
        the person and the municipality share. None while there are several to choose from;
        404 for a programme they do not share."""
        chosen = self.request.GET.get("programme", "")
        if chosen:
            for programme in self.programmes():
                if str(programme.pk) == chosen:
                    return programme
            raise Http404("The municipality takes no part in this programme")
        if len(self.programmes()) == 1:
            return self.programmes()[0]
        return None

    def choose_programme(self):
        """The page asking in which programme to fill in the tool."""
        if not self.programmes():
            raise Http404("This local government has no partnership")
        return render(
            self.request,
            "learning/sheet_programme_choice.html",
            {"tool": self.tool, "owner": self.owner, "programmes": self.programmes()},
        )

    def get_initial(self):
        """A link may choose a field of the new sheet: `?delegation=` from a site visit."""
        return {name: value for name, value in self.request.GET.items() if name in self.tool.fields}

    def owners_form(self, data=None):
        """Joint owners to choose from: the other municipalities the user fills tools in for."""
        if not self.tool.chooses_owners:
            return None
        choices = [lg for lg in creatable_owners(self.request.user) if lg != self.owner]
        return OwnersForm(data, choices=choices) if choices else None

    def get(self, request, *args, **kwargs):
        self.object = None
        if self.programme() is None:
            return self.choose_programme()
        if sheet := self.existing(self.programme()):
            messages.info(request, _("%(owner)s already has this tool.") % {"owner": self.owner})
            return redirect("learning:sheet_update", slug=self.tool.slug, pk=sheet.pk)
        return self.render_forms(*self.build(), owners_form=self.owners_form())

    def post(self, request, *args, **kwargs):
        self.object = None
        programme = self.programme()
        if programme is None:
            return self.choose_programme()
        form, formsets = self.build(request.POST, request.FILES)
        owners_form = self.owners_form(request.POST)
        more = [owners_form] if owners_form else []
        if not _valid(form, formsets, *more):
            return self.render_forms(form, formsets, owners_form=owners_form)
        if sheet := self.existing(programme):
            return self.already_there(form, formsets, owners_form, sheet=sheet)
        try:
            sheet = services.sheet_create(
                tool=self.tool,
                owner=self.owner,
                programme=programme,
                user=request.user,
                values=form.cleaned_data,
                rows=cleaned_rows(formsets),
                co_owners=owners_form.cleaned_data["co_owners"] if owners_form else (),
            )
        except IntegrityError:
            # Someone created this one-per-owner sheet meanwhile (see SheetScope).
            sheet = self.existing(programme)
            return self.already_there(form, formsets, owners_form, sheet=sheet)
        return self.saved(
            sheet, _("Saved. Only your team and your consultant see it until you share it.")
        )


# What the read page shows the reader besides the sheet, read when it shows it.
READERS_PART = (
    "can",
    "transitions",
    "reviewed_version",
    "changes_since_review",
    "comments",
    "comment_form",
)


class SheetDetailView(SheetMixin, DetailView):
    template_name = "learning/sheet_detail.html"
    related_when_shown = True

    def get_context_data(self, **kwargs):
        # The sheet as shown, what the reader may do and the comments are read when the page
        # shows them: not while the reader's rendered page is kept (`{% kept %}` in the
        # template), until the data changes. A form given (shown again after a POST) takes the
        # place of the blank one.
        context = {
            "sheet": self.shown_sheet,
            **freshness.lazily(self.readers_part, READERS_PART),
            "draft_saved": self.request.session.pop(DRAFT_SAVED, None),
            # Whose the kept partial is: every reader's, or this one's.
            "body_reader": self.request.user.pk if self.tool.partial_per_reader else "",
            **kwargs,
        }
        return super().get_context_data(**context)

    def readers_part(self):
        sheet, user = self.object, self.request.user
        can = {
            action: user.has_perm(f"learning.{action}_sheet", sheet)
            for action in ("change", "comment")
        }
        can["change"] = can["change"] and sheet.is_editable  # a superuser's too
        return {
            "can": can,
            "transitions": sheet.workflow.available(sheet, user),
            **self.changes_since_review(),
            "comments": sheet.comments.select_related("author"),
            "comment_form": CommentForm(),
        }

    def changes_since_review(self):
        """For the consultant: what the owners changed after the last review."""
        sheet = self.object
        if sheet.status != Status.CHANGED or not self.request.user.has_perm(
            "learning.review_sheet", sheet
        ):
            return {}
        version = sheet.reviewed_version()
        return {
            "reviewed_version": version,
            "changes_since_review": changes_since(sheet, version) if version else [],
        }


# What the edit page shows of its forms, read when it shows them.
BLANK_FORMS = (
    "sheet",
    "form",
    "formsets",
    "rowsets",
    "formset_errors",
    "vanished_rows",
    "files_to_reattach",
    "version_form",
    "rows_page",
    "draft_key",
)


class SheetUpdateView(SheetMixin, PermissionRequiredMixin, SheetFormMixin, UpdateView):
    permission_required = "learning.change_sheet"
    related_when_shown = True

    @property
    def owner(self):
        """The municipality this person edits for (a joint sheet has several owners)."""
        return self.object.owner_for(self.request.user)

    def draft_key(self):
        key = f"sheet-{self.tool.slug}-{self.object.pk}"
        return f"{key}-rows-{self.rows_page.number}" if self.rows_page.number > 1 else key

    def build(self, data=None, files=None):
        """A long sheet is edited a page of rows at a time (`?page=`, kept when saving)."""
        form, formsets = super().build(data, files)
        self.rows_page = rows_page(formsets, self.request.GET.get("page"))
        paginate_rows(formsets, self.rows_page)
        return form, formsets

    def get_context_data(self, **kwargs):
        if "rows_page" not in kwargs:
            kwargs["rows_page"] = self.rows_page
        return super().get_context_data(**kwargs)

    def has_permission(self):
        # A superuser holds every permission, but a frozen sheet (signed terms of reference)
        # is changed by nobody until it is reopened.
        return self.get_object().is_editable and super().has_permission()

    def handle_no_permission(self):
        sheet = self.get_object()
        if not sheet.is_editable:
            raise PermissionDenied(
                _("This sheet is %(status)s: it can no longer be changed.")
                % {"status": sheet.get_status_display()}
            )
        return super().handle_no_permission()

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        # The forms are built when the page shows them: not while the reader's rendered form
        # is kept (`{% kept %}` in the template), until the data changes.
        return self.render_to_response(
            self.get_context_data(**freshness.lazily(self.blank_forms, BLANK_FORMS))
        )

    def blank_forms(self):
        sheet = self.shown_sheet()
        form, formsets = self.build()
        return {
            "sheet": sheet,
            **self.forms_context(form, formsets),
            "version_form": VersionForm(initial={"version": self.object.version}),
            "rows_page": self.rows_page,
            "draft_key": self.draft_key(),
        }

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        form, formsets = self.build(request.POST, request.FILES)
        version_form = VersionForm(request.POST)
        if not _valid(form, formsets):
            version_form.is_valid()
            return self.render_forms(form, formsets, version_form=version_form)
        if not version_form.is_valid():
            return self.conflict(form, formsets, started_from=0)
        started_from = version_form.cleaned_data["version"]
        if any(_vanished(formset) for formset in formsets):
            # Rows removed meanwhile come back as new ones only after the person has seen so.
            return self.conflict(form, formsets, started_from=started_from)
        try:
            sheet = services.sheet_update(
                sheet=self.object,
                user=request.user,
                version=started_from,
                values=form.cleaned_data,
                rows=cleaned_rows(formsets),
                first_rows=first_rows(formsets, self.rows_page),
            )
        except Conflict:
            return self.conflict(form, formsets, started_from=started_from)
        return self.saved(sheet, _("Saved (version %(version)s).") % {"version": sheet.version})

    def conflict(self, form, formsets, *, started_from):
        """409: someone saved meanwhile. Everything typed stays in the bound form; the fresh
        version number lets the person save over the other change deliberately."""
        current = self.get_queryset().get(pk=self.object.pk)
        current.sheet_number = self.object.sheet_number
        self.template_name = "learning/sheet_conflict.html"
        return self.render_forms(
            form,
            formsets,
            status=409,
            version_form=VersionForm(initial={"version": current.version}),
            current=current,
            started_from=started_from,
            changes=changes_since(current, started_from),
        )
