"""The admin of the learning tools: every registered tool of this app with its rows, and the
comments. Only the platform's administrators (superusers) enter the admin (`sdgp.admin_site`);
even for them a sheet keeps its optimistic lock, its history cannot be reverted from the admin,
and a comment is written in their own name."""

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from .locking import claim
from .models import Comment
from .tools.registry import tools


class SheetAdminForm(forms.ModelForm):
    """Carries the version the administrator opened, like the app's edit page: a save over a
    newer version is refused instead of silently overwriting it."""

    started_from = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["started_from"].initial = self.instance.version

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk:
            current = (
                type(self.instance)
                .objects.select_for_update()
                .values_list("version", flat=True)
                .get(pk=self.instance.pk)
            )
            if cleaned_data.get("started_from") != current:
                raise ValidationError(
                    _(
                        "Someone saved this sheet after you opened it; it is at version "
                        "%(version)s now. Open it again to see their changes."
                    ),
                    code="conflict",
                    params={"version": current},
                )
        return cleaned_data


class SheetAdmin(SimpleHistoryAdmin):
    form = SheetAdminForm
    list_display = ["__str__", "status", "version", "updated_at"]
    list_filter = ["status", "programme"]
    filter_horizontal = ["owners"]
    readonly_fields = ["status", "version", "created_by", "created_at", "updated_at"]

    def save_model(self, request, obj, form, change):
        if change:
            # The same lock as the app's save (learning/locking.py).
            claim(obj, form.cleaned_data["started_from"])
        super().save_model(request, obj, form, change)

    # Reverting from the admin's history would save an old copy of the sheet's own fields
    # (programme included) without its rows and around the version check: history is read-only.
    def has_change_history_permission(self, request, obj=None):
        return False

    def revert_disabled(self, request, obj=None):
        return True

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST":
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)


def _inline_admin(inline):
    """The tool's rows in the admin, with the tool's own row form (its fields may be form
    fields, such as the phases of a strategy)."""
    attributes = {"model": inline.model, "fields": inline.fields, "extra": 0}
    attributes.update(fk_name=inline.fk_name, max_num=inline.max_num)
    if inline.form is not None:
        attributes["form"] = inline.form
    return type(f"{inline.model.__name__}Inline", (admin.TabularInline,), attributes)


for tool in tools():
    if tool.model._meta.app_label == "learning" and not admin.site.is_registered(tool.model):
        admin.site.register(
            tool.model,
            type(
                f"{tool.model.__name__}Admin",
                (SheetAdmin,),
                {"inlines": [_inline_admin(inline) for inline in tool.inlines]},
            ),
        )


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["author", "content_type", "object_id", "created_at"]
    list_filter = ["content_type"]
    search_fields = ["text"]
    readonly_fields = ["author", "created_at"]

    def save_model(self, request, obj, form, change):
        # A comment is written in the name of whoever writes it.
        if not change:
            obj.author = request.user
        super().save_model(request, obj, form, change)
