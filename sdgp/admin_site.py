"""The Django admin belongs to the platform's administrators (superusers). Programme staff work
through the app's pages, which are scoped to their programme; whatever their `is_staff` flag or
groups say, the admin lets nobody else in."""

from django.conf import settings
from django.contrib import admin
from django.contrib.admin import apps
from django.core.exceptions import PermissionDenied
from django.urls import reverse


class AdminSite(admin.AdminSite):
    def has_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def login(self, request, extra_context=None):
        """One log-in page for the whole site, the app's (with its rate limit): the admin's own
        form is not offered. A person already logged in who may not enter gets 403."""
        from django.contrib.auth.views import redirect_to_login

        if self.has_permission(request):
            return super().login(request, extra_context)
        if request.user.is_authenticated:
            raise PermissionDenied
        return redirect_to_login(
            request.GET.get("next", reverse("admin:index", current_app=self.name)),
            settings.LOGIN_URL,
        )


class AdminConfig(apps.AdminConfig):
    default_site = "sdgp.admin_site.AdminSite"
