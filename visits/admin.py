"""The admin of the site visits, for the platform's administrators (superusers only, see
`sdgp.admin_site`): visits with their delegations, delegations with their members, and the
site-visit tools (6 and 7) like the learning tools. Everyone else uses the app's pages."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from learning.admin import SheetAdmin, _inline_admin
from learning.tools.registry import tools

from .models import Delegation, DelegationMember, SiteVisit


class DelegationInline(admin.TabularInline):
    model = Delegation
    extra = 0
    fields = ["partnership", "visitor", "host", "withdrawn_on", "withdrawal_reason"]
    readonly_fields = ["visitor", "host"]
    show_change_link = True


@admin.register(SiteVisit)
class SiteVisitAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "programme", "direction", "start_date", "end_date"]
    list_filter = ["programme", "direction"]
    date_hierarchy = "start_date"
    filter_horizontal = ["guides"]
    inlines = [DelegationInline]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("programme")


class DelegationMemberInline(admin.TabularInline):
    model = DelegationMember
    extra = 0
    fields = ["name", "position", "profile", "languages", "order"]


@admin.register(Delegation)
class DelegationAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "visit", "partnership", "withdrawn_on"]
    list_filter = ["visit__programme", "visit"]
    search_fields = ["visitor__name", "host__name"]
    readonly_fields = ["visitor", "host"]
    inlines = [DelegationMemberInline]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("visit", "visitor", "host", "partnership__north", "partnership__south")
        )


for tool in tools():
    if tool.model._meta.app_label == "visits" and not admin.site.is_registered(tool.model):
        admin.site.register(
            tool.model,
            type(
                f"{tool.model.__name__}Admin",
                (SheetAdmin,),
                {"inlines": [_inline_admin(inline) for inline in tool.inlines]},
            ),
        )
