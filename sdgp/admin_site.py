"""The Django admin belongs to the platform's administrators (superusers). Programme staff work
through the app's pages, which are scoped to their programme; whatever their `is_staff` flag or
groups say, the admin lets nobody else in."""

from django.contrib import admin
from django.contrib.admin import apps


class AdminSite(admin.AdminSite):
    def has_permission(self, request):
        return request.user.is_active and request.user.is_superuser


class AdminConfig(apps.AdminConfig):
    default_site = "sdgp.admin_site.AdminSite"
