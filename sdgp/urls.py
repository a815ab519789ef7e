from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language

from . import auth, views

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("login/", auth.RateLimitedLoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password/", auth.RateLimitedPasswordChangeView.as_view(), name="password_change"),
    path(
        "invitations/<uidb64>/<token>/",
        auth.InvitationAcceptView.as_view(),
        name="invitation_accept",
    ),
    # The language switch also works on the log-in page.
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("admin/", admin.site.urls),
    path("", include("partnerships.urls")),
    path("", include("learning.urls")),
    path("visits/", include("visits.urls")),
    path("coaching/", include("coaching.urls")),
    path("", include("reports.urls")),
]

urlpatterns += [path("media/<path:path>", views.media, name="media")]
