from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportModelAdmin
from simple_history.admin import SimpleHistoryAdmin

from . import services
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


class VisibleToMixin:
    """Programme staff see in the admin what they see on the site: their programme's rows."""

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(pk__in=self.model.objects.visible_to(request.user).values("pk"))


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
class ProgrammeAdmin(VisibleToMixin, admin.ModelAdmin):
    list_display = ["name", "parent_programme", "start_date", "end_date"]
    search_fields = ["name", "parent_programme"]
    list_filter = ["start_date"]
    filter_horizontal = ["staff"]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        for user in form.instance.staff.all():
            services.programme_staff_add(programme=form.instance, user=user)


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


@admin.register(LocalGovernment)
class LocalGovernmentAdmin(VisibleToMixin, ImportExportModelAdmin):
    list_display = ["name", "kind", "country", "umbrella", "population"]
    search_fields = ["name"]
    list_filter = ["country", "kind", "umbrella"]
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(VisibleToMixin, admin.ModelAdmin):
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
class PartnershipAdmin(VisibleToMixin, SimpleHistoryAdmin):
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
