"""The admin of the learning tools: every registered tool of this app with its rows, and the
comments. Programme staff see in the admin what they see on the site."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Comment
from .tools.registry import tools


class VisibleToMixin:
    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(pk__in=self.model.objects.visible_to(request.user).values("pk"))


class SheetAdmin(VisibleToMixin, SimpleHistoryAdmin):
    list_display = ["__str__", "status", "version", "updated_at"]
    list_filter = ["status", "programme"]
    filter_horizontal = ["owners"]
    readonly_fields = ["status", "version", "created_by", "created_at", "updated_at"]


def _inline_admin(inline):
    return type(
        f"{inline.model.__name__}Inline",
        (admin.TabularInline,),
        {"model": inline.model, "fields": inline.fields, "extra": 0, "fk_name": inline.fk_name},
    )


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
    raw_id_fields = ["author"]
