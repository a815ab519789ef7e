"""The admin of the partnership domain, for the platform's administrators (superusers only,
see `sdgp.admin_site`). Programme staff use the app's pages."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _
from import_export import resources
from import_export.admin import ImportExportModelAdmin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Country,
    LearningTheme,
    LocalGovernment,
    Membership,
    Partnership,
    PartnershipStatusChange,
    Programme,
    UmbrellaOrganisation,
    User,
)


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user", "local_government"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    fieldsets = BaseUserAdmin.fieldsets + (
        (_("Profile"), {"fields": ("language", "position", "profile", "languages_spoken")}),
    )
    list_display = ["username", "email", "first_name", "last_name", "position", "is_active"]
    list_filter = BaseUserAdmin.list_filter + ("language", "profile")
    inlines = [MembershipInline]


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["name", "parent_programme", "start_date", "end_date"]
    search_fields = ["name", "parent_programme"]
    list_filter = ["start_date"]
    filter_horizontal = ["staff"]


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ["name_en", "iso_code", "region", "working_language", "local_unit"]
    search_fields = ["name_en", "name_fr", "name_nl", "iso_code"]
    list_filter = ["region", "working_language"]


@admin.register(UmbrellaOrganisation)
class UmbrellaOrganisationAdmin(admin.ModelAdmin):
    list_display = ["acronym", "name", "country"]
    search_fields = ["acronym", "name"]
    list_filter = ["country"]
    filter_horizontal = ["observers"]


@admin.register(LearningTheme)
class LearningThemeAdmin(admin.ModelAdmin):
    list_display = ["name_en", "programme", "sdg"]
    search_fields = ["name_en", "name_fr", "name_nl"]
    list_filter = ["programme", "sdg"]


class LocalGovernmentResource(resources.ModelResource):
    class Meta:
        model = LocalGovernment
        # Each row goes through the model's validation (a website must be http or https).
        clean_model_instances = True


@admin.register(LocalGovernment)
class LocalGovernmentAdmin(ImportExportModelAdmin):
    list_display = ["name", "kind", "country", "umbrella", "population"]
    search_fields = ["name"]
    list_filter = ["country", "kind", "umbrella"]
    inlines = [MembershipInline]
    resource_classes = [LocalGovernmentResource]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "local_government", "role"]
    search_fields = [
        "user__username",
        "user__first_name",
        "user__last_name",
        "local_government__name",
    ]
    list_filter = ["role", "local_government__country"]
    autocomplete_fields = ["user", "local_government"]


class StatusChangeInline(admin.TabularInline):
    model = PartnershipStatusChange
    extra = 0
    fields = ["status", "date", "reason", "withdrawn_by", "note", "created_by"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        # A new status goes through Partnership.change_status (the partnership page), which
        # keeps the partnership's current status and its history together.
        return False


@admin.register(Partnership)
class PartnershipAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "programme", "theme", "status", "start_date"]
    search_fields = ["north__name", "south__name"]
    list_filter = ["programme", "status", "theme", "south__country"]
    filter_horizontal = ["consultants"]
    inlines = [StatusChangeInline]


@admin.register(PartnershipStatusChange)
class PartnershipStatusChangeAdmin(admin.ModelAdmin):
    list_display = ["partnership", "status", "date", "reason", "withdrawn_by"]
    readonly_fields = ["partnership", "status", "date", "withdrawn_by", "created_by"]

    def has_add_permission(self, request):
        return False

    search_fields = ["partnership__north__name", "partnership__south__name", "note"]
    list_filter = ["status", "reason"]
